/**
 * Issued reports: the list, the HTML version in a viewer (print, or open in a new tab), and the
 * XLSX/DOCX downloads — all fetched with the bearer token. When the reports API is not there yet
 * (404), an empty state says so.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiFailure } from "../api/client";
import { download, fetchBlob } from "../api/download";
import type { ReportItem } from "../api/types";
import { useApi } from "../api/use-api";
import { dateTime } from "../format/date";
import { t } from "../i18n";
import { label, REPORT_KIND } from "../labels";
import { DemoTag } from "./badge";
import { Dialog } from "./dialog";
import { Empty, ErrorNote, Loading } from "./feedback";

/** "2026-Q3" → "2026年第3季度", "2026" → "2026年度". */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) return period;
  return m[2] ? t("common.periodQuarter", { year: m[1]!, quarter: m[2] }) : t("common.periodYear", { year: m[1]! });
}

function ReportViewer({ report, onClose }: { report: ReportItem; onClose(): void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    let made: string | null = null;
    fetchBlob(`/api/reports/${report.id}`, { format: "html" }).then(
      ({ blob }) => {
        made = URL.createObjectURL(new Blob([blob], { type: "text/html;charset=utf-8" }));
        setUrl(made);
      },
      (e: Error) => setError(e),
    );
    return () => {
      if (made) setTimeout(() => URL.revokeObjectURL(made!), 60_000);
    };
  }, [report.id]);
  return (
    <Dialog title={report.title} onClose={onClose} wide>
      <div class="toolbar toolbar--start">
        <button type="button" class="btn" disabled={!url} onClick={() => frame.current?.contentWindow?.print()}>
          {t("reports.print")}
        </button>
        <button type="button" class="btn" disabled={!url} onClick={() => url && window.open(url, "_blank", "noopener")}>
          {t("reports.openTab")}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {url ? <iframe ref={frame} class="report-frame" src={url} title={report.title} sandbox="allow-same-origin allow-modals" /> : error ? null : <Loading />}
    </Dialog>
  );
}

export function ReportList({ listPath, kinds }: { listPath: string; kinds?: string[] }) {
  const list = useApi<{ items: ReportItem[] }>(listPath, { limit: 50 });
  const [open, setOpen] = useState<ReportItem | null>(null);
  const [error, setError] = useState<Error | null>(null);
  if (list.error instanceof ApiFailure && list.error.status === 404) return <Empty title={t("reports.unavailable")}>{t("reports.unavailableHint")}</Empty>;
  if (list.error) return <ErrorNote error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const items = list.data.items.filter((r) => !kinds || kinds.includes(r.kind));
  if (!items.length) return <Empty title={t("reports.none")}>{t("reports.noneHint")}</Empty>;
  const save = (r: ReportItem, format: "xlsx" | "docx") => {
    setError(null);
    download(`/api/reports/${r.id}`, { format }, `${r.title}.${format}`).catch((e: Error) => setError(e));
  };
  return (
    <>
      {error ? <ErrorNote error={error} /> : null}
      <ul class="reports">
        {items.map((r) => (
          <li key={r.id} class="report" data-report={r.id}>
            <div class="report__main">
              <p class="report__title">
                {r.title} <DemoTag demo={r.demo} />
              </p>
              <p class="report__meta">
                {label(REPORT_KIND, r.kind)} · {periodLabel(r.period)} · {t("reports.version", { version: r.version })} · {t("reports.issued", { at: dateTime(r.issuedAt) })}
              </p>
            </div>
            <div class="report__actions">
              <button type="button" class="btn btn--primary btn--small" onClick={() => setOpen(r)}>
                {t("reports.view")}
              </button>
              <button type="button" class="btn btn--small" onClick={() => save(r, "xlsx")}>
                XLSX
              </button>
              <button type="button" class="btn btn--small" onClick={() => save(r, "docx")}>
                DOCX
              </button>
            </div>
          </li>
        ))}
      </ul>
      {open ? <ReportViewer report={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
