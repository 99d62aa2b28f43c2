/**
 * Writes records as XLSX or CSV with the template's Chinese headers, and the blank template itself
 * (with an instructions sheet saying what each column takes).
 */
import { xmlSafe } from "../xml-text";
import { onRow, type Field, type Fields } from "../ledger/fields";
import type { Row } from "../ledger/resource";
import { beijingTime } from "../periods/period";
import { formatCell, NO_DISPLAY_NAMES, wanCell, type DisplayNames } from "./cells";
import { areaHeader, BOOKKEEPING_HEADERS, refNameHeader, wanHeader } from "./columns";
import { MAX_IMPORT_ROWS } from "./import";
import { rangeOf, writeCsv, writeXlsx, type ListValidation, type SheetValue } from "./xlsx-write";

const KIND_HELP: Record<string, string> = {
  money: "金额，单位：元，最多两位小数",
  int: "整数",
  bool: "填“是”或“否”",
  date: "日期，格式 YYYY-MM-DD",
  area: "从下拉列表选择受援地，或填写其名称、6 位行政区划代码（GB/T 2260，如 440282）",
  ref: "从下拉列表选择所引用的记录，或填写其名称、编号（可在系统中复制）",
  program: "从下拉列表选择帮扶工作，或填写其名称、代码（如 dongguan-shaoguan）",
  text: "文字",
  enum: "",
};

/** Columns of an export: the record id and bookkeeping, then every visible field. */
function exportColumns(fields: Fields, personal: boolean) {
  return Object.entries(fields).filter(([, spec]) => personal || !spec.personal);
}

/** A field's columns in an export: its own (an area under 受援地, by name), then a 万元 twin or a reference's name. */
function fieldHeaders(spec: Field): string[] {
  if (spec.cell === "money") return [spec.header, wanHeader(spec)];
  if (spec.cell === "ref") return [spec.header, refNameHeader(spec)];
  if (spec.cell === "area") return [areaHeader(spec)];
  return [spec.header];
}

function fieldCells(spec: Field, row: Row, value: unknown, names: DisplayNames): SheetValue[] {
  // The column's own cell as this row has it (a money target in 元); its twin columns are the field's.
  const own = formatCell(onRow(spec, row), value, names);
  if (spec.cell === "money") return [own, wanCell(value)];
  if (spec.cell === "ref") return [own, value === null || value === undefined ? null : (names.refs[String(value)] ?? null)];
  return [own];
}

/**
 * Records as a sheet's rows, readable without a code list: names for areas, programs and references,
 * labels for choices, 是/否, amounts in 元 and 万元, times in Beijing time (YYYY-MM-DD HH:mm).
 */
function toRows(fields: Fields, records: Row[], personal: boolean, names: DisplayNames): SheetValue[][] {
  const columns = exportColumns(fields, personal);
  const b = BOOKKEEPING_HEADERS;
  const header = [b.id, ...columns.flatMap(([, s]) => fieldHeaders(s)), b.version, b.created, b.updated, b.voidReason];
  const body = records.map((r): SheetValue[] => [
    String(r.id),
    ...columns.flatMap(([key, spec]) => fieldCells(spec, r, r[key], names)),
    Number(r.version),
    beijingTime(String(r.createdAt)),
    beijingTime(String(r.updatedAt)),
    r.voidReason ? String(r.voidReason) : null,
  ]);
  // Stored text cannot hold XML-invalid characters (refused at input); stripped here too, so a
  // record written before that rule still exports to a file Excel opens.
  return [header, ...body.map((row) => row.map((v) => (typeof v === "string" ? xmlSafe(v) : v)))];
}

/** XLSX bytes of records (one sheet named after the resource). */
export function recordsToXlsx(sheetName: string, fields: Fields, records: Row[], personal: boolean, names: DisplayNames = NO_DISPLAY_NAMES): Uint8Array<ArrayBuffer> {
  return writeXlsx([{ name: sheetName, rows: toRows(fields, records, personal, names) }]);
}

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, CR) is written with a leading
 * apostrophe, as spreadsheets themselves do; the importer strips it again.
 */
