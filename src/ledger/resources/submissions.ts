/**
 * 季度报送: each quarter a unit reports its progress, problems and next steps to the program's
 * coordinating office (2022-dongguan-shaoguan-three-year-action-plan.txt §五(四) 每季度报送;
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §三(三)). A draft is edited freely; once
 * submitted it is locked (also by a database trigger) until a coordinator reopens it.
 * Writes go through the routes in src/routes/tenant/submissions.ts.
 */
import { SUBMISSION_STATUSES, submissions } from "../../../db/tenant/schema";
import { ApiError } from "../../errors";
import { f } from "../fields";
import { defineResource } from "../resource";

export const SUBMISSION_STATUS_LABELS = { draft: "草稿", submitted: "已提交", reopened: "已退回修改" } as const;
export const SUBMISSION_STATUS_LABELS_EN: Record<keyof typeof SUBMISSION_STATUS_LABELS, string> = { draft: "Draft", submitted: "Submitted", reopened: "Reopened" };

/** The refusal of any change to a submitted report — its text (its routes) or its files (the attachments' routes). */
export const submissionLocked = () => new ApiError("LOCKED", "error.submission_locked");

/** What the tenant's triggers raise for a change to a submitted report (db/tenant/migrations 0001 and 0011). */
export const SUBMISSION_LOCKED = "SUBMISSION_LOCKED";

export const submissionsResource = defineResource({
  path: "submissions",
  entity: "submission",
  label: { zh: "季度报送", en: "submissions" },
  table: submissions,
  fields: {
    year: f.int("年度", "Year", { min: 2016, max: 2100 }),
    quarter: f.int("季度", "Quarter", { min: 1, max: 4 }),
    program: f.program("帮扶工作", "Program", { required: true }),
    progress: f.longText("工作进展", "Progress"),
    problems: f.longText("存在问题", "Problems"),
    nextSteps: f.longText("下一步工作", "Next steps"),
    status: f.enumOf(SUBMISSION_STATUSES, SUBMISSION_STATUS_LABELS, "状态", "Status", { required: false, en: SUBMISSION_STATUS_LABELS_EN }),
  },
  filters: ["year", "quarter", "program", "status"],
  search: ["progress", "problems", "nextSteps"],
  sorts: ["year", "quarter", "status"],
  defaultSort: "-year",
  titleField: "year",
  customWrites: true,
});
