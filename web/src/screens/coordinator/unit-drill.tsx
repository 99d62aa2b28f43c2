/**
 * One unit within a program: snapshot freshness, its figures, rule results with explanations, its
 * quarterly submissions, and its reports; a link opens the unit's own dashboard.
 */
import { useApi } from "../../api/use-api";
import type { UnitDrillDown } from "../../api/types";
import { useProgramNames } from "../../api/programs";
import { areaName, useAreaNames } from "../../api/unit-data";
import { StaleBadge, Tag } from "../../components/badge";
import { FigureCard } from "../../components/figure-card";
import { ErrorNote, Loading } from "../../components/feedback";
import { ReportList } from "../../components/report-list";
import { dateTime, longDate } from "../../format/date";
import { count, fenToWan } from "../../format/money";
import { pick, t } from "../../i18n";
import { ACTIVITY_KIND, label, PROJECT_STATUS } from "../../labels";
import { href, navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";
import { RuleCounts, RuleList } from "../unit/rule-list";
import { periodOf, PeriodPicker, periodQuery } from "./period-picker";
import { TrendSection } from "./trend-chart";

export function UnitDrillScreen({ program, unit, query }: { program: string; unit: string; query: Record<string, string> }) {
  const period = periodOf(query);
  const names = useProgramNames();
  const drill = useApi<UnitDrillDown>(`/api/programs/${program}/rollup/units/${unit}`, periodQuery(period));
  const d = drill.data;
  const s = d?.summary;
  useAreaNames(d?.groups.map((g) => g.areaCode) ?? []);

  return (
    <>
      <nav class="breadcrumb" aria-label={t("common.breadcrumb")}>
        <a href={href(["p", program, "rollup"], periodQuery(period))}>{t("rollup.title")}</a> / <span>{d?.unit.name ?? unit}</span>
      </nav>
      <PageHeader title={d?.unit.name ?? unit} subtitle={pick(names(program))}>
        {d ? <StaleBadge stale={d.freshness.stale} error={d.freshness.error} takenAt={d.freshness.takenAt} /> : null}
        <a class="btn" href={href(["u", unit])}>
          {t("unitDrill.openDashboard")}
        </a>
      </PageHeader>
      <div class="card card--tight">
        <PeriodPicker program={program} period={period} programChoice={false} onChange={(_, next) => navigate(href(["p", program, "units", unit], periodQuery(next)), true)} />
      </div>
      {drill.error ? <ErrorNote error={drill.error} onRetry={drill.reload} /> : null}
      {!d && !drill.error ? <Loading /> : null}
      {d ? (
        <>
          <p class="muted drill-meta">
            {t("unitDrill.snapshot", { at: dateTime(d.freshness.takenAt) })} · {t("unitDrill.areas")}:{" "}
            {d.groups.map((g) => `${areaName(g.areaCode)}${g.role === "lead" ? t("unitDrill.leadMark") : ""}`).join("、")}
          </p>
          {s ? (
            <div class="figures">
              <FigureCard label={t("rollup.fundsIn")} value={fenToWan(s.funds.inFen)} unit={t("unit.wan")} tone="primary" testId="funds-in">
                {t("dash.disbursed", { value: fenToWan(s.funds.disbursedFen) })}
              </FigureCard>
              <FigureCard label={t("rollup.projects")} value={count(s.projects.total)} unit={t("unit.items")}>
                {Object.entries(s.projects.byStatus)
                  .map(([k, n]) => `${label(PROJECT_STATUS, k)} ${n}`)
                  .join(" · ")}
              </FigureCard>
              <FigureCard label={t("rollup.cadres")} value={count(s.cadres.inPost)} unit={t("unit.people")}>
                {t("rollup.endingSoon", { n: s.cadres.endingSoon, days: s.deadlines.cadreWarnDays })}
              </FigureCard>
              <FigureCard label={t("unitDrill.activities")} value={count(Object.values(s.activities).reduce((n, a) => n + a.count, 0))} unit={t("unit.records")} testId="drill-activities">
                {Object.entries(s.activities)
                  // The three kinds with most records, not the first three.
                  .sort(([, a], [, b]) => b.count - a.count)
                  .slice(0, 3)
                  .map(([k, a]) => `${label(ACTIVITY_KIND, k)} ${a.count}`)
                  .join(" · ")}
              </FigureCard>
            </div>
          ) : null}
          <TrendSection path={`/api/programs/${program}/rollup/units/${unit}/trend`} year={period.year} />
          <div class="dash-grid">
            <section class="card dash-grid__main" aria-labelledby="drill-rules">
              <div class="card__head">
                <h2 id="drill-rules">{t("unitDrill.rules")}</h2>
                {s ? <RuleCounts results={s.rules} /> : null}
              </div>
              {s ? <RuleList results={s.rules} scope={{ unit, program, year: period.year, quarter: period.quarter }} /> : <p class="muted">{t("rollup.noSnapshot")}</p>}
            </section>
            <div class="dash-grid__side">
              <section class="card" aria-labelledby="drill-subs">
                <div class="card__head">
                  <h2 id="drill-subs">{t("unitDrill.submissions")}</h2>
                </div>
                <ul class="name-list">
                  {[1, 2, 3, 4].map((q) => {
                    const sub = s?.submissions.find((x) => x.quarter === q);
                    // Where the quarter stands, as the server judged it (due day from the program's rules).
                    const standing = s?.standings.find((x) => x.quarter === q);
                    return (
                      <li key={q}>
                        <a href={href(["u", unit, "submissions"], { year: period.year, quarter: q, program })}>{t("common.quarterN", { quarter: q })}</a>{" "}
                        {sub ? (
                          <Tag tone={sub.status === "submitted" ? "ok" : "warn"}>{t(`sub.status.${sub.status}` as "sub.status.draft")}</Tag>
                        ) : standing?.state === "not_due" ? (
                          <span class="muted small">{t("rollup.notDue", { date: longDate(standing.due) })}</span>
                        ) : (
                          <Tag tone="danger">{t("rollup.notSubmittedShort")}</Tag>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
              <section class="card" aria-labelledby="drill-reports">
                <div class="card__head">
                  <h2 id="drill-reports">{t("reports.title")}</h2>
                </div>
                <ReportList listPath={`/api/t/${unit}/reports`} />
              </section>
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
