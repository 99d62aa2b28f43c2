/**
 * The import preview (POST …/{resource}/import/preview): the same reading and checking as the import,
 * nothing written — how many rows would be created, which are wrong (row, column, message) and which
 * repeat records already in the ledger, the first rows of each kind by name, bounded for the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";
import { postSheet, xlsxFile } from "./support/sheet-files";

let h: Harness;
const who: Record<string, TestUser> = {};
beforeAll(async () => {
  h = await startHarness();
  who.editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  who.viewer = await makeUser(h, "viewer", { unit: "dongguan" });
  who.stranger = await makeUser(h, "unit_editor", { unit: "zhongshan" });
});
afterAll(() => h.close());

type Detail = { row?: number; column?: string; code?: string; message: string };
type Preview = {
  rows: number;
  create: number;
  invalidRows: number;
  repeatedRows: number;
  errorCount: number;
  errors: Detail[];
  errorsTruncated: boolean;
  columns: { key: string; header: string }[];
  shown: { row: number; status: "create" | "invalid" | "repeated"; values: Record<string, string | null>; repeats: string | null }[];
};

const DONGGUAN_SHAOGUAN = "东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）";
const HEADERS = ["资金类型*", "资金来源*", "金额（元）*", "日期*", "受援地代码*", "项目编号", "所属帮扶工作", "用于基层/民生", "备注"];

const preview = (file: File, token = who.editor!.token, unit = "dongguan") => postSheet(h, token, unit, "funds", "import/preview", file);

async function total(query: string): Promise<number> {
  return (await (await call(h, "GET", `/api/t/dongguan/funds?${query}`, { token: who.editor!.token })).json()).total;
}

/** The newest audit row's id: unchanged when nothing was written. */
async function newestAudit(): Promise<number> {
  const { items } = await (await call(h, "GET", "/api/t/dongguan/audit?limit=1", { token: who.editor!.token })).json();
  return items[0]?.id ?? 0;
}

