/** A report as an XLSX workbook: a cover sheet with the text, then one sheet per table (amounts in 万元, as numbers). */
import { fenToWan } from "../ledger/money";
import { writeXlsx, type SheetSpec } from "../sheets/xlsx-write";
import { xmlSafe } from "../xml-text";
import { sectionNumber, type Cell, type ReportDocument } from "./document";

function value(cell: Cell): string | number | null {
  if (cell === null) return null;
  if (typeof cell === "object") return Number(fenToWan(cell.fen, 4));
  return typeof cell === "string" ? xmlSafe(cell) : cell;
}

/** Sheet names: at most 31 characters, no []:*?/\, unique. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, "").slice(0, 28) || "表";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 26)}(${i})`;
  taken.add(name);
  return name;
}

export function renderXlsx(doc: ReportDocument): Uint8Array<ArrayBuffer> {
  const sheets: SheetSpec[] = [];
  const taken = new Set<string>();
  const cover: (string | null)[][] = [[xmlSafe(doc.title)], [xmlSafe(doc.subtitle)], [xmlSafe(`${doc.issuer}  ${doc.date}`)], ["金额单位：万元"], [null]];
  doc.sections.forEach((s, i) => {
    cover.push([xmlSafe(`${sectionNumber(i)}${s.heading}`)]);
    for (const p of s.paragraphs) cover.push([xmlSafe(p)]);
    for (const t of s.tables) cover.push([`（见工作表“${t.title.slice(0, 28)}”）`]);
  });
  sheets.push({ name: sheetName("报告", taken), rows: cover });
  for (const s of doc.sections) {
    for (const t of s.tables) {
      const rows = [t.columns, ...t.rows.map((r) => r.map(value)), ...(t.total ? [t.total.map(value)] : [])];
      sheets.push({ name: sheetName(t.title, taken), rows });
    }
  }
  return writeXlsx(sheets);
}
