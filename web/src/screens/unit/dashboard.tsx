/**
 * 工作台: the unit's year at a glance — key figures, this year's rule results per program, what is
 * due, and the latest changes.
 */
import { useApi } from "../../api/use-api";
import type { Compliance } from "../../api/types";
import { useProgramNames } from "../../api/programs";
import { useTenant } from "../../api/unit-data";
import { DemoTag } from "../../components/badge";
import { ErrorNote, Loading } from "../../components/feedback";
import { longDate } from "../../format/date";
import { pick, t } from "../../i18n";
import { href, navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";
import { YearSelect } from "../../components/filters";
import { Deadlines } from "./deadlines";
import { KeyFigures } from "./key-figures";
import { RecentActivity } from "./recent-activity";
import { RuleCounts, RuleList } from "./rule-list";

export function DashboardScreen({ unit, query }: { unit: string; query: Record<string, string> }) {
  const year = Number(query.year) || new Date().getFullYear();
  const tenant = useTenant(unit);
  const compliance = useApi<Compliance>(`/api/t/${unit}/compliance`, { year });
  const names = useProgramNames();

  return (
    <>
      <PageHeader title={t("dash.title")} subtitle={tenant.data ? `${tenant.data.name}` : undefined}>
        <label for="dash-year" class="inline-label">
          {t("filters.year")}
        </label>
        <YearSelect id="dash-year" value={year} onChange={(y) => navigate(href(["u", unit], { year: y }), true)} />
        <DemoTag demo={tenant.data?.demo} />
        {tenant.data?.access.write ? (
          <a class="btn btn--primary" href={href(["u", unit, "quick"])}>
            {t("nav.quick")}
          </a>
        ) : null}
      </PageHeader>
      {tenant.error ? <ErrorNote error={tenant.error} /> : null}
      <KeyFigures unit={unit} year={year} />
      <div class="dash-grid">
        <section class="card dash-grid__main" aria-labelledby="dash-rules">
          <div class="card__head">
            <h2 id="dash-rules">{t("dash.rules", { year })}</h2>
            {compliance.data ? <span class="muted">{t("dash.asOf", { date: longDate(compliance.data.asOf) })}</span> : null}
          </div>
          {compliance.error ? <ErrorNote error={compliance.error} onRetry={compliance.reload} /> : null}
          {compliance.loading && !compliance.data ? <Loading /> : null}
          {compliance.data?.programs.map((p) => (
            <div key={p.program} class="program-block" data-program={p.program}>
              <h3 class="program-block__title">
                {pick(names(p.program))}
                <RuleCounts results={p.results} />
              </h3>
              <RuleList results={p.results} scope={{ unit, program: p.program, year }} />
            </div>
          ))}
        </section>
        <div class="dash-grid__side">
          <section class="card" aria-labelledby="dash-deadlines">
            <div class="card__head">
              <h2 id="dash-deadlines">{t("dash.deadlines")}</h2>
            </div>
            <Deadlines unit={unit} compliance={compliance.data} year={year} />
          </section>
          <section class="card" aria-labelledby="dash-recent">
            <div class="card__head">
              <h2 id="dash-recent">{t("dash.recent")}</h2>
            </div>
            <RecentActivity unit={unit} />
          </section>
        </div>
      </div>
    </>
  );
}
