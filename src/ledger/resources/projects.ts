/**
 * 项目库: the project library, with its status workflow
 * (planned → approved → in progress → completed → accepted; the database refuses other steps) and the
 * grassroots/livelihood flag counted by the 80% rule
 * (2022-guangdong-old-revolutionary-areas-pairing.txt §三(二); 2022-guangdong-guizhou-pairing-opinions.txt §(一)).
 */
import { PROJECT_CATEGORIES, PROJECT_STATUSES, projects } from "../../../db/tenant/schema";
import type { ErrorDetail } from "../../errors";
import { f } from "../fields";
import { defineResource } from "../resource";

export const PROJECT_CATEGORY_LABELS = {
  industry: "产业合作",
  employment: "劳务协作与就业",
  education: "教育",
  health: "医疗卫生",
  infrastructure: "基础设施",
  rural_revitalisation: "乡村振兴",
  consumption: "消费帮扶",
  culture: "文化",
  other: "其他",
} as const;
export const PROJECT_CATEGORY_LABELS_EN: Record<keyof typeof PROJECT_CATEGORY_LABELS, string> = { industry: "Industry", employment: "Labour & employment", education: "Education", health: "Health", infrastructure: "Infrastructure", rural_revitalisation: "Rural revitalisation", consumption: "Consumption support", culture: "Culture", other: "Other" };

export const PROJECT_STATUS_LABELS = {
  planned: "计划",
  approved: "已立项",
  in_progress: "实施中",
  completed: "已完工",
  accepted: "已验收",
} as const;
export const PROJECT_STATUS_LABELS_EN: Record<keyof typeof PROJECT_STATUS_LABELS, string> = { planned: "Planned", approved: "Approved", in_progress: "In progress", completed: "Completed", accepted: "Accepted" };

/** The one step each status may take. */
export const NEXT_STATUS: Record<string, string | undefined> = { planned: "approved", approved: "in_progress", in_progress: "completed", completed: "accepted" };

export const projectsResource = defineResource({
  path: "projects",
  entity: "project",
  label: { zh: "项目", en: "projects" },
  table: projects,
  fields: {
    title: f.text("项目名称", "Title", 200),
    category: f.enumOf(PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS, "项目类别", "Category", { en: PROJECT_CATEGORY_LABELS_EN }),
    status: f.enumOf(PROJECT_STATUSES, PROJECT_STATUS_LABELS, "状态", "Status", { required: false, en: PROJECT_STATUS_LABELS_EN, workflow: NEXT_STATUS }),
    areaCode: f.area("受援地代码", "Recipient area code"),
    pairingId: f.ref("pairings", "结对关系编号", "Pairing id"),
    program: f.program(),
    budgetFen: f.money("预算（元）", "Budget (yuan)", { required: false }),
    beneficiaries: f.int("受益人数", "Beneficiaries", { required: false }),
    beneficiariesLifted: f.int("其中脱贫人口", "Of whom lifted out of poverty", { required: false }),
    grassroots: f.bool("基层/民生项目", "Grassroots/livelihood"),
    startDate: f.date("开工日期", "Start date", { required: false }),
    endDate: f.date("完工日期", "End date", { required: false }),
    location: f.text("项目地点", "Location", 200, { required: false }),
    description: f.longText("项目内容", "Description"),
  },
  dateField: "startDate",
  filters: ["status", "category", "areaCode", "pairingId", "program", "grassroots"],
  search: ["title", "location", "description"],
  sorts: ["startDate", "title", "budgetFen", "status"],
  defaultSort: "-createdAt",
  titleField: "title",
  refine: (r): ErrorDetail[] => {
    const problems: ErrorDetail[] = [];
    if (Number(r.beneficiariesLifted ?? 0) > Number(r.beneficiaries ?? 0)) {
      problems.push({ path: "beneficiariesLifted", message: "脱贫人口不能多于受益人数 | Cannot exceed the number of beneficiaries" });
    }
    if (r.endDate && r.startDate && String(r.endDate) < String(r.startDate)) {
      problems.push({ path: "endDate", message: "完工日期不能早于开工日期 | The end date cannot be before the start date" });
    }
    return problems;
  },
  check: async (_ctx, record, before) => {
    if (!before || before.status === record.status) return [];
    if (NEXT_STATUS[String(before.status)] === record.status) return [];
    const from = PROJECT_STATUS_LABELS[before.status as keyof typeof PROJECT_STATUS_LABELS];
    const to = PROJECT_STATUS_LABELS[record.status as keyof typeof PROJECT_STATUS_LABELS];
    const next = NEXT_STATUS[String(before.status)];
    return [
      {
        path: "status",
        message: next
          ? `项目状态不能从“${from}”改为“${to}”，下一步只能是“${PROJECT_STATUS_LABELS[next as keyof typeof PROJECT_STATUS_LABELS]}” | Status cannot go from ${String(before.status)} to ${String(record.status)}; the next step is ${next}`
          : `项目已验收，状态不能再改 | The project is accepted; its status is final`,
      },
    ];
  },
});
