/**
 * 资金: money flows in integer fen — allocations, disbursements, social donations, enterprise
 * investment. A disbursement may not exceed what its project has been allocated unless marked as an
 * overrun with a reason; the database enforces the same invariant (0001_ledger-invariants.sql).
 * The grassroots/livelihood flag feeds the 80% rule (2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)).
 */
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { FUND_KINDS, FUND_SOURCES, funds } from "../../../db/tenant/schema";
import type { ErrorDetail } from "../../errors";
import { f } from "../fields";
import { fenToYuan } from "../money";
import { defineResource, type Change, type Row } from "../resource";

export const FUND_KIND_LABELS = {
  allocation: "安排（拨入）",
  disbursement: "拨付（支出）",
  social_donation: "社会捐赠",
  enterprise_investment: "企业投资",
} as const;
export const FUND_KIND_LABELS_EN: Record<keyof typeof FUND_KIND_LABELS, string> = { allocation: "Allocation", disbursement: "Disbursement", social_donation: "Social donation", enterprise_investment: "Enterprise investment" };

export const FUND_SOURCE_LABELS = { province: "省级", city: "市级", town: "镇街", enterprise: "企业", society: "社会" } as const;
export const FUND_SOURCE_LABELS_EN: Record<keyof typeof FUND_SOURCE_LABELS, string> = { province: "Province", city: "City", town: "Town", enterprise: "Enterprise", society: "Society" };

/**
 * What the earlier changes of the same write add to each project's allocated and (non-overrun)
 * disbursed fen: a new record its amount; a changed record its new amount less the stored one it
 * replaces (which the stored totals still count). An import passes the same growing list to every
 * row's check, so the totals are kept per list and extended by the changes added since the last call:
 * linear in the rows, not quadratic (20,000 disbursements stay fast).
 */
const running = new WeakMap<readonly Change[], { seen: number; totals: Map<string, { allocated: number; disbursed: number }> }>();

function projectBalance(changes: readonly Change[], projectId: string): { allocated: number; disbursed: number } {
  let state = running.get(changes);
  if (!state || state.seen > changes.length) {
    state = { seen: 0, totals: new Map() };
    running.set(changes, state);
  }
  const { totals } = state;
  const add = (r: Row, sign: 1 | -1) => {
    if (!r.projectId || r.voidedAt) return;
    const t = totals.get(String(r.projectId)) ?? { allocated: 0, disbursed: 0 };
    if (r.kind === "allocation") t.allocated += sign * Number(r.amountFen);
    if (r.kind === "disbursement" && !r.overrun) t.disbursed += sign * Number(r.amountFen);
    totals.set(String(r.projectId), t);
  };
  for (; state.seen < changes.length; state.seen++) {
    const { record, before } = changes[state.seen]!;
    add(record, 1);
    if (before) add(before, -1);
  }
  return { ...(totals.get(projectId) ?? { allocated: 0, disbursed: 0 }) };
}

