/**
 * Judgements already made in this process (or isolate), keyed by everything they depend on: the
 * facts' computation, the rule-set version, the group areas, the program's term and the judging day.
 * Judging is pure, so an equal key means an equal result; a changed input is a different key and the
 * old entry simply ages out. It spares the rollup reading and judging every unit's facts on each read.
 */
import type { Period } from "../periods/period";
import { periodKey } from "../periods/period";
import type { GroupArea } from "../rules/types";
import type { SubmissionFact } from "./facts";
import type { ProgramTerms, UnitFigures } from "./judge";

/** A judgement with the raw submissions the rollup lists beside it. */
export interface Judged {
  figures: UnitFigures;
  submissions: SubmissionFact[];
}

const MAX_ENTRIES = 4096;
const entries = new Map<string, Judged>();

export function judgedKey(unit: string, program: ProgramTerms, groupAreas: readonly GroupArea[], period: Period, day: string, factsComputedAt: string | null): string {
  const areas = groupAreas.map((g) => `${g.areaCode}:${g.role}`).sort().join(",");
  return [unit, program.slug, program.rulesVersion, `${program.startYear}-${program.endYear}`, areas, periodKey(period), day, factsComputedAt].join("|");
}

export function cachedJudgement(key: string): Judged | undefined {
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last, so the oldest is evicted first.
    entries.delete(key);
    entries.set(key, hit);
  }
  return hit;
}

export function rememberJudgement(key: string, judged: Judged): void {
  entries.set(key, judged);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}
