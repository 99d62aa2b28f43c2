/** A program's reports for its coordinating office, and issuing a past period's reports now. */
import { useState } from "preact/hooks";
import { ApiFailure, send } from "../../api/client";
import { useProgramNames } from "../../api/programs";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { ReportList } from "../../components/report-list";
import { pick, t } from "../../i18n";
import { QuarterSelect, YearSelect } from "../../components/filters";
import { PageHeader } from "../../shell/page-header";

function RunReports({ program, onDone }: { program: string; onDone(): void }) {
  const [job, setJob] = useState<"quarterly" | "annual">("quarterly");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [quarter, setQuarter] = useState("1");
  const [reissue, setReissue] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const body = { job, year: Number(year), ...(job === "quarterly" ? { quarter: Number(quarter) } : {}), ...(reissue ? { reissue: true } : {}) };
      const { data } = await send<{ status: string; issued: number; existing: number; failed: number }>("POST", `/api/programs/${program}/reports/run`, body);
      // Say what happened: new reports, reports that existed already (left as they were), failures, or queued.
      if (data.status === "running") setMessage({ tone: "info", text: t("reports.runQueued") });
      else if (data.issued === 0 && data.failed === 0) setMessage({ tone: "info", text: t("reports.runNothingNew", { existing: data.existing }) });
      else setMessage({ tone: data.failed ? "error" : "success", text: t("reports.runDone", { issued: data.issued, existing: data.existing, failed: data.failed }) });
      onDone();
    } catch (err) {
      setMessage({ tone: "error", text: err instanceof ApiFailure ? err.message : t("common.networkError") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="filters" onSubmit={run} aria-label={t("reports.run")}>
      <FieldRow id="run-job" label={t("reports.runJob")}>
        <select {...describe("run-job")} value={job} onChange={(e) => setJob((e.currentTarget as HTMLSelectElement).value as "quarterly" | "annual")}>
          <option value="quarterly">{t("reports.jobQuarterly")}</option>
          <option value="annual">{t("reports.jobAnnual")}</option>
        </select>
      </FieldRow>
      <FieldRow id="run-year" label={t("filters.year")}>
        <YearSelect {...describe("run-year")} value={year} onChange={setYear} />
      </FieldRow>
      {job === "quarterly" ? (
        <FieldRow id="run-quarter" label={t("filters.quarter")}>
          <QuarterSelect {...describe("run-quarter")} value={quarter} onChange={setQuarter} />
        </FieldRow>
      ) : null}
      <label class="check">
        <input type="checkbox" id="run-reissue" checked={reissue} onChange={(e) => setReissue((e.currentTarget as HTMLInputElement).checked)} /> {t("reports.reissue")}
      </label>
      <button type="submit" class="btn btn--primary" disabled={busy}>
        {busy ? t("reports.running") : t("reports.run")}
      </button>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </form>
  );
}

export function ProgramReportsScreen({ program }: { program: string }) {
  const names = useProgramNames();
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageHeader title={t("reports.programTitle")} subtitle={pick(names(program))} />
      <section class="card card--tight">
        <RunReports program={program} onDone={() => setVersion((n) => n + 1)} />
      </section>
      <section class="card">
        <ReportList key={version} listPath={`/api/programs/${program}/reports`} />
      </section>
    </>
  );
}
