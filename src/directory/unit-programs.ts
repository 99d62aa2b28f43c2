/** The programs a unit takes part in (through its group memberships), briefly cached per process. */
import { eq } from "drizzle-orm";
import { groupMembers, groups } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { TtlCache } from "../tenants/ttl-cache";

const unitPrograms = new TtlCache<string[]>(5_000);

export async function programsOf(db: PlatformDb, unit: string): Promise<string[]> {
  const programs = await unitPrograms.get(unit, async () => {
    const rows = await db.selectDistinct({ program: groups.program }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(eq(groupMembers.unit, unit));
    return rows.map((r) => r.program).sort();
  });
  return [...programs];
}

/** Forgets a unit's cached programs (its memberships changed in this process). */
export function forgetUnitPrograms(unit: string): void {
  unitPrograms.delete(unit);
}
