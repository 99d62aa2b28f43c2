/**
 * Where a quarter's submission stands on a day — the one answer the rule, the rollup, the program
 * report and the deadline alerts all use. A report is due `dueDays` days after its quarter ends; only
 * a submitted one counts (drafts and reopened reports do not), and it is on time when it was
 * submitted (by the UTC date of `submittedAt`) on or before the due day.
 */
import { quarterDue, type Quarter } from "../periods/period";
import type { SubmissionFact } from "./facts";

export type SubmissionState = "on_time" | "late" | "missing" | "not_due";

export interface SubmissionStanding {
  quarter: Quarter;
  due: string;
  state: SubmissionState;
  /** The day it was submitted, when it was. */
  submittedOn: string | null;
}

export function submissionStanding(submissions: readonly SubmissionFact[], year: number, quarter: Quarter, dueDays: number, day: string): SubmissionStanding {
  const due = quarterDue(year, quarter, dueDays);
  const report = submissions.find((s) => s.quarter === quarter && s.status === "submitted");
  const submittedOn = report?.submittedAt ? report.submittedAt.slice(0, 10) : null;
  if (submittedOn !== null) return { quarter, due, state: submittedOn <= due ? "on_time" : "late", submittedOn };
  return { quarter, due, state: due < day ? "missing" : "not_due", submittedOn: null };
}
