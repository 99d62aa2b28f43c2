/**
 * Reads the first worksheet of an XLSX file (as Excel, WPS, LibreOffice and SheetJS write them) or a
 * CSV text into rows of raw cell values: numbers as numbers (dates stay Excel serial numbers, which
 * the cell parser understands), text, booleans, null for an empty cell. Only the parts needed are
 * inflated (zip-guard.ts bounds them); rows past `maxRows` are counted, not parsed.
 */
import { openZip } from "./zip-guard";

export type RawCell = string | number | boolean | null;

export interface ReadSheet {
  rows: RawCell[][];
  /** Rows in the sheet with any content, the last one's number (a sheet cut at `maxRows` says how far it went on). */
  lastRow: number;
}

export class UnreadableSheet extends Error {}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text → string: entities, character references and OOXML's _xHHHH_ escapes. */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => (e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!))
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (<si>, <is>): its <t> runs, without phonetic guides (<rPh>). */
function itemText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g)) out += xmlText(m[1] ?? "");
  return out;
}

/** One pattern per attribute name, made once: a sheet asks for r and t of every cell. */
const ATTRIBUTES = new Map<string, RegExp>();
const attr = (tag: string, name: string) => {
  const pattern = ATTRIBUTES.get(name) ?? ATTRIBUTES.set(name, new RegExp(`\\s${name}="([^"]*)"`)).get(name)!;
  return pattern.exec(tag)?.[1];
};

/** The 0-based column of a cell reference: "C12" → 2. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

const decoder = new TextDecoder("utf-8");

/** The path of the workbook's first sheet, from the workbook and its relationships. */
async function firstSheetPath(zip: ReturnType<typeof openZip>): Promise<string> {
  const workbook = await zip.read("xl/workbook.xml");
  if (!workbook) throw new UnreadableSheet("no workbook");
  const sheet = /<(?:\w+:)?sheet\s[^>]*>/.exec(decoder.decode(workbook))?.[0];
  const id = sheet ? /\s(?:\w+:)?id="([^"]+)"/.exec(sheet)?.[1] : undefined;
  const rels = await zip.read("xl/_rels/workbook.xml.rels");
  if (id && rels) {
    for (const m of decoder.decode(rels).matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      if (attr(m[0], "Id") !== id) continue;
      const target = attr(m[0], "Target") ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    }
  }
  // No relationship to follow: the conventional name.
  if (zip.names.includes("xl/worksheets/sheet1.xml")) return "xl/worksheets/sheet1.xml";
  throw new UnreadableSheet("no worksheet");
}

/**
 * The first sheet's rows, at most `maxRows` of them (row 1 first; a missing row is an empty array,
 * so every row keeps its number).
 */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<ReadSheet> {
  const zip = openZip(bytes);
  const path = await firstSheetPath(zip);
  const [sheetBytes, sharedBytes] = await Promise.all([zip.read(path), zip.read("xl/sharedStrings.xml")]);
  if (!sheetBytes) throw new UnreadableSheet("no worksheet");
  const shared: string[] = [];
  if (sharedBytes) for (const m of decoder.decode(sharedBytes).matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) shared.push(itemText(m[1] ?? ""));

  const xml = decoder.decode(sheetBytes);
  const rows: RawCell[][] = [];
  let lastRow = 0;
  let next = 1;
  for (const rowMatch of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const number = Number(attr(rowMatch[1] ?? "", "r") ?? next);
    next = number + 1;
    const body = rowMatch[2] ?? "";
    if (!/<(?:\w+:)?(?:v|is)\b/.test(body)) continue;
    lastRow = number;
    if (number > maxRows) continue;
    const cells: RawCell[] = [];
    let column = 0;
    for (const c of body.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const tag = c[1] ?? "";
      const ref = attr(tag, "r");
      column = ref ? columnOf(ref) : column;
      const inner = c[2] ?? "";
      const type = attr(tag, "t") ?? "n";
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
      let value: RawCell = null;
      if (type === "inlineStr") value = itemText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? "");
      else if (v !== undefined) {
        if (type === "s") value = shared[Number(v)] ?? "";
        else if (type === "b") value = v.trim() === "1";
        else if (type === "d") value = xmlText(v).replace(/^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?Z?$/, "$1");
        else if (type === "str" || type === "e") value = xmlText(v);
        else {
          const n = Number(v);
          value = Number.isFinite(n) ? n : xmlText(v);
        }
      }
      if (value !== null && value !== "") {
        while (cells.length < column) cells.push(null);
        cells[column] = value;
      }
      column += 1;
    }
    while (rows.length < number - 1) rows.push([]);
    rows.push(cells);
  }
  return { rows, lastRow };
}

/** CSV text (RFC 4180; also bare LF or CR line ends) into rows of text, empty fields null. */
export function readCsv(text: string, maxRows: number): ReadSheet {
  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let field = "";
  let quoted = false;
  let lastRow = 0;
  let count = 0;
  const endField = () => {
    row.push(field === "" ? null : field);
    field = "";
  };
  const endRow = () => {
    endField();
    count += 1;
    if (row.some((c) => c !== null)) lastRow = count;
    if (count <= maxRows) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (field !== "" || row.length) endRow();
  return { rows, lastRow };
}
