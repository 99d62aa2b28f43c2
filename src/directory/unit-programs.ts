/**
 * The programs a unit takes part in — through its group memberships, or as a participant without a
 * pairing — at any time (a unit keeps its earlier programs' records), briefly cached per process.
 */
import { eq } from "drizzle-orm";
import { groupMembers, groups, programParticipants } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { TtlCache } from "../tenants/ttl-cache";

const unitPrograms = new TtlCache<string[]>(5_000);

export async function programsOf(db: PlatformDb, unit: string): Promise<string[]> {
  const programs = await unitPrograms.get(unit, async () => {
    const [grouped, participating] = await Promise.all([
      db.selectDistinct({ program: groups.program }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(eq(groupMembers.unit, unit)),
      db.selectDistinct({ program: programParticipants.program }).from(programParticipants).where(eq(programParticipants.unit, unit)),
    ]);
    return [...new Set([...grouped, ...participating].map((r) => r.program))].sort();
  });
  return [...programs];
}

/** Forgets a unit's cached programs (its memberships changed in this process). */
export function forgetUnitPrograms(unit: string): void {
  unitPrograms.delete(unit);
}
