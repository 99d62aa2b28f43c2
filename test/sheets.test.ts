/**
 * Our own spreadsheet reader and writer against an independent one (SheetJS): what we write it reads
 * back cell for cell; what it writes (shared strings, as Excel and LibreOffice save) we read as it does.
 */
import { describe, expect, it } from "vitest";
import { readCsv, readXlsx, xmlText } from "../src/sheets/xlsx-read";
import { columnName, validSheetName, writeCsv, writeXlsx, zipParts, type SheetValue } from "../src/sheets/xlsx-write";
import { XLSX } from "./support/sheetjs";

const ROWS: SheetValue[][] = [
  ["名称", "金额（元）", "是否基层", "日期", "备注"],
  ["乐昌市 & 南雄市 <联合>", 1200.5, true, "2026-03-01", 'He said "yes"'],
  ["第二行", 0, false, null, "多行\n文字"],
  [null, -3.25, null, "2026-12-31", "=SUM(A1)"],
  ["_x000D_ 字面", 123456789012, null, null, "' 引号"],
];

describe("our XLSX writer", () => {
  it("writes what SheetJS reads back cell for cell, sheets in order", async () => {
    const bytes = writeXlsx([
      { name: "资金", rows: ROWS },
      { name: "填写说明", rows: [["列名", "说明"]] },
    ]);
    const book = XLSX.read(bytes, { type: "array" });
    expect(book.SheetNames).toEqual(["资金", "填写说明"]);
    const read = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["资金"]!, { header: 1, raw: true, defval: null });
    expect(read).toEqual(ROWS.map((r) => r.map((v) => (v === undefined ? null : v))));
  });

  it("reads its own files back exactly, blank cells as null", async () => {
    const { rows, lastRow } = await readXlsx(writeXlsx([{ name: "S", rows: ROWS }]), 100);
    expect(lastRow).toBe(ROWS.length);
    expect(rows.map((r) => r.concat(Array(5 - r.length).fill(null)))).toEqual(ROWS);
  });

  it("names columns and sheets as spreadsheets do", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(validSheetName("a/b:c*?[d]\\e".repeat(5))).toBe("abcde".repeat(5).slice(0, 31));
    expect(validSheetName("///")).toBe("Sheet");
  });
});

describe("our XLSX reader", () => {
  it("reads a workbook saved with shared strings (as Excel and LibreOffice save) as SheetJS does", async () => {
    const sheet = XLSX.utils.aoa_to_sheet([...ROWS, [], ["after a blank row", 46082]]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "第一页");
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["not read"]]), "第二页");
    const bytes = new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx", bookSST: true, compression: true }) as ArrayBuffer);
    const expected = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: "array" }).Sheets["第一页"]!, { header: 1, raw: true, defval: null, blankrows: true });
    const { rows } = await readXlsx(bytes, 100);
    const width = Math.max(...expected.map((r) => r.length));
    const pad = (r: unknown[]) => r.concat(Array(width - r.length).fill(null));
    expect(rows.map(pad)).toEqual(expected.map(pad));
  });

  it("joins rich-text runs and leaves out phonetic guides; decodes entities and _xHHHH_", async () => {
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>乐</t></r><r><rPr><b/></rPr><t xml:space="preserve">昌 市</t></r><rPh sb="0" eb="1"><t>レ</t></rPh></si><si><t>a&amp;b&#x4E2D;_x000A_c</t></si></sst>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c><c r="E2" t="str"><f>A1</f><v>算出</v></c><c r="F2" t="e"><v>#N/A</v></c><c r="G2" s="3"/></row></sheetData></worksheet>`;
    const bytes = zipParts({
      "xl/workbook.xml": `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId7" Target="worksheets/data.xml"/></Relationships>`,
      "xl/worksheets/data.xml": sheet,
      "xl/sharedStrings.xml": shared,
    });
    const { rows, lastRow } = await readXlsx(bytes, 100);
    expect(lastRow).toBe(2);
    expect(rows).toEqual([[], [null, "乐昌 市", null, "a&b中\nc", "算出", "#N/A"]]);
    expect(xmlText("&lt;&gt;&quot;&apos;&#20013;")).toBe(`<>"'中`);
  });

  it("counts rows past the limit without keeping them", async () => {
    const many = Array.from({ length: 30 }, (_, i) => [`行 ${i + 1}`]);
    const { rows, lastRow } = await readXlsx(writeXlsx([{ name: "S", rows: many }]), 10);
    expect(rows).toHaveLength(10);
    expect(lastRow).toBe(30);
  });
});

describe("CSV", () => {
  it("writes RFC 4180 and reads it back: quotes, commas, line breaks, empty fields", () => {
    const rows = [["a", 'b "q"', "c,d"], ["多行\n文字", null, "x"], ["", "y", true]];
    const text = writeCsv(rows);
    expect(text).toBe('a,"b ""q""","c,d"\n"多行\n文字",,x\n,y,TRUE');
    expect(readCsv(text, 100).rows).toEqual([["a", 'b "q"', "c,d"], ["多行\n文字", null, "x"], [null, "y", "TRUE"]]);
    expect(readCsv("h1,h2\r\n1,2\r\n\r\n3,4\r\n", 100)).toEqual({ rows: [["h1", "h2"], ["1", "2"], [null], ["3", "4"]], lastRow: 4 });
    expect(readCsv("a\nb\nc\n", 2)).toEqual({ rows: [["a"], ["b"]], lastRow: 3 });
  });
});
