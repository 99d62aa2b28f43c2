/**
 * Writes workbooks (XLSX, SpreadsheetML in a ZIP) from rows of values: the few parts Excel, WPS and
 * LibreOffice need — content types, relationships, the workbook, a minimal stylesheet and one
 * worksheet per sheet with inline strings. Our own, so the Worker carries no spreadsheet library
 * (SheetJS was a third of its bundle) and the format can grow what we need (validation lists).
 * Pure and synchronous; fflate does the DEFLATE.
 */
import { zipSync } from "fflate";
import { xmlSafe } from "../xml-text";

export type SheetValue = string | number | boolean | null | undefined;

/** A dropdown on a column's cells: the choices are a range of another sheet (a formula, e.g. '选项'!$A$2:$A$9). */
export interface ListValidation {
  /** 0-based column. */
  column: number;
  /** 1-based rows, inclusive. */
  fromRow: number;
  toRow: number;
  source: string;
  /** Shown when a cell is selected, and when a value not in the list is typed (a warning: the importer also takes codes). */
  prompt: string;
}

export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (the callers choose names; they are checked here). */
  name: string;
  rows: readonly (readonly SheetValue[])[];
  /** Hidden sheets hold lists for dropdowns; the first sheet is never hidden. */
  hidden?: boolean;
  /** Column widths in characters. */
  widths?: readonly number[];
  validations?: readonly ListValidation[];
}

/**
 * Text as XML: the five entities, and OOXML's own escapes — a carriage return as _x000D_ (XML readers
 * would turn it into a line feed) and the underscore of a literal "_xHHHH_" as _x005F_.
 */
const escape = (text: string) =>
  xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(/\r/g, "_x000D_");

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, value: SheetValue): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : cellXml(ref, String(value));
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
}

function validationXml(v: ListValidation): string {
  const ref = `${columnName(v.column)}${v.fromRow}:${columnName(v.column)}${v.toRow}`;
  const prompt = escape(v.prompt.slice(0, 255));
  return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning" error="${prompt}" prompt="${prompt}" sqref="${ref}"><formula1>${escape(v.source)}</formula1></dataValidation>`;
}

function sheetXml(sheet: SheetSpec): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'];
  // The schema's order: cols, then sheetData, then dataValidations.
  if (sheet.widths?.length) parts.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  parts.push("<sheetData>");
  sheet.rows.forEach((row, r) => {
    const cells = row.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v)).join("");
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push("</sheetData>");
  if (sheet.validations?.length) parts.push(`<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join("")}</dataValidations>`);
  parts.push("</worksheet>");
  return parts.join("");
}

const CONTENT_TYPES = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookXml(names: string[], hidden: boolean[]): string {
  const sheets = names.map((n, i) => `<sheet name="${escape(n)}" sheetId="${i + 1}"${hidden[i] && i > 0 ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
}

/** A formula reference to a column's cells on a sheet: '选项'!$A$2:$A$9. */
export function rangeOf(sheet: string, column: number, fromRow: number, toRow: number): string {
  const c = columnName(column);
  return `'${validSheetName(sheet).replace(/'/g, "''")}'!$${c}$${fromRow}:$${c}$${toRow}`;
}

/** A sheet name a spreadsheet accepts: at most 31 characters, none of []:*?/\, not blank. */
export function validSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, "").slice(0, 31) || "Sheet";
}

/** ZIP parts (name → text), compressed. */
export function zipParts(parts: Record<string, string>): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const files = Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, enc.encode(text)]));
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

/**
 * An XLSX file of the sheets, in order.
 * @example writeXlsx([{ name: "资金", rows: [["金额（元）"], [1200.5]] }])
 */
export function writeXlsx(sheets: readonly SheetSpec[]): Uint8Array<ArrayBuffer> {
  const names = sheets.map((s) => validSheetName(s.name));
  const parts: Record<string, string> = {
    "[Content_Types].xml": CONTENT_TYPES(sheets.length),
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": workbookXml(names, sheets.map((s) => Boolean(s.hidden))),
    "xl/_rels/workbook.xml.rels": workbookRels(sheets.length),
    "xl/styles.xml": STYLES,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s)));
  return zipParts(parts);
}

/** CSV text of rows (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled). */
export function writeCsv(rows: readonly (readonly SheetValue[])[]): string {
  const field = (v: SheetValue) => {
    if (v === null || v === undefined) return "";
    const text = typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(field).join(",")).join("\n");
}
