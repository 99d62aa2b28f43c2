/**
 * 汇总: a program's federated rollup for a period — totals, funds by area, rule results, the tables
 * by area and by unit, and the units to follow up.
 */
import { useCursorPages } from "../../api/cursor-pages";
import { useEffect, useRef, useState } from "preact/hooks";
import { useApi } from "../../api/use-api";
import type { ProgramRollup } from "../../api/types";
import { useProgramNames } from "../../api/programs";
import { FigureCard } from "../../components/figure-card";
import { ErrorNote, Loading } from "../../components/feedback";
import { dateTime } from "../../format/date";
import { count, fenToWan } from "../../format/money";
import { pick, t } from "../../i18n";
import { href, navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";
import { AnnualRanking } from "./annual-ranking";
import { periodOf, PeriodPicker, periodQuery } from "./period-picker";
import { FundsByAreaChart, RuleResultsChart } from "./rollup-charts";
import { RollupMap } from "./rollup-map";
import { RollupLists } from "./rollup-lists";
import { AreaTable, UNIT_PAGE, UnitTable } from "./rollup-tables";

export function RollupScreen({ program, query }: { program: string; query: Record<string, string> }) {
  const period = periodOf(query);
  const names = useProgramNames();
  // The units' table is a page of the rollup, sorted by the server: changing either asks again.
  // The units' page: back to the first for another program or period (and, below, another sort).
  const [sort, setSort] = useState("-rules");
  const asked = `${program} ${JSON.stringify(periodQuery(period))}`;
  const pages = useCursorPages(asked);
  const rollup = useApi<ProgramRollup>(`/api/programs/${program}/rollup`, { ...periodQuery(period), cursor: pages.cursor, limit: UNIT_PAGE, sort });
  const r = rollup.data && rollup.data.program === program ? rollup.data : undefined;
  // A rollup reads no unit's database: units whose figures are behind are shown stale while their
  // refresh runs in the background, and the screen asks again until they arrive (at most 2 minutes).
  // The timer belongs to the answer it was set for: while another is loading (another program,
  // period, sort or page) none runs, or the previous answer's timer would ask again for the new
  // one and the first answer for it (e.g. every unit stale) would be replaced before it is shown.
  const refreshing = r && !rollup.loading ? r.totals.refreshing : 0;
  const polls = useRef(0);
  useEffect(() => {
    polls.current = 0;
  }, [asked]);
  useEffect(() => {
    if (!refreshing || polls.current >= 40) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      rollup.reload();
    }, 3_000);
    return () => clearTimeout(timer);
  }, [refreshing, r?.generatedAt]);

  return (
    <>
      <PageHeader title={t("rollup.title")} subtitle={pick(names(program))}>
        {r ? <span class="muted">{t("rollup.generated", { at: dateTime(r.generatedAt) })}</span> : null}
      </PageHeader>
      <div class="card card--tight">
        <PeriodPicker program={program} period={period} onChange={(p, next) => navigate(href(["p", p, "rollup"], periodQuery(next)), true)} />
      </div>
      {rollup.error ? <ErrorNote error={rollup.error} onRetry={rollup.reload} /> : null}
      {!r && !rollup.error ? <Loading /> : null}
      {r ? (
        <div aria-busy={rollup.loading}>
          <div class="figures">
            <FigureCard label={t("rollup.units")} value={count(r.totals.units)} unit={t("unit.units")} testId="units">
              {r.totals.staleUnits ? <span class="text-warn">{t("rollup.staleUnits", { n: r.totals.staleUnits })}</span> : t("rollup.allFresh")}
            </FigureCard>
            <FigureCard label={t("rollup.fundsIn")} value={fenToWan(r.totals.funds.inFen)} unit={t("unit.wan")} tone="primary" testId="funds-in">
              {t("dash.disbursed", { value: fenToWan(r.totals.funds.disbursedFen) })}
              <br />
              <span data-testid="rollup-confirmed">{t("rollup.confirmed", { value: fenToWan(r.totals.funds.confirmedFen ?? 0), percent: r.totals.confirmedSharePercent ?? "—" })}</span>
            </FigureCard>
            <FigureCard label={t("rollup.share")} value={r.totals.grassrootsSharePercent === null ? "—" : String(r.totals.grassrootsSharePercent)} unit="%" testId="share">
              {t("rollup.grassrootsOf", { value: fenToWan(r.totals.funds.grassrootsInFen) })}
            </FigureCard>
            <FigureCard label={t("rollup.projects")} value={count(r.totals.projects.total)} unit={t("unit.items")} testId="projects">
              {t("rollup.grassrootsProjects", { n: r.totals.projects.grassroots })}
              <br />
              {t("rollup.confirmedProjects", { n: r.totals.projects.confirmed ?? 0 })}
            </FigureCard>
            <FigureCard label={t("rollup.cadres")} value={count(r.totals.cadres.inPost)} unit={t("unit.people")} testId="cadres">
              {t("rollup.endingSoon", { n: r.totals.cadres.endingSoon, days: r.deadlines.cadreWarnDays })}
              <br />
              {t("rollup.confirmedCadres", { n: r.totals.cadres.confirmedInPost ?? 0 })}
            </FigureCard>
          </div>
          <div class="chart-grid">
            <section class="card" aria-labelledby="chart-funds">
              <div class="card__head">
                <h2 id="chart-funds">{t("rollup.chartFunds")}</h2>
              </div>
              <FundsByAreaChart rollup={r} />
            </section>
            <section class="card" aria-labelledby="chart-rules">
              <div class="card__head">
                <h2 id="chart-rules">{t("rollup.chartRules")}</h2>
              </div>
              <RuleResultsChart rollup={r} />
            </section>
          </div>
          {r.areas.length ? (
            <section class="card" aria-labelledby="map-areas">
              <div class="card__head">
                <h2 id="map-areas">{t("rollup.mapTitle")}</h2>
              </div>
              <RollupMap rollup={r} program={program} period={period} />
            </section>
          ) : null}
          <RollupLists rollup={r} program={program} period={period} />
          <section class="card" aria-labelledby="table-areas">
            <div class="card__head">
              <h2 id="table-areas">{t("rollup.byArea")}</h2>
              <span class="card__count">{r.areas.length}</span>
            </div>
            <AreaTable rollup={r} program={program} period={period} />
          </section>
          <section class="card" aria-labelledby="table-units">
            <div class="card__head">
              <h2 id="table-units">{t("rollup.byUnit")}</h2>
              <span class="card__count">{r.unitsPage.total}</span>
            </div>
            <UnitTable
              rollup={r}
              program={program}
              period={period}
              sort={sort}
              onSort={(next) => {
                setSort(next);
                pages.reset();
              }}
              pager={pages.pager(r.unitsPage.nextCursor)}
            />
          </section>
          <AnnualRanking program={program} />
        </div>
      ) : null}
    </>
  );
}
