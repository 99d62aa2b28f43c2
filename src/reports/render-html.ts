/**
 * A report as a printable A4 HTML page with the look of an official Chinese document: red issuing
 * header, centred title in 小标宋/黑体, body in 仿宋, numbered sections, ruled tables, amounts in 万元.
 * Every piece of stored text is escaped: a project title can never inject markup or script.
 */
import { fenToWan } from "../ledger/money";
import { cellText, chineseDate, sectionNumber, type ReportDocument, type ReportTable } from "./document";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

export const REPORT_STYLE = `
@page { size: A4; margin: 25mm 20mm 22mm 25mm; }
* { box-sizing: border-box; }
body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "Songti SC", serif; font-size: 15.5pt; line-height: 1.75; color: #111; margin: 0 auto; max-width: 180mm; padding: 12mm 0; }
header.issuer { text-align: center; color: #c00; border-bottom: 2px solid #c00; padding-bottom: 6pt; margin-bottom: 18pt; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 22pt; letter-spacing: 2pt; }
h1 { text-align: center; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 20pt; font-weight: bold; margin: 0 0 6pt; line-height: 1.4; }
p.subtitle { text-align: center; font-size: 12pt; color: #444; margin: 0 0 14pt; }
p.recipient { margin: 0 0 8pt; }
h2 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 15.5pt; font-weight: bold; margin: 14pt 0 6pt; }
p { text-indent: 2em; margin: 0 0 6pt; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 12pt; font-size: 10.5pt; line-height: 1.4; page-break-inside: auto; }
caption { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 11pt; margin-bottom: 4pt; }
th, td { border: 1px solid #333; padding: 3pt 5pt; vertical-align: top; }
th { background: #f2f2f2; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
tr { page-break-inside: avoid; }
footer { margin-top: 24pt; text-align: right; }
footer .note { text-align: left; font-size: 10.5pt; color: #444; border-top: 1px solid #999; padding-top: 4pt; margin-top: 18pt; }
@media print { body { padding: 0; } }
`;

function table(t: ReportTable): string {
  const numeric = (i: number) => t.rows.some((r) => typeof r[i] === "number" || (r[i] !== null && typeof r[i] === "object"));
  const cell = (c: ReportTable["rows"][number][number], i: number) => `<td${numeric(i) ? ' class="num"' : ""}>${escapeHtml(cellText(c, (f) => fenToWan(f)))}</td>`;
  return [
    "<table>",
    `<caption>${escapeHtml(t.title)}</caption>`,
    `<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...t.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`),
    ...(t.total ? [`<tr class="total">${t.total.map(cell).join("")}</tr>`] : []),
    "</tbody></table>",
  ].join("");
}

/** The whole report as one self-contained HTML page. */
export function renderHtml(doc: ReportDocument, meta: { version: number; contentHash: string; demo: boolean }): string {
  const sections = doc.sections
    .map(
      (s, i) =>
        `<section><h2>${sectionNumber(i)}${escapeHtml(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}${s.tables.map(table).join("")}</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(doc.title)}</title><style>${REPORT_STYLE}</style></head>
<body>
<header class="issuer">${escapeHtml(doc.issuer)}</header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}${meta.demo ? "（含演示数据）" : ""}</p>
<p class="recipient">${escapeHtml(doc.recipient)}：</p>
${sections}
<footer><div>${escapeHtml(doc.issuer)}</div><div>${escapeHtml(chineseDate(doc.date))}</div>
<div class="note">金额单位：万元。本报告第 ${meta.version} 版，内容校验值 ${escapeHtml(meta.contentHash.slice(0, 16))}。</div></footer>
</body></html>`;
}
