/**
 * Writes records as XLSX or CSV with the template's Chinese headers, and the blank template itself
 * (with an instructions sheet saying what each column takes).
 */
import { xmlSafe } from "../xml-text";
import type { Fields } from "../ledger/fields";
import type { Row } from "../ledger/resource";
import { formatCell } from "./cells";
import { EXPORT_ONLY_HEADERS } from "./import";
import { writeCsv, writeXlsx, type SheetValue } from "./xlsx-write";

const KIND_HELP: Record<string, string> = {
  money: "金额，单位：元，最多两位小数",
  int: "整数",
  bool: "填“是”或“否”",
  date: "日期，格式 YYYY-MM-DD",
  area: "6 位行政区划代码（GB/T 2260），如 440282",
  ref: "所引用记录的编号（可在系统中复制）",
  program: "帮扶工作代码，如 dongguan-shaoguan",
  text: "文字",
  enum: "",
};

/** Columns of an export: the record id and bookkeeping, then every visible field. */
function exportColumns(fields: Fields, personal: boolean) {
  return Object.entries(fields).filter(([, spec]) => personal || !spec.personal);
}

/** Records as a sheet's rows. */
function toRows(fields: Fields, records: Row[], personal: boolean): SheetValue[][] {
  const columns = exportColumns(fields, personal);
  const [idHeader, versionHeader, updatedHeader, voidHeader] = EXPORT_ONLY_HEADERS;
  const header = [idHeader, ...columns.map(([, s]) => s.header), versionHeader, updatedHeader, voidHeader];
  const body = records.map((r): SheetValue[] => [String(r.id), ...columns.map(([key, spec]) => formatCell(spec, r[key])), Number(r.version), String(r.updatedAt), r.voidReason ? String(r.voidReason) : null]);
  // Stored text cannot hold XML-invalid characters (refused at input); stripped here too, so a
  // record written before that rule still exports to a file Excel opens.
  return [header, ...body.map((row) => row.map((v) => (typeof v === "string" ? xmlSafe(v) : v)))];
}

/** XLSX bytes of records (one sheet named after the resource). */
export function recordsToXlsx(sheetName: string, fields: Fields, records: Row[], personal: boolean): Uint8Array<ArrayBuffer> {
  return writeXlsx([{ name: sheetName, rows: toRows(fields, records, personal) }]);
}

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, CR) is written with a leading
 * apostrophe, as spreadsheets themselves do; the importer strips it again.
 */
export function neutraliseFormula(value: SheetValue): SheetValue {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV text (UTF-8 with BOM, so Excel opens Chinese correctly), safe against formula injection. */
export function recordsToCsv(fields: Fields, records: Row[], personal: boolean): string {
  const rows = toRows(fields, records, personal).map((row, i) => (i === 0 ? row : row.map(neutraliseFormula)));
  return `\uFEFF${writeCsv(rows)}`;
}

/** The import template: headers (required ones marked *) and an instructions sheet. */
export function templateXlsx(sheetName: string, fields: Fields): Uint8Array<ArrayBuffer> {
  const entries = Object.entries(fields);
  const headers = entries.map(([, s]) => (s.required ? `${s.header}*` : s.header));
  const help = [
    ["列名", "Column", "必填", "填写说明"],
    ...entries.map(([, s]) => [
      s.header,
      s.headerEn,
      s.required ? "是" : "否",
      [s.labels ? `可选：${Object.values(s.labels).join("、")}` : KIND_HELP[s.cell], s.help].filter(Boolean).join("；"),
    ]),
  ];
  return writeXlsx([
    { name: sheetName, rows: [headers] },
    { name: "填写说明", rows: help },
  ]);
}
