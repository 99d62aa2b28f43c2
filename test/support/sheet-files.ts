/** Spreadsheets as a clerk's program saves them, and their upload to the ledger's import routes. */
import { XLSX } from "./sheetjs";
import type { Harness } from "./harness";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A one-sheet XLSX file (SheetJS, an independent writer). */
export function xlsxFile(rows: unknown[][], name = "导入.xlsx"): File {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Sheet1");
  const bytes = XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer;
  return new File([bytes], name, { type: XLSX_TYPE });
}

/** The first sheet of an XLSX as rows of cells, formatted as shown (header row first). */
export function sheetRows(bytes: ArrayBuffer | Uint8Array): unknown[][] {
  const book = XLSX.read(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), { type: "array" });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null, raw: true });
}

/** The rows of a sheet as objects keyed by the header row. */
export function byHeader(rows: unknown[][]): Record<string, unknown>[] {
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? null])));
}

/**
 * POSTs a file as multipart field `file` to `/api/t/{unit}/{resource}/{route}` (import or import/preview).
 * @example await postSheet(h, token, "dongguan", "funds", "import/preview", file)
 */
export async function postSheet(h: Harness, token: string, unit: string, resource: string, route: string, file: File): Promise<Response> {
  const form = new FormData();
  form.append("file", file);
  return h.app.request(`/api/t/${unit}/${resource}/${route}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}