describe("POST /api/t/:unit/funds/import/preview", () => {
  it("says what the import would create (by name), which row is wrong and which repeats the ledger, and writes nothing", async () => {
    const tag = uid("preview");
    const project = await (await call(h, "POST", "/api/t/dongguan/projects", { token: who.editor!.token, body: { title: `${tag} 乐昌茶园`, category: "industry", areaCode: "440281" } })).json();
    const existing = await (await call(h, "POST", "/api/t/dongguan/funds", { token: who.editor!.token, body: { kind: "social_donation", source: "society", amountFen: 100_000, date: "2024-05-01", areaCode: "440281", note: tag } })).json();
    const rows = (source: string) => [
      HEADERS,
      ["安排（拨入）", "市级", "1,234,567.89", "2024-05-02", "乐昌市", project.id, DONGGUAN_SHAOGUAN, "是", tag],
      ["社会捐赠", source, 10, "2024-05-03", "440281", null, null, "否", tag],
      // The record created above, again.
      ["社会捐赠", "社会", "1000.00", "2024-05-01", "广东省韶关市乐昌市", null, null, "否", tag],
    ];
    const fundsBefore = await total("limit=1");
    const auditBefore = await newestAudit();

    const res = await preview(xlsxFile(rows("天上")));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Preview;
    expect(body).toMatchObject({ rows: 3, create: 1, invalidRows: 1, repeatedRows: 1, errorCount: 1, errorsTruncated: false });
    expect(body.errors).toEqual([{ row: 3, column: "资金来源", message: expect.stringContaining("应为以下之一：省级、市级") }]);
    expect(body.shown.map((r) => [r.row, r.status, r.repeats])).toEqual([
      [2, "create", null],
      [3, "invalid", null],
      [4, "repeated", existing.id],
    ]);
    // What will be created, as a person reads it: labels, the area's full name, the program's and the
    // project's titles, 1,234,567.89 元 = 123.4568 万元.
    expect(body.shown[0]!.values).toMatchObject({
      kind: "安排（拨入）",
      source: "市级",
      amountFen: "1234567.89 元（123.4568 万元）",
      date: "2024-05-02",
      areaCode: "广东省韶关市乐昌市",
      projectId: `${tag} 乐昌茶园`,
      program: DONGGUAN_SHAOGUAN,
      grassroots: "是",
    });
    expect(body.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["资金类型", "金额（元）", "受援地代码", "项目编号", "所属帮扶工作"]));

    // Nothing written: not the record, not an audit row.
    expect(await total("limit=1")).toBe(fundsBefore);
    expect(await total(`q=${tag}`)).toBe(1);
    expect(await newestAudit()).toBe(auditBefore);

    // The import of the same file answers with the very errors the preview listed.
    const refused = await postSheet(h, who.editor!.token, "dongguan", "funds", "import", xlsxFile(rows("天上")));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details).toEqual(body.errors);

    // Fixed, previewed again: two to create, the repeat still found; the import skipping it creates those two.
    const fixed = (await (await preview(xlsxFile(rows("社会")))).json()) as Preview;
    expect(fixed).toMatchObject({ rows: 3, create: 2, invalidRows: 0, repeatedRows: 1, errorCount: 0, errors: [] });
    const imported = await h.app.request("/api/t/dongguan/funds/import?duplicates=skip", {
      method: "POST",
      headers: { authorization: `Bearer ${who.editor!.token}` },
      body: (() => {
        const form = new FormData();
        form.append("file", xlsxFile(rows("社会")));
        return form;
      })(),
    });
    expect(await imported.json()).toEqual({ created: fixed.create, skipped: fixed.repeatedRows });
    expect(await total(`q=${tag}`)).toBe(3);
  });

  it("lists wrong headers at row 1 and plans no rows", async () => {
    const res = await preview(xlsxFile([[...HEADERS, "颜色"], ["安排（拨入）", "市级", "10", "2024-05-02", "440281", null, null, null, "x", "红"]]));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Preview;
    expect(body).toMatchObject({ rows: 1, create: 0, invalidRows: 1, errorCount: 1, shown: [] });
    expect(body.errors).toEqual([expect.objectContaining({ row: 1, column: "颜色" })]);
  });

  it("stays small for a large file: the counts of every row, at most 1,000 errors (saying so) and 100 rows of each kind", async () => {
    const tag = uid("preview-big");
    const lines = ["资金类型,资金来源,金额（元）,日期,受援地代码,备注"];
    for (let i = 0; i < 150; i++) lines.push(`社会捐赠,社会,${i + 1}.00,2024-06-01,440281,${tag}`);
    for (let i = 0; i < 1200; i++) lines.push(`社会捐赠,天上,1.00,2024-06-02,440281,${tag}`);
    const res = await h.app.request("/api/t/dongguan/funds/import/preview", { method: "POST", headers: { authorization: `Bearer ${who.editor!.token}`, "content-type": "text/csv" }, body: lines.join("\n") });
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as Preview;
    expect(body).toMatchObject({ rows: 1350, create: 150, invalidRows: 1200, errorCount: 1200, errorsTruncated: true });
    expect(body.errors).toHaveLength(1000);
    expect(body.shown.filter((r) => r.status === "create")).toHaveLength(100);
    expect(body.shown.filter((r) => r.status === "invalid")).toHaveLength(100);
    expect(text.length).toBeLessThan(300_000);
    expect(await total(`q=${tag}`)).toBe(0);
  });

  it("refuses what the import refuses: an unreadable file (400), a viewer (403), another unit's editor (403)", async () => {
    const garbage = new File([new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9])], "坏.xlsx");
    expect((await preview(garbage)).status).toBe(400);
    const good = () => xlsxFile([HEADERS, ["安排（拨入）", "市级", "10", "2024-05-02", "440281", null, null, null, "x"]]);
    expect((await preview(good(), who.viewer!.token)).status).toBe(403);
    expect((await preview(good(), who.stranger!.token)).status).toBe(403);
  });
});
