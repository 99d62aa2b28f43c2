/**
 * Beside the quarterly narrative: that quarter's own figures in that program and the program's rule
 * results for the quarter — what the submission reports on — from the same summary and compliance
 * answers the dashboard reads.
 */
import { useEffect, useState } from "preact/hooks";
import { loadQuarterFigures } from "../../api/unit-figures";
import type { RuleResult } from "../../api/types";
import { FigureCard } from "../../components/figure-card";
import { ErrorNote, Loading } from "../../components/feedback";
import { longDate } from "../../format/date";
import { count, fenToWan } from "../../format/money";
import { t } from "../../i18n";
import { RuleCounts, RuleList } from "./rule-list";

type Figures = Awaited<ReturnType<typeof loadQuarterFigures>>;

export function SubmissionPreview({ unit, year, quarter, program, results }: { unit: string; year: number; quarter: number; program: string; results: RuleResult[] | undefined }) {
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    loadQuarterFigures(unit, year, quarter, program).then(
      (f) => live && setFigures(f),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [unit, year, quarter, program]);
  const f = figures && figures.year === year && figures.quarter === quarter && figures.program === program ? figures : null;

  return (
    <section class="card submission-preview" aria-labelledby="sub-preview" data-testid="submission-preview">
      <div class="card__head">
        <h2 id="sub-preview">{t("sub.preview")}</h2>
        {results ? <RuleCounts results={results} /> : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {!f && !error ? <Loading /> : null}
      {f ? (
        <>
          <p class="muted small">{t("sub.previewHint", { year, quarter, date: longDate(f.asOf) })}</p>
          <div class="figures">
            <FigureCard label={t("sub.quarterFunds")} value={fenToWan(f.funds.inFen)} unit={t("unit.wan")} tone="primary" testId="preview-funds">
              {t("dash.disbursed", { value: fenToWan(f.funds.disbursedFen) })}
            </FigureCard>
            <FigureCard label={t("sub.quarterProjects")} value={count(f.projects.total)} unit={t("unit.items")} testId="preview-projects" />
            <FigureCard label={t("sub.quarterActivities")} value={count(f.activities)} unit={t("unit.records")} testId="preview-activities" />
          </div>
        </>
      ) : null}
      {results ? <RuleList results={results} scope={{ unit, program, year, quarter }} /> : null}
    </section>
  );
}