export function neutraliseFormula(value: SheetValue): SheetValue {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV text (UTF-8 with BOM, so Excel opens Chinese correctly), safe against formula injection. */
export function recordsToCsv(fields: Fields, records: Row[], personal: boolean, names: DisplayNames = NO_DISPLAY_NAMES): string {
  const rows = toRows(fields, records, personal, names).map((row, i) => (i === 0 ? row : row.map(neutraliseFormula)));
  return `\uFEFF${writeCsv(rows)}`;
}

/** What the template's dropdowns offer besides the fields' own choices (src/ledger/import-names.ts templateChoices). */
export interface TemplateChoices {
  areas: string[];
  programs: string[];
  /** Referenced records by name, per table (src/ledger/ref-names.ts refChoices). */
  refs: Partial<Record<NonNullable<Field["ref"]>, string[]>>;
}

const NO_CHOICES: TemplateChoices = { areas: [], programs: [], refs: {} };

/** The sheet holding the dropdowns' lists (hidden; one column per list). */
const CHOICES_SHEET = "选项";

/** A column's dropdown: the field's labels, 是/否, or the unit's areas, programs and referenced records by name. */
function choicesOf(spec: Fields[string], choices: TemplateChoices): { values: string[]; prompt: string } | null {
  const pick = "请从下拉列表中选择 | Choose from the list";
  if (spec.labels) return { values: Object.values(spec.labels), prompt: pick };
  if (spec.cell === "bool") return { values: ["是", "否"], prompt: pick };
  if (spec.cell === "area" && choices.areas.length) return { values: choices.areas, prompt: "选择受援地，也可填写名称或 6 位代码 | Choose the area, or type its name or 6-digit code" };
  if (spec.cell === "program" && choices.programs.length) return { values: choices.programs, prompt: "选择所属帮扶工作，也可填写其代码 | Choose the program, or type its code" };
  const refs = spec.ref ? choices.refs[spec.ref] : undefined;
  if (spec.cell === "ref" && refs?.length) return { values: refs, prompt: "从列表选择，也可填写名称或编号 | Choose from the list, or type the name or id" };
  return null;
}

/**
 * The import template: headers (required ones marked *) with a dropdown on every column that has
 * choices — kinds by their Chinese labels, 是/否, the unit's recipient areas, programs, pairings,
 * sub-units and projects by name —
 * for as many rows as an import takes; an instructions sheet; the lists on a hidden sheet.
 */
export function templateXlsx(sheetName: string, fields: Fields, choices: TemplateChoices = NO_CHOICES): Uint8Array<ArrayBuffer> {
  const entries = Object.entries(fields);
  const headers = entries.map(([, s]) => (s.required ? `${s.header}*` : s.header));
  const lists: { header: string; values: string[] }[] = [];
  const validations: ListValidation[] = [];
  entries.forEach(([, spec], column) => {
    const list = choicesOf(spec, choices);
    if (!list) return;
    validations.push({ column, fromRow: 2, toRow: MAX_IMPORT_ROWS + 1, source: rangeOf(CHOICES_SHEET, lists.length, 2, list.values.length + 1), prompt: list.prompt });
    lists.push({ header: spec.header, values: list.values });
  });
  const listRows: SheetValue[][] = [lists.map((l) => l.header)];
  for (let r = 0; r < Math.max(0, ...lists.map((l) => l.values.length)); r++) listRows.push(lists.map((l) => l.values[r] ?? null));
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
    { name: sheetName, rows: [headers], widths: headers.map((h) => Math.max(12, h.length * 2 + 2)), validations },
    { name: "填写说明", rows: help, widths: [18, 22, 6, 60] },
    ...(lists.length ? [{ name: CHOICES_SHEET, rows: listRows, hidden: true, widths: lists.map(() => 30) }] : []),
  ]);
}
