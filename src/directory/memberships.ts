/**
 * What every way of placing a unit in a group checks, how a change to a group's memberships is
 * written, and what follows it — one piece for the memberships API, the participants API and a unit
 * created into groups.
 */
import type { InStatement } from "@libsql/client";
import { groupMembers } from "../../db/platform/schema";
import type { ErrorDetail } from "../errors";
import { auditIfWon, ifAudited, type PlatformAuditEntry } from "../platform/guarded-write";
import type { Services } from "../services";
import { forgetUnitPrograms } from "./unit-programs";

export type Membership = typeof groupMembers.$inferSelect;

/** A stay's days as comparable texts (open ends reach the program's first and last day). */
const span = (m: { effectiveFrom: string | null; effectiveTo: string | null }) => ({ from: m.effectiveFrom ?? "0000-00-00", to: m.effectiveTo ?? "9999-12-31" });
const overlaps = (a: { effectiveFrom: string | null; effectiveTo: string | null }, b: { effectiveFrom: string | null; effectiveTo: string | null }) => span(a).from <= span(b).to && span(b).from <= span(a).to;

/**
 * A stay's days are within the program's term and in order; the unit has no other stay in the group on
 * those days (it may leave and join again later); a lead overlaps no other unit's lead.
 */
export function membershipProblems(
  group: { startYear: number; endYear: number; name: string },
  m: Pick<Membership, "role" | "effectiveFrom" | "effectiveTo" | "unit"> & { id?: number },
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
  const rest = others.filter((o) => o.id !== m.id);
  const stay = rest.find((o) => o.unit === m.unit && overlaps(o, m));
  if (stay) {
    details.push({
      path: `${path}.effectiveFrom`,
      code: "overlapping_stay",
      message: stay.effectiveTo
        ? `该单位在 ${stay.effectiveFrom ?? "工作开始"} 至 ${stay.effectiveTo} 已在该帮扶集团中；再次加入须从 ${stay.effectiveTo} 之后开始 | The unit is in the group until ${stay.effectiveTo}; a new stay must start after it`
        : `该单位已在该帮扶集团中（自 ${stay.effectiveFrom ?? "工作开始"} 起）；请修改其成员关系，或先结束后再加入 | The unit is already in the group; change that membership, or end it first`,
    });
  }
  if (m.role === "lead") {
    const clash = rest.find((o) => o.unit !== m.unit && o.role === "lead" && overlaps(o, m));
    if (clash) details.push({ path: `${path}.role`, code: "group_has_lead", message: `该帮扶集团在这段时间已有牵头单位（${clash.unit}），请先结束其牵头关系或改为成员 | The group has a lead (${clash.unit}) then; end it or make it a member first` });
  }
  return details;
}

/**
 * A change to a group's memberships, written the one guarded way (src/platform/guarded-write.ts):
 * the group's version is the guard — so two changes checked against the same memberships cannot both
 * land (two leads at once, two overlapping stays) — then the audit row, then the change itself, only if
 * audited. `alsoRequire` adds a condition to the guard (the membership's own If-Match version).
 * Answers whether this write won.
 */
export async function writeGroupChange(
  services: Services,
  group: { id: string; version: number },
  entry: PlatformAuditEntry,
  change: (audited: { sql: string; args: string[] }) => InStatement,
  alsoRequire?: { sql: string; args: (string | number)[] },
): Promise<boolean> {
  const [guard] = await services.platformClient.batch(
    [
      { sql: `UPDATE groups SET version = version + 1 WHERE id = ? AND version = ?${alsoRequire ? ` AND ${alsoRequire.sql}` : ""}`, args: [group.id, group.version, ...(alsoRequire?.args ?? [])] },
      auditIfWon(entry),
      change(ifAudited(entry)),
    ],
    "write",
  );
  return guard?.rowsAffected === 1;
}

/** After a change: the unit's cached programs are stale, and its figures are refreshed in the background. */
export async function membershipChanged(services: Services, unit: string): Promise<void> {
  forgetUnitPrograms(unit);
  await services.queue.send([{ runId: "", job: "refresh", target: { kind: "unit", unit } }]);
}