export const fundsResource = defineResource({
  path: "funds",
  entity: "fund",
  label: { zh: "资金", en: "funds" },
  table: funds,
  fields: {
    kind: f.enumOf(FUND_KINDS, FUND_KIND_LABELS, "资金类型", "Kind", { en: FUND_KIND_LABELS_EN }),
    source: f.enumOf(FUND_SOURCES, FUND_SOURCE_LABELS, "资金来源", "Source", { en: FUND_SOURCE_LABELS_EN }),
    amountFen: f.money("金额（元）", "Amount (yuan)", { min: 1 }),
    date: f.date("日期", "Date"),
    areaCode: f.area("受援地代码", "Recipient area code"),
    projectId: f.ref("projects", "项目编号", "Project id"),
    program: f.program(),
    grassroots: f.bool("用于基层/民生", "Grassroots/livelihood"),
    overrun: f.bool("超支", "Overrun"),
    overrunReason: f.text("超支原因", "Overrun reason", 500, { required: false }),
    note: f.longText("备注", "Note"),
  },
  dateField: "date",
  filters: ["kind", "source", "areaCode", "projectId", "program", "grassroots", "overrun"],
  search: ["note", "overrunReason"],
  sorts: ["date", "amountFen", "kind"],
  defaultSort: "-date",
  titleField: "date",
  // Disbursements draw on allocations: in a bulk void they go first, so the allocations are free to follow.
  voidOrder: (r) => (r.kind === "allocation" ? 1 : 0),
  refine: (r): ErrorDetail[] => {
    const problems: ErrorDetail[] = [];
    if (r.overrun && !r.overrunReason) problems.push({ path: "overrunReason", message: "标记为超支时须填写原因 | An overrun needs a reason" });
    if (r.overrun && r.kind !== "disbursement") problems.push({ path: "overrun", message: "只有拨付可以标记为超支 | Only a disbursement can be an overrun" });
    return problems;
  },
  check: async (ctx, record, before, earlier) => {
    const projectId = record.projectId ? String(record.projectId) : before?.projectId ? String(before.projectId) : null;
    if (!projectId) return [];
    const counts = (r: Row) => !r.voidedAt;
    const disbursing = record.kind === "disbursement" && !record.overrun && counts(record);
    // An allocation that is voided, lowered or moved away leaves less for the disbursements made against it.
    const withdrawing = before?.kind === "allocation" && (!counts(record) || record.kind !== "allocation" || Number(record.amountFen) < Number(before.amountFen) || record.projectId !== before.projectId);
    if (!disbursing && !withdrawing) return [];
    const stored = await ctx.tenant.db
      .select({
        allocated: sql<number>`COALESCE(SUM(CASE WHEN ${funds.kind} = 'allocation' THEN ${funds.amountFen} END), 0)`,
        disbursed: sql<number>`COALESCE(SUM(CASE WHEN ${funds.kind} = 'disbursement' AND ${funds.overrun} = 0 THEN ${funds.amountFen} END), 0)`,
      })
      .from(funds)
      .where(and(eq(funds.projectId, projectId), isNull(funds.voidedAt), before ? ne(funds.id, String(before.id)) : undefined));
    const pending = projectBalance(earlier, projectId);
    const mine = record.projectId === projectId && counts(record) ? record : null;
    const allocated = Number(stored[0]?.allocated ?? 0) + pending.allocated + (mine?.kind === "allocation" ? Number(mine.amountFen) : 0);
    const disbursedOthers = Number(stored[0]?.disbursed ?? 0) + pending.disbursed;
    if (disbursing) {
      const amount = Number(record.amountFen);
      if (disbursedOthers + amount <= allocated) return [];
      const left = Math.max(0, allocated - disbursedOthers);
      return [
        {
          path: "amountFen",
          message: `拨付 ${fenToYuan(amount)} 元超过该项目尚可拨付的 ${fenToYuan(left)} 元（已安排 ${fenToYuan(allocated)} 元，已拨付 ${fenToYuan(disbursedOthers)} 元）；如确需超支，请勾选“超支”并填写原因 | Disbursing ${fenToYuan(amount)} exceeds the ${fenToYuan(left)} yuan left on the project (allocated ${fenToYuan(allocated)}, disbursed ${fenToYuan(disbursedOthers)}); mark it as an overrun with a reason if intended`,
        },
      ];
    }
    if (disbursedOthers <= allocated) return [];
    return [
      {
        path: record.voidedAt ? "voidReason" : "amountFen",
        message: `该项目已拨付 ${fenToYuan(disbursedOthers)} 元，此项变更后安排资金仅剩 ${fenToYuan(allocated)} 元，不足以覆盖已拨付金额；请先调整拨付记录 | The project has disbursed ${fenToYuan(disbursedOthers)} yuan; after this change only ${fenToYuan(allocated)} would be allocated. Adjust the disbursements first`,
      },
    ];
  },
});
