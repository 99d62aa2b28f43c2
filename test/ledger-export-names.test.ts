/**
 * Exports a reader understands without a code list: areas by full name, programs, projects, pairings
 * and sub-units by name, choices by their Chinese labels, 是/否, 万元 beside 元, times in Beijing time
 * (YYYY-MM-DD HH:mm) and dates YYYY-MM-DD — and each export, XLSX or CSV, reads back into the very
 * records it came from (the preview finds every row repeated), so it re-imports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beijingTime } from "../src/periods/period";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";
import { byHeader, postSheet, sheetRows, XLSX_TYPE } from "./support/sheet-files";
import { XLSX } from "./support/sheetjs";

let h: Harness;
const who: Record<string, TestUser> = {};
const tag = uid("names");
const PROGRAM = "dongguan-shaoguan";
const PROGRAM_TITLE = "东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）";
const LECHANG = "广东省韶关市乐昌市"; // 440281
type Item = Record<string, unknown> & { id: string; createdAt: string; updatedAt: string };
const made: Record<string, Item> = {};

async function create(resource: string, body: Record<string, unknown>): Promise<Item> {
  const res = await call(h, "POST", `/api/t/dongguan/${resource}`, { token: who.editor!.token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

/** The records matching `q` (by default the shared records' tag) exported as `format`, read back by header. */
async function exported(resource: string, format: "xlsx" | "csv" = "xlsx", q: string = tag): Promise<{ rows: Record<string, unknown>[]; file: File }> {
  const res = await call(h, "GET", `/api/t/dongguan/${resource}/export?format=${format}&q=${encodeURIComponent(q)}`, { token: who.editor!.token });
  expect(res.status).toBe(200);
  const bytes = await res.arrayBuffer();
  if (format === "csv") {
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
    const sheet = XLSX.read(text, { type: "string", raw: true }).Sheets.Sheet1!;
    return { rows: byHeader(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null })), file: new File([bytes], `${resource}.csv`, { type: "text/csv" }) };
  }
  return { rows: byHeader(sheetRows(bytes)), file: new File([bytes], `${resource}.xlsx`, { type: XLSX_TYPE }) };
}

beforeAll(async () => {
  h = await startHarness();
  who.editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  made.subUnit = await create("sub-units", { name: `${tag} 东莞市教育局`, kind: "department" });
  made.pairing = await create("pairings", { kind: "school", subUnitId: made.subUnit.id, counterpart: `${tag} 乐昌市第一中学`, areaCode: "440281", program: PROGRAM, startDate: "2024-02-01", demonstration: true });
  made.project = await create("projects", { title: `${tag} 乐昌茶园`, category: "industry", areaCode: "440281", pairingId: made.pairing.id, program: PROGRAM, budgetFen: 500_000_000, grassroots: true, startDate: "2024-03-01" });
  made.fund = await create("funds", { kind: "allocation", source: "city", amountFen: 123_456_789, date: "2024-03-05", areaCode: "440281", projectId: made.project.id, program: PROGRAM, grassroots: true, note: tag });
  made.cadre = await create("cadres", { name: "张三", gender: "male", sendingSubUnitId: made.subUnit.id, post: `${tag} 副县长`, level: "county_deputy", hostAreaCode: "440281", program: PROGRAM, startDate: "2024-01-05", plannedEndDate: "2026-01-04" });
  made.activity = await create("activities", { kind: "joint_meeting", date: "2024-04-01", title: `${tag} 联席会议`, areaCode: "440281", pairingId: made.pairing.id, subUnitId: made.subUnit.id, program: PROGRAM });
}, 60_000);
afterAll(() => h.close());

describe("beijingTime", () => {
  it("writes an instant in UTC+8: 17:05 UTC on 1 March is 01:05 on 2 March in Beijing", () => {
    expect(beijingTime("2026-03-01T17:05:00.000Z")).toBe("2026-03-02 01:05");
    expect(beijingTime("2026-12-31T15:59:59.999Z")).toBe("2026-12-31 23:59");
  });
});

