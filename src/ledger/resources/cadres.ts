/**
 * 挂职干部: seconded cadres. Name, gender, birth date and phone are personal: only the unit's own
 * roles see them; coordinators and reports get counts. The planned end defaults to the program's
 * term: 3 years for provincial organs' cadres (2022-guangdong-old-revolutionary-areas-pairing.txt §二(二)),
 * one year for Shaoguan cadres in Dongguan (2022-dongguan-shaoguan-three-year-action-plan.txt §二(三)).
 */
import { eq } from "drizzle-orm";
import { programs } from "../../../db/platform/schema";
import { CADRE_LEVELS, CADRE_STATUSES, cadres } from "../../../db/tenant/schema";
import type { ErrorDetail } from "../../errors";
import { termEnd } from "../../periods/period";
import { f } from "../fields";
import { defineResource, type Row } from "../resource";

export const CADRE_LEVEL_LABELS = { county_deputy: "县处级副职", middle_manager: "中层管理人员", section: "科级", other: "其他" } as const;
export const CADRE_LEVEL_LABELS_EN: Record<keyof typeof CADRE_LEVEL_LABELS, string> = { county_deputy: "County deputy", middle_manager: "Middle manager", section: "Section level", other: "Other" };
export const CADRE_STATUS_LABELS = { in_post: "在岗", completed: "期满", recalled: "提前召回" } as const;
export const CADRE_STATUS_LABELS_EN: Record<keyof typeof CADRE_STATUS_LABELS, string> = { in_post: "In post", completed: "Completed", recalled: "Recalled" };

export const cadresResource = defineResource({
  path: "cadres",
  entity: "cadre",
  label: { zh: "挂职干部", en: "cadres" },
  table: cadres,
  fields: {
    name: f.text("姓名", "Name", 50, { personal: true }),
    gender: f.enumOf(["male", "female"] as const, { male: "男", female: "女" }, "性别", "Gender", { required: false, personal: true, en: { male: "Male", female: "Female" } }),
    birthDate: f.date("出生日期", "Birth date", { required: false, personal: true, min: "1930-01-01" }),
    phone: f.text("联系电话", "Phone", 30, { required: false, personal: true }),
    sendingSubUnitId: f.ref("sub_units", "派出下属单位编号", "Sending sub-unit id"),
    post: f.text("挂任职务", "Post held", 200),
    level: f.enumOf(CADRE_LEVELS, CADRE_LEVEL_LABELS, "职级", "Level", { en: CADRE_LEVEL_LABELS_EN }),
    hostAreaCode: f.area("挂职地代码", "Host area code"),
    program: f.program(),
    startDate: f.date("挂职开始日期", "Start date"),
    plannedEndDate: f.date("计划期满日期", "Planned end", { required: false, help: "留空时按所属帮扶工作的挂职期限计算", helpEn: "Left empty: computed from the program's term" }),
    actualEndDate: f.date("实际结束日期", "Actual end", { required: false }),
    status: f.enumOf(CADRE_STATUSES, CADRE_STATUS_LABELS, "状态", "Status", { required: false, en: CADRE_STATUS_LABELS_EN }),
    note: f.longText("备注", "Note", { personal: true }),
  },
  dateField: "startDate",
  filters: ["level", "status", "hostAreaCode", "program", "sendingSubUnitId"],
  search: ["post"],
  sorts: ["startDate", "plannedEndDate", "level", "status"],
  defaultSort: "plannedEndDate",
  titleField: "post",
  prepare: async (ctx, record): Promise<Row> => {
    if (record.plannedEndDate || !record.program || !record.startDate) return record;
    const [program] = await ctx.platform.select({ months: programs.cadreTermMonths }).from(programs).where(eq(programs.slug, String(record.program)));
    return program?.months ? { ...record, plannedEndDate: termEnd(String(record.startDate), program.months) } : record;
  },
  refine: (r): ErrorDetail[] => {
    const problems: ErrorDetail[] = [];
    if (!r.plannedEndDate) problems.push({ path: "plannedEndDate", message: "请填写计划期满日期（所属帮扶工作未规定挂职期限） | Give the planned end (the program sets no term)" });
    else if (String(r.plannedEndDate) <= String(r.startDate)) problems.push({ path: "plannedEndDate", message: "计划期满日期应晚于开始日期 | The planned end must be after the start" });
    if (r.actualEndDate && String(r.actualEndDate) < String(r.startDate)) problems.push({ path: "actualEndDate", message: "实际结束日期不能早于开始日期 | The actual end cannot be before the start" });
    if (r.status && r.status !== "in_post" && !r.actualEndDate) problems.push({ path: "actualEndDate", message: "期满或召回时须填写实际结束日期 | Give the actual end when the term is over" });
    return problems;
  },
});
