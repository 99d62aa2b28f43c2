/** The dashboard's figure cards: funds in and disbursed, projects by status, cadres, activities. */
import { useEffect, useState } from "preact/hooks";
import { loadUnitFigures, PROJECT_STATUSES, type UnitFigures } from "../../api/unit-figures";
import { FigureCard } from "../../components/figure-card";
import { ErrorNote, Loading } from "../../components/feedback";
import { count, fenToWan } from "../../format/money";
import { t } from "../../i18n";
import { label, PROJECT_STATUS } from "../../labels";
import { href } from "../../router";

export function KeyFigures({ unit, year }: { unit: string; year: number }) {
  const [figures, setFigures] = useState<UnitFigures | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    loadUnitFigures(unit, year).then(
      (f) => live && setFigures(f),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [unit, year]);

  if (error) return <ErrorNote error={error} />;
  if (!figures || figures.year !== year) return <Loading />;
  const f = figures;
  return (
    <div class="figures">
      <FigureCard label={t("dash.fundsIn", { year })} value={fenToWan(f.funds.inFen)} unit={t("unit.wan")} tone="primary" testId="funds-in">
        {t("dash.disbursed", { value: fenToWan(f.funds.disbursedFen) })}
        <br />
        <span data-testid="dash-confirmed">{t("dash.confirmed", { value: fenToWan(f.funds.confirmedFen) })}</span>
        {f.funds.complete ? null : <span class="muted"> · {t("dash.fundsPartial", { n: f.funds.records })}</span>}
      </FigureCard>
      <FigureCard label={t("dash.projects", { year })} value={count(f.projects.total)} unit={t("unit.items")} testId="projects">
        <ul class="chips" aria-label={t("dash.projectsByStatus")}>
          {PROJECT_STATUSES.filter((s) => f.projects.byStatus[s]).map((s) => (
            <li key={s} class="chip">
              <a href={href(["u", unit, "ledger", "projects"], { year, status: s })}>
                {label(PROJECT_STATUS, s)} {f.projects.byStatus[s]}
              </a>
            </li>
          ))}
        </ul>
      </FigureCard>
      <FigureCard label={t("dash.cadres")} value={count(f.cadresInPost)} unit={t("unit.people")} testId="cadres" />
      <FigureCard label={t("dash.activities", { year })} value={count(f.activities)} unit={t("unit.records")} testId="activities" />
    </div>
  );
}