describe("GET /api/t/:unit/{resource}/export: names, not codes", () => {
  it("funds: the kind and source by label, the area by full name, the program's and the project's titles, 元 and 万元, 是/否, Beijing time", async () => {
    const [row] = (await exported("funds")).rows;
    expect(row).toMatchObject({
      编号: made.fund!.id,
      资金类型: "安排（拨入）",
      资金来源: "市级",
      "金额（元）": 1234567.89, // 123,456,789 fen
      "金额（万元）": 123.4568, // 1,234,567.89 元 / 10,000, to four places
      日期: "2024-03-05",
      受援地: LECHANG,
      项目编号: made.project!.id,
      项目名称: `${tag} 乐昌茶园`,
      所属帮扶工作: PROGRAM_TITLE,
      "用于基层/民生": "是",
      超支: "否",
      版本: 1,
      创建时间: beijingTime(made.fund!.createdAt),
      更新时间: beijingTime(made.fund!.updatedAt),
    });
    expect(String(row!.创建时间)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(Object.values(row!)).not.toContain("440281");
    expect(Object.values(row!)).not.toContain(PROGRAM);
  });

  it("projects, pairings, cadres, activities: pairing and sub-unit names beside their ids, labels, 万元 budgets", async () => {
    const [project] = (await exported("projects")).rows;
    expect(project).toMatchObject({ 项目名称: `${tag} 乐昌茶园`, 项目类别: expect.any(String), 状态: "计划", 受援地: LECHANG, 结对关系名称: `${tag} 乐昌市第一中学`, 所属帮扶工作: PROGRAM_TITLE, "预算（元）": 5_000_000, "预算（万元）": 500, "基层/民生项目": "是", 开工日期: "2024-03-01" });
    const [pairing] = (await exported("pairings")).rows;
    expect(pairing).toMatchObject({ 结对类型: "学校结对", 本方下属单位编号: made.subUnit!.id, 本方下属单位名称: `${tag} 东莞市教育局`, 受援地: LECHANG, 所属帮扶工作: PROGRAM_TITLE, 示范结对: "是" });
    const [cadre] = (await exported("cadres")).rows;
    expect(cadre).toMatchObject({ 姓名: "张三", 性别: "男", 派出下属单位名称: `${tag} 东莞市教育局`, 职级: "县处级副职", 挂职地: LECHANG, 所属帮扶工作: PROGRAM_TITLE, 状态: "在岗", 计划期满日期: "2026-01-04" });
    const [activity] = (await exported("activities")).rows;
    expect(activity).toMatchObject({ 事项类型: "联席会议", 受援地: LECHANG, 结对关系名称: `${tag} 乐昌市第一中学`, 下属单位名称: `${tag} 东莞市教育局`, 所属帮扶工作: PROGRAM_TITLE });
    for (const row of [project, pairing, cadre, activity]) expect(String(row!.更新时间)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});

describe("round trip: every export reads back into the records it came from", () => {
  it.each([
    ["funds", "xlsx"],
    ["projects", "xlsx"],
    ["pairings", "xlsx"],
    ["cadres", "xlsx"],
    ["activities", "xlsx"],
    ["funds", "csv"],
    ["cadres", "csv"],
  ] as const)("%s (%s): the preview finds its one row identical to the ledger's record, with no error", async (resource, format) => {
    const { file } = await exported(resource, format);
    const res = await postSheet(h, who.editor!.token, "dongguan", resource, "import/preview", file);
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ rows: 1, create: 0, invalidRows: 0, repeatedRows: 1 });
    expect(preview.shown[0].repeats).toBe(made[{ funds: "fund", projects: "project", pairings: "pairing", cadres: "cadre", activities: "activity" }[resource]]!.id);
  });

  it("funds: the export imports again (told to keep the repeat), field for field", async () => {
    // A fund of its own (found by its own note; a fund is searched by note only), so the copy this import
    // adds never joins the shared fund's export the other tests expect to hold one row.
    const own = uid("reimport");
    await create("funds", { kind: "allocation", source: "city", amountFen: 123_456_789, date: "2024-03-05", areaCode: "440281", projectId: made.project!.id, program: PROGRAM, grassroots: true, note: own });
    const { file } = await exported("funds", "xlsx", own);
    const res = await h.app.request("/api/t/dongguan/funds/import?duplicates=keep", {
      method: "POST",
      headers: { authorization: `Bearer ${who.editor!.token}` },
      body: (() => {
        const form = new FormData();
        form.append("file", file);
        return form;
      })(),
    });
    expect(await res.json()).toEqual({ created: 1, skipped: 0 });
    const { items } = await (await call(h, "GET", `/api/t/dongguan/funds?q=${encodeURIComponent(own)}&sort=createdAt`, { token: who.editor!.token })).json();
    expect(items).toHaveLength(2);
    const fields = ["kind", "source", "amountFen", "date", "areaCode", "projectId", "program", "grassroots", "overrun", "overrunReason", "note"];
    const pick = (i: Item) => Object.fromEntries(fields.map((k) => [k, i[k]]));
    expect(pick(items[1])).toEqual(pick(items[0]));
    expect(items[1].id).not.toBe(items[0].id);
  });
});
