/** Serves a frozen report in the format asked for: JSON, printable HTML, XLSX or DOCX. */
import type { Context } from "hono";
import { renderDocx } from "../../reports/render-docx";
import { renderHtml } from "../../reports/render-html";
import { renderXlsx } from "../../reports/render-xlsx";
import type { ReportDocument } from "../../reports/document";
import type { ReportRow } from "../../reports/issue";
import type { AppEnv } from "../../types";
import { contentDisposition } from "../content-disposition";

export type ReportFormat = "json" | "html" | "xlsx" | "docx";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A report's list entry (no content). */
export function reportSummary(r: ReportRow) {
  return { id: r.id, kind: r.kind, program: r.program, unit: r.unit || null, period: r.period, version: r.version, title: r.title, issuedAt: r.issuedAt, issuedBy: r.issuedBy, contentHash: r.contentHash, demo: r.demo };
}

export function renderReport(c: Context<AppEnv>, report: ReportRow, format: ReportFormat) {
  const doc = (report.content as { document: ReportDocument }).document;
  const meta = { version: report.version, contentHash: report.contentHash, demo: report.demo };
  const name = `${report.title}（第${report.version}版）`;
  c.header("ETag", `"${report.contentHash}"`);
  c.header("Cache-Control", "private, max-age=300");
  switch (format) {
    case "html":
      // A report page is a document, not an app: no scripts at all.
      c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      return c.html(renderHtml(doc, meta));
    case "xlsx":
      c.header("Content-Disposition", contentDisposition(`${name}.xlsx`));
      return c.body(renderXlsx(doc), 200, { "Content-Type": XLSX_TYPE });
    case "docx":
      c.header("Content-Disposition", contentDisposition(`${name}.docx`));
      return c.body(renderDocx(doc, meta), 200, { "Content-Type": DOCX_TYPE });
    default:
      return c.json({ ...reportSummary(report), params: report.params, content: report.content }, 200);
  }
}
