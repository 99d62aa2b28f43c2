/**
 * The structure as the directory API gives it: the server's own types (src/directory/programs.ts), so the
 * screens cannot drift from what GET /api/programs/{program}, …/groups and …/participants answer.
 */
import type { GroupView, ParticipantView, ProgramSummary } from "../../../../src/directory/programs";

export type Program = ProgramSummary;
export type Group = GroupView;
export type Stay = GroupView["members"][number];
export type Participant = ParticipantView;
