/**
 * References by name in import templates and imports: a template's 结对关系编号, 下属单位编号 and 项目编号
 * columns drop down the unit's live pairings, sub-units and projects by name (a shared name told
 * apart by the end of its id), and an import — and its preview — takes the id, the name or that
 * entry, refusing an unknown or shared name by row and column with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { XLSX } from "./support/sheetjs";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";
import { postSheet, xlsxFile } from "./support/sheet-files";

let h: Harness;
let editor: TestUser;
beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
});
afterAll(() => h.close());

type Detail = { row?: number; column?: string; message: string };

const HEADERS = ["事项类型*", "日期*", "事项*", "受援地代码", "结对关系编号", "下属单位编号", "所属帮扶工作", "备注"];

async function create(path: string, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await call(h, "POST", `/api/t/dongguan/${path}`, { token: editor.token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

/** Two sub-units sharing a name, one with a name of its own, a pairing and a voided pairing, all tagged. */
async function ledgerOf(tag: string) {
  const shared = [await create("sub-units", { name: `${tag}中学`, kind: "school" }), await create("sub-units", { name: `${tag}中学`, kind: "school" })];
  const single = await create("sub-units", { name: `${tag}医院`, kind: "hospital" });
  const pairing = await create("pairings", { kind: "school", counterpart: `${tag}乐昌一中`, areaCode: "440281", startDate: "2024-01-01", subUnitId: single.id });
  const voided = await create("pairings", { kind: "school", counterpart: `${tag}已作废`, areaCode: "440281", startDate: "2024-01-01" });
  const res = await call(h, "POST", `/api/t/dongguan/pairings/${voided.id}/void`, { token: editor.token, body: { reason: "测试" }, headers: { "if-match": `"${voided.version}"` } });
  expect(res.status, await res.clone().text()).toBe(200);
  return { shared, single, pairing };
}

/** A template's dropdowns: each column's list (from the hidden 选项 sheet) and the range its validation names. */
async function templateOf(path: string) {
  const res = await call(h, "GET", `/api/t/dongguan/${path}/template.xlsx`, { token: editor.token });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const sheet1 = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
  const ranges = new Map([...sheet1.matchAll(/<dataValidation [^>]*sqref="([A-Z]+)2:\1\d+"[^>]*><formula1>([^<]+)<\/formula1>/g)].map((m) => [m[1]!, m[2]!.replace(/&apos;/g, "'")]));
  const book = XLSX.read(bytes, { type: "array" });
  const [headers] = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
  const lists = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets["选项"]!, { defval: null });
  return {
    range: (header: string) => ranges.get(String.fromCharCode(65 + headers!.findIndex((x) => x.replace("*", "") === header))),
    list: (header: string) => lists.map((r) => r[header]).filter((v): v is string => Boolean(v)),
  };
}

async function activitiesTagged(tag: string) {
  return (await (await call(h, "GET", `/api/t/dongguan/activities?q=${encodeURIComponent(tag)}`, { token: editor.token })).json()) as { total: number; items: Record<string, unknown>[] };
}

