/**
 * What is due: each program's quarterly submissions (overdue ones first) and seconded cadres whose
 * planned end is near — with the days each program's rules set (from the compliance answer), so the
 * dashboard never keeps its own copy of a parameter.
 */
import { useApi } from "../../api/use-api";
import type { Compliance, LedgerRecord, Page, Submission } from "../../api/types";
import { Tag } from "../../components/badge";
import { quarterDue, type Quarter } from "../../../../src/periods/period";
import { addDays, daysBetween, longDate, todayIso } from "../../format/date";
import { pick, t } from "../../i18n";
import { useProgramNames } from "../../api/programs";
import { href } from "../../router";

interface Due {
  program: string;
  quarter: number;
  due: string;
  status: string | null;
}

/** Quarters of the year already due but not submitted, and the next one due; `dueDays` per program. */
export function dueSubmissions(year: number, today: string, programs: { program: string; dueDays: number }[], subs: Submission[]): Due[] {
  const out: Due[] = [];
  for (const { program, dueDays } of programs) {
    let nextShown = false;
    for (let q = 1; q <= 4; q++) {
      const due = quarterDue(year, q as Quarter, dueDays);
      const status = subs.find((s) => s.program === program && s.quarter === q)?.status ?? null;
      if (status === "submitted") continue;
      if (due < today) out.push({ program, quarter: q, due, status });
      else if (!nextShown) {
        out.push({ program, quarter: q, due, status });
        nextShown = true;
      }
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

/**
 * The programs whose rule set asks this unit for quarterly submissions (the quarterly-submission rule
 * applies to it), from the year's compliance results.
 */
export function submittingPrograms(compliance: Compliance | undefined): { program: string; dueDays: number }[] {
  return (compliance?.programs ?? [])
    .filter((p) => p.results.some((r) => r.rule === "quarterly-submission" && r.status !== "not_applicable"))
    .map((p) => ({ program: p.program, dueDays: p.deadlines.submissionDueDays }));
}

/** How far ahead a cadre's term end is shown: the widest window the unit's programs set. */
function cadreWindow(compliance: Compliance | undefined): number | null {
  const days = (compliance?.programs ?? []).map((p) => p.deadlines.cadreWarnDays);
  return days.length ? Math.max(...days) : null;
}

export function Deadlines({ unit, compliance, year }: { unit: string; compliance: Compliance | undefined; year: number }) {
  const today = todayIso();
  const subs = useApi<Page<Submission>>(`/api/t/${unit}/submissions`, { year, limit: 50 });
  const cadres = useApi<Page<LedgerRecord>>(`/api/t/${unit}/cadres`, { status: "in_post", sort: "plannedEndDate", limit: 20 });
  const names = useProgramNames();
  const due = dueSubmissions(year, today, submittingPrograms(compliance), subs.data?.items ?? []);
  const window = cadreWindow(compliance);
  const ending = window === null ? [] : (cadres.data?.items ?? []).filter((c) => String(c.plannedEndDate ?? "9999") <= addDays(today, window));

  return (
    <ul class="deadlines">
      {due.map((d) => {
        const days = daysBetween(today, d.due);
        return (
          <li key={`${d.program}-${d.quarter}`} class={`deadline${days < 0 ? " deadline--overdue" : ""}`}>
            <a href={href(["u", unit, "submissions"], { year, quarter: d.quarter, program: d.program })}>{t("deadline.submission", { quarter: d.quarter })}</a>
            <span class="deadline__program">{pick(names(d.program))}</span>
            <span class="deadline__when">
              {days < 0 ? <Tag tone="danger">{t("deadline.overdue", { date: longDate(d.due) })}</Tag> : t("deadline.dueIn", { date: longDate(d.due), days })}
              {d.status === "draft" || d.status === "reopened" ? <Tag tone="warn">{t(d.status === "draft" ? "deadline.draft" : "deadline.reopened")}</Tag> : null}
            </span>
          </li>
        );
      })}
      {ending.map((c) => {
        const days = daysBetween(today, String(c.plannedEndDate));
        return (
          <li key={c.id} class={`deadline${days < 0 ? " deadline--overdue" : ""}`}>
            <a href={href(["u", unit, "ledger", "cadres"], { status: "in_post" })}>{t("deadline.cadre", { name: String(c.name ?? c.post) })}</a>
            <span class="deadline__program">{String(c.post ?? "")}</span>
            <span class="deadline__when">{days < 0 ? <Tag tone="danger">{t("deadline.cadreOverdue", { date: longDate(String(c.plannedEndDate)) })}</Tag> : t("deadline.cadreEnds", { date: longDate(String(c.plannedEndDate)), days })}</span>
          </li>
        );
      })}
      {!due.length && !ending.length && subs.data && cadres.data ? <li class="muted">{t("deadline.none")}</li> : null}
    </ul>
  );
}
