/** 季度报送: choose the year, quarter and program; the narrative for that choice below. */
import { useState } from "preact/hooks";
import { useApi } from "../../api/use-api";
import type { Compliance, Page, Submission } from "../../api/types";
import { quarterDue, type Quarter } from "../../../../src/periods/period";
import { useProgramNames } from "../../api/programs";
import { useTenant } from "../../api/unit-data";
import { ErrorNote, Loading, Notice } from "../../components/feedback";
import { longDate, quarterOf, todayIso } from "../../format/date";
import { pick, t } from "../../i18n";
import { ChoiceSelect, FilterItem, Filters, QuarterSelect, YearSelect } from "../../components/filters";
import { href, navigate } from "../../router";
import { useSession } from "../../session";
import { PageHeader } from "../../shell/page-header";
import { ReopenButton } from "./reopen";
import { SubmissionEditor } from "./submission-editor";
import { SubmissionPreview } from "./submission-preview";

export function SubmissionScreen({ unit, query }: { unit: string; query: Record<string, string> }) {
  const tenant = useTenant(unit);
  const names = useProgramNames();
  const user = useSession()?.user;
  const year = Number(query.year) || new Date().getFullYear();
  const quarter = Number(query.quarter) || quarterOf(todayIso());
  const programs = tenant.data?.programs ?? [];
  const program = query.program && programs.some((p) => p.slug === query.program) ? query.program : (programs.find((p) => p.slug === "dongguan-shaoguan") ?? programs[0])?.slug;
  const list = useApi<Page<Submission>>(program ? `/api/t/${unit}/submissions` : null, { year, quarter, program, limit: 1 });
  const record = list.data?.items[0] ?? null;
  // The due day from the program's own rule parameters, as the server judges it.
  const compliance = useApi<Compliance>(`/api/t/${unit}/compliance`, { year, quarter });
  const dueDays = compliance.data?.programs.find((p) => p.program === program)?.deadlines.submissionDueDays;
  const [flash, setFlash] = useState<string | null>(null);
  // Bumped when the record changes from outside the editor (a coordinator's reopen): the editor starts afresh.
  const [generation, setGeneration] = useState(0);
  const choose = (change: Record<string, string | number>) => {
    setFlash(null);
    navigate(href(["u", unit, "submissions"], { year, quarter, program, ...change }), true);
  };

  return (
    <>
      <PageHeader title={t("sub.title")} subtitle={tenant.data?.name} />
      <div class="card">
        <Filters label={t("sub.choose")}>
          <FilterItem id="sub-year" label={t("filters.year")}>
            <YearSelect id="sub-year" value={year} onChange={(y) => choose({ year: y })} />
          </FilterItem>
          <FilterItem id="sub-quarter" label={t("filters.quarter")}>
            <QuarterSelect id="sub-quarter" value={quarter} onChange={(q) => choose({ quarter: q })} />
          </FilterItem>
          <FilterItem id="sub-program" label={t("sub.program")} kind="grow">
            <ChoiceSelect id="sub-program" value={program ?? ""} onChange={(p) => choose({ program: p })} choices={programs.map((p) => [p.slug, pick(names(p.slug))] as const)} />
          </FilterItem>
          {dueDays !== undefined ? <p class="filters__note">{t("sub.due", { date: longDate(quarterDue(year, quarter as Quarter, dueDays)) })}</p> : null}
        </Filters>
      </div>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      <div class="submission-layout">
        {program && list.data && !list.loading ? (
          <section class="card" aria-label={t("sub.narrative")}>
            {flash ? <Notice tone="success">{flash}</Notice> : null}
            {user?.role === "coordinator" && record?.status === "submitted" && user.programs.includes(program) ? <ReopenButton
                unit={unit}
                record={record}
                onDone={() => {
                  setGeneration((n) => n + 1);
                  list.reload();
                }}
              /> : null}
            <SubmissionEditor
              key={`${year}-${quarter}-${program}-${generation}`}
              unit={unit}
              year={year}
              quarter={quarter}
              program={program}
              record={record}
              canWrite={tenant.data?.access.write ?? false}
              onChanged={(_, message) => setFlash(message)}
            />
          </section>
        ) : null}
        {program ? <SubmissionPreview unit={unit} year={year} quarter={quarter} program={program} results={compliance.data?.programs.find((p) => p.program === program)?.results} /> : null}
      </div>
    </>
  );
}
