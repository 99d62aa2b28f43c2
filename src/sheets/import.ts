/**
 * Reads an uploaded XLSX or CSV into records: the header row names the columns (the template's
 * Chinese headers, their English twins or the API field names), every cell is parsed by its
 * field's kind and every row validated by the resource's create schema. Nothing is written here;
 * each problem comes back with its row number and column header.
 */
import { ApiError, type ErrorDetail } from "../errors";
import { createSchema, onRow, type Field, type Fields } from "../ledger/fields";
import type { ImportRow } from "../ledger/import-plan";
import { describeIssue } from "../validation";
import { NO_NAMES, parseCell, type ImportNames } from "./cells";
import { areaHeader, BOOKKEEPING_HEADERS, exportOnlyHeaders } from "./columns";
import { readCsv, readXlsx } from "./xlsx-read";

export const MAX_IMPORT_ROWS = 20_000;

/**
 * Reads the first sheet of a file as rows of cells (row 1 = headers). An XLSX is checked before it
 * is inflated (zip-guard.ts); no more rows are parsed than an import may hold, so a million-row file
 * is refused after counting its rows, not parsing them.
 */
export async function readSheet(bytes: Uint8Array, filename: string): Promise<unknown[][]> {
  const isCsv = /\.csv$/i.test(filename) || looksLikeText(bytes);
  const maxRows = MAX_IMPORT_ROWS + 2;
  let sheet;
  try {
    sheet = isCsv ? readCsv(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""), maxRows) : await readXlsx(bytes, maxRows);
  } catch (error) {
    // The archive's own limits (413) pass through; anything else is a file we cannot read.
    if (error instanceof ApiError) throw error;
    throw new ApiError("BAD_REQUEST", "error.import_unreadable");
  }
  if (sheet.lastRow > MAX_IMPORT_ROWS + 1) throw new ApiError("PAYLOAD_TOO_LARGE", "error.import_too_many", { max: MAX_IMPORT_ROWS });
  // Blank rows are kept so that every row's number is its number in the sheet; parseImport skips them.
  return sheet.rows;
}

function looksLikeText(bytes: Uint8Array): boolean {
  // XLSX files are ZIP archives ("PK"); anything else we try as CSV text.
  return !(bytes[0] === 0x50 && bytes[1] === 0x4b);
}

/** Maps header cells to field keys; unknown headers are reported, not silently dropped. */
function mapHeaders(fields: Fields, headers: unknown[]): { keys: (string | null)[]; voidColumn: number; errors: ErrorDetail[] } {
  const lookup = new Map<string, string>();
  const squeeze = (name: string) => name.replace(/\s|\*/g, "").toLowerCase();
  for (const [key, spec] of Object.entries(fields)) {
    // An export names an area column without 代码 (it holds the full name): the same column.
    for (const name of [spec.header, spec.headerEn, key, ...(spec.cell === "area" ? [areaHeader(spec)] : [])]) lookup.set(squeeze(name), key);
  }
  // The columns an export adds (bookkeeping, 万元, names of references): re-importing ignores them (new records get new ids).
  const skipped = new Set(exportOnlyHeaders(fields).map(squeeze));
  const errors: ErrorDetail[] = [];
  const voidColumn = headers.findIndex((h) => String(h ?? "").trim() === VOID_HEADER);
  const keys = headers.map((h) => {
    const text = squeeze(String(h ?? ""));
    if (!text || skipped.has(text)) return null;
    const key = lookup.get(text) ?? null;
    if (!key) errors.push({ row: 1, column: String(h), message: `无法识别的列：${String(h)}（请使用模板的列名） | Unknown column ${String(h)} (use the template's headers)` });
    return key;
  });
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.required && !keys.includes(key)) errors.push({ row: 1, column: spec.header, message: `缺少必填列：${spec.header} | Missing required column ${spec.headerEn}` });
  }
  return { keys, voidColumn, errors };
}

const VOID_HEADER = BOOKKEEPING_HEADERS.voidReason;

const isBlank = (cells: unknown[]) => cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));

/** Parses and validates every row; throws only for a file that cannot be read at all. */
export function parseImport(fields: Fields, cells: unknown[][], names: ImportNames = NO_NAMES): { rows: ImportRow[]; headerErrors: ErrorDetail[] } {
  const [headers = [], ...rest] = cells;
  const { keys, voidColumn, errors: headerErrors } = mapHeaders(fields, headers);
  // Spreadsheet row numbers: the header is row 1; blank rows are skipped but still counted.
  const body = rest.map((cellsOfRow, i) => ({ cellsOfRow, row: i + 2 })).filter(({ cellsOfRow }) => !isBlank(cellsOfRow));
  if (body.length === 0) throw new ApiError("BAD_REQUEST", "error.import_empty");
  if (body.length > MAX_IMPORT_ROWS) throw new ApiError("PAYLOAD_TOO_LARGE", "error.import_too_many", { max: MAX_IMPORT_ROWS });
  const schema = createSchema(fields);
  const rows = body.map(({ cellsOfRow, row }): ImportRow => {
    const record: Record<string, unknown> = {};
    const refs: Record<string, string> = {};
    const errors: ErrorDetail[] = [];
    if (voidColumn >= 0 && !isBlank([cellsOfRow[voidColumn]])) {
      errors.push({ row, column: VOID_HEADER, message: "已作废的记录不能导入 | A voided record cannot be imported" });
    }
    // Figures that are amounts on some rows (a money target) are read once the row's other cells are.
    const later: [string, number][] = [];
    const read = (key: string, c: number, spec: Field) => {
      const parsed = parseCell(spec, cellsOfRow[c], names);
      if (!parsed.ok) errors.push({ row, column: spec.header, message: parsed.message });
      else if (parsed.value === undefined) return;
      // A reference may be written by name: the ledger is asked when the import is planned (ref-names.ts).
      else if (spec.cell === "ref") refs[key] = String(parsed.value);
      else record[key] = parsed.value;
    };
    keys.forEach((key, c) => {
      if (!key) return;
      if (fields[key]!.amountWhen) later.push([key, c]);
      else read(key, c, fields[key]!);
    });
    for (const [key, c] of later) read(key, c, onRow(fields[key]!, record));
    // Validate the row even when some cells failed to parse, so every bad cell is named at once.
    const badColumns = new Set(errors.map((e) => e.column));
    const result = schema.safeParse(record);
    const written = Object.keys(refs).length ? { refs } : {};
    if (result.success) return { row, record: result.data, errors, ...written };
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      const column = fields[key]?.header ?? key;
      if (badColumns.has(column)) continue;
      errors.push({ row, column, message: `${describeIssue(issue, record, "zh-CN")} | ${describeIssue(issue, record, "en")}` });
    }
    return { row, record, errors, ...written };
  });
  return { rows, headerErrors };
}
