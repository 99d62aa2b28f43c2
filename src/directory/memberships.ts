/**
 * What every way of placing a unit in a group checks, and what follows any change to a membership —
 * one piece for the memberships API and for a unit created into groups.
 */
import { groupMembers } from "../../db/platform/schema";
import type { ErrorDetail } from "../errors";
import type { Services } from "../services";
import { forgetUnitPrograms } from "./unit-programs";

export type Membership = typeof groupMembers.$inferSelect;

/** A membership's days are within the program's term and in order; a lead overlaps no other lead in force. */
export function membershipProblems(
  group: { startYear: number; endYear: number; name: string },
  m: Pick<Membership, "role" | "effectiveFrom" | "effectiveTo" | "unit">,
  others: readonly Membership[],
  path = "body",
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const termFrom = `${group.startYear}-01-01`;
  const termTo = `${group.endYear}-12-31`;
  for (const [key, day] of [["effectiveFrom", m.effectiveFrom], ["effectiveTo", m.effectiveTo]] as const) {
    if (day && (day < termFrom || day > termTo)) details.push({ path: `${path}.${key}`, code: "outside_term", message: `《${group.name}》的工作期限为 ${group.startYear}—${group.endYear} 年，${day} 不在期限内 | ${day} is outside the program's term` });
  }
  if (m.effectiveFrom && m.effectiveTo && m.effectiveTo < m.effectiveFrom) details.push({ path: `${path}.effectiveTo`, code: "ends_before_start", message: "结束日期早于开始日期 | Ends before it starts" });
  if (m.role === "lead") {
    const from = m.effectiveFrom ?? "0000-00-00";
    const to = m.effectiveTo ?? "9999-12-31";
    const clash = others.find((o) => o.unit !== m.unit && o.role === "lead" && (o.effectiveFrom ?? "0000-00-00") <= to && from <= (o.effectiveTo ?? "9999-12-31"));
    if (clash) details.push({ path: `${path}.role`, code: "group_has_lead", message: `该帮扶集团在这段时间已有牵头单位（${clash.unit}），请先结束其牵头关系或改为成员 | The group has a lead (${clash.unit}) then; end it or make it a member first` });
  }
  return details;
}

/** After a change: the unit's cached programs are stale, and its figures are refreshed in the background. */
export async function membershipChanged(services: Services, unit: string): Promise<void> {
  forgetUnitPrograms(unit);
  await services.queue.send([{ runId: "", job: "refresh", target: { kind: "unit", unit } }]);
}