describe("reference columns of an import template", () => {
  it("drop down the unit's live pairings, sub-units and projects by name, a shared name with the end of each id", async () => {
    const tag = `模板${Date.now()}`;
    const { shared } = await ledgerOf(tag);
    await create("projects", { title: `${tag}茶园`, category: "industry", areaCode: "440281" });

    const activities = await templateOf("activities");
    for (const header of ["结对关系编号", "下属单位编号"]) expect(activities.range(header), header).toMatch(/^'选项'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    const pairings = activities.list("结对关系编号").filter((n) => n.startsWith(tag));
    expect(pairings).toEqual([`${tag}乐昌一中`]); // the voided one is not offered
    const subUnits = activities.list("下属单位编号").filter((n) => n.startsWith(tag));
    expect(subUnits.sort()).toEqual([`${tag}中学（${shared[0]!.id.slice(-6)}）`, `${tag}中学（${shared[1]!.id.slice(-6)}）`, `${tag}医院`].sort());

    const funds = await templateOf("funds");
    expect(funds.range("项目编号")).toMatch(/^'选项'!/);
    expect(funds.list("项目编号")).toContain(`${tag}茶园`);
  });
});

describe("an import's reference cells", () => {
  it("take the names the template lists: a row filled only from the dropdowns previews and imports with the ids resolved", async () => {
    const tag = `下拉${Date.now()}`;
    const { shared, single, pairing } = await ledgerOf(tag);
    const t = await templateOf("activities");
    const program = t.list("所属帮扶工作")[0]!;
    const area = t.list("受援地代码").find((a) => a.endsWith("乐昌市"))!;
    const subUnit = t.list("下属单位编号").find((n) => n.endsWith(`（${shared[1]!.id.slice(-6)}）`))!;
    const file = () =>
      xlsxFile([
        HEADERS,
        ["联席会议", "2024-03-01", `${tag} 甲`, area, `${tag}乐昌一中`, subUnit, program, tag],
        ["联席会议", "2024-03-02", `${tag} 乙`, area, `${tag}乐昌一中`, `${tag}医院`, program, tag],
      ]);

    const preview = await postSheet(h, editor.token, "dongguan", "activities", "import/preview", file());
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body).toMatchObject({ rows: 2, create: 2, invalidRows: 0, errorCount: 0 });
    // The preview shows the references by name again, looked up from the ids they became.
    expect(body.shown[0].values).toMatchObject({ pairingId: `${tag}乐昌一中`, subUnitId: `${tag}中学` });

    expect((await postSheet(h, editor.token, "dongguan", "activities", "import", file())).status).toBe(201);
    const { items } = await activitiesTagged(tag);
    const byTitle = Object.fromEntries(items.map((i) => [i.title, i]));
    expect(byTitle[`${tag} 甲`]).toMatchObject({ kind: "joint_meeting", areaCode: "440281", program: "dongguan-shaoguan", pairingId: pairing.id, subUnitId: shared[1]!.id });
    expect(byTitle[`${tag} 乙`]).toMatchObject({ pairingId: pairing.id, subUnitId: single.id });
  });

  it("refuse an unknown name and a name two records share, by row and column, and write nothing; an id still imports", async () => {
    const tag = `拒绝${Date.now()}`;
    const { shared } = await ledgerOf(tag);
    const rows = [
      HEADERS,
      ["联席会议", "2024-03-01", `${tag} 甲`, "乐昌市", `${tag}不存在的学校`, null, null, tag],
      ["联席会议", "2024-03-02", `${tag} 乙`, "乐昌市", null, `${tag}中学`, null, tag],
      ["联席会议", "2024-03-03", `${tag} 丙`, "乐昌市", `${tag}已作废`, shared[0]!.id, null, tag],
    ];
    for (const route of ["import/preview", "import"]) {
      const res = await postSheet(h, editor.token, "dongguan", "activities", route, xlsxFile(rows));
      const body = await res.json();
      const errors: Detail[] = route === "import" ? body.error.details : body.errors;
      expect(res.status, route).toBe(route === "import" ? 400 : 200);
      expect(errors.map((e) => `${e.row}:${e.column}`).sort(), route).toEqual(["2:结对关系编号", "3:下属单位编号", "4:结对关系编号"]);
      const message = (row: number) => errors.find((e) => e.row === row)!.message;
      expect(message(2)).toMatch(new RegExp(`^找不到结对关系“${tag}不存在的学校”，请从下拉列表选择`));
      // Both entries the template offers for the shared name are named, so the clerk can pick one.
      expect(message(3)).toMatch(/^有多个下属单位叫/);
      for (const s of shared) expect(message(3)).toContain(`${tag}中学（${s.id.slice(-6)}）`);
      // A voided record is not one to choose.
      expect(message(4)).toContain(`找不到结对关系“${tag}已作废”`);
    }
    expect((await activitiesTagged(tag)).total).toBe(0);

    const byId = await postSheet(h, editor.token, "dongguan", "activities", "import", xlsxFile([HEADERS, ["联席会议", "2024-03-03", `${tag} 丁`, "乐昌市", null, shared[0]!.id, null, tag]]));
    expect(byId.status).toBe(201);
    expect((await activitiesTagged(tag)).items[0]).toMatchObject({ subUnitId: shared[0]!.id });
  });
});

describe("a wrong choice in an import", () => {
  /** The import in one language: its error envelope gives each message in the request's language. */
  const importIn = (lang: string, rows: unknown[][]) => {
    const form = new FormData();
    form.append("file", xlsxFile(rows));
    return h.app.request("/api/t/dongguan/activities/import", { method: "POST", headers: { authorization: `Bearer ${editor.token}`, "accept-language": lang }, body: form });
  };

  it("is answered with the choices' labels in either language, never their codes; an unknown reference in English too", async () => {
    const tag = `选项${Date.now()}`;
    const rows = [HEADERS, ["不存在的类型", "2024-03-01", tag, "乐昌市", `${tag}无此结对`, null, null, tag]];
    const message = async (lang: string, column: string) => {
      const res = await importIn(lang, rows);
      expect(res.status).toBe(400);
      return ((await res.json()).error.details as Detail[]).find((d) => d.row === 2 && d.column === column)!.message;
    };
    expect(await message("zh-CN", "事项类型")).toMatch(/^应为以下之一：互访调研、联席会议、/);
    const en = await message("en", "事项类型");
    expect(en).toMatch(/^Must be one of: Visit, Joint meeting, /);
    expect(en).not.toContain("joint_meeting");
    expect(await message("en", "结对关系编号")).toBe(`No pairing called ${tag}无此结对: choose it from the list, or write its name or id`);
    expect((await activitiesTagged(tag)).total).toBe(0);
  });
});
