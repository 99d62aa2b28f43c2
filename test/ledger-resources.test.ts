/**
 * The rules each ledger resource adds to the generic routes: cadres' planned end from the program's
 * term and their personal data hidden from coordinators, what each kind of activity must carry,
 * pairings beneath the seeded placeholder towns, and naming a placeholder town.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX } from "./support/sheetjs";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
const who: Record<string, TestUser> = {};
beforeAll(async () => {
  h = await startHarness();
  who.editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  who.viewer = await makeUser(h, "viewer", { unit: "dongguan" });
  who.coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
});
afterAll(() => h.close());

type Item = Record<string, unknown> & { id: string };
type Detail = { path?: string; message: string };

const post = (resource: string, body: unknown) => call(h, "POST", `/api/t/dongguan/${resource}`, { token: who.editor!.token, body });

async function list(resource: string, query: string, token = who.editor!.token): Promise<{ items: Item[]; total: number }> {
  const res = await call(h, "GET", `/api/t/dongguan/${resource}?${query}`, { token });
  expect(res.status, `${resource}?${query}`).toBe(200);
  return res.json();
}

/** The field paths a 400 names. */
async function paths(res: Response): Promise<string[]> {
  expect(res.status).toBe(400);
  const { error } = await res.json();
  expect(error.code).toBe("VALIDATION_FAILED");
  return (error.details as Detail[]).map((d) => d.path ?? "");
}

/** Parses an export CSV (UTF-8 with BOM) into rows. */
function csvRows(text: string): unknown[][] {
  const book = XLSX.read(text.replace(/^\uFEFF/, ""), { type: "string", raw: true });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null });
}

const PERSONAL = ["name", "gender", "birthDate", "phone", "note"] as const;
const PERSONAL_HEADERS = ["姓名", "性别", "出生日期", "联系电话", "备注"];

describe("cadres", () => {
  const cadre = (post: string, extra: Record<string, unknown> = {}) => ({
    name: "张三",
    gender: "male",
    birthDate: "1991-06-01",
    phone: "13800138000",
    post,
    level: "county_deputy",
    hostAreaCode: "440232",
    program: "dongguan-shaoguan",
    startDate: "2026-03-31",
    note: "家属随迁",
    ...extra,
  });

  it("creates a cadre in post, the planned end defaulting to the program's term (Dongguan–Shaoguan: 12 months)", async () => {
    const res = await post("cadres", cadre(uid("乳源县副县长")));
    expect(res.status).toBe(201);
    // 2026-03-31 + 12 months = 2027-03-31.
    expect(await res.json()).toMatchObject({ name: "张三", phone: "13800138000", plannedEndDate: "2027-03-30", status: "in_post", actualEndDate: null }); // 12 months from 2026-03-31 end the day before the anniversary
  });

  // Regression (fixed): birthDate uses the ledger's dateSchema, which refuses anything before 1990-01-01
  // (src/ledger/fields.ts), so a cadre born in 1985 — most county-level cadres are older — cannot be
  // recorded, and the message claims the format is wrong ("日期无效（YYYY-MM-DD）").
  // Fix: let f.date take a range (e.g. birthDate from 1930-01-01 to today) and say "日期超出范围" when out of it.
  it("records a cadre born before 1990", async () => {
    const res = await post("cadres", cadre(uid("挂职"), { birthDate: "1978-10-08" }));
    expect(res.status).toBe(201);
  });

  it("keeps a planned end the clerk gives", async () => {
    const res = await post("cadres", cadre(uid("挂职"), { plannedEndDate: "2026-12-31" }));
    expect(res.status).toBe(201);
    expect((await res.json()).plannedEndDate).toBe("2026-12-31");
  });

  it.each([
    ["a program that sets no term (gd-east-west-2016)", { program: "gd-east-west-2016", hostAreaCode: "530602" }],
    ["no program", { program: null }],
  ])("needs a planned end for %s", async (_name, extra) => {
    expect(await paths(await post("cadres", cadre(uid("挂职"), extra)))).toEqual(["body.plannedEndDate"]);
  });

  it("needs the actual end once the term is over", async () => {
    expect(await paths(await post("cadres", cadre(uid("挂职"), { status: "completed" })))).toEqual(["body.actualEndDate"]);
    const done = await post("cadres", cadre(uid("挂职"), { status: "completed", actualEndDate: "2027-03-30" }));
    expect(done.status).toBe(201);
  });

  it("never shows a coordinator the personal fields (list, item, CSV and XLSX export); the unit's viewer sees them", async () => {
    const postName = uid("新丰县挂职副县长");
    const created = await (await post("cadres", cadre(postName))).json();

    const coordinatorList = await list("cadres", `q=${postName}`, who.coordinator!.token);
    expect(coordinatorList.items).toHaveLength(1);
    const item = await (await call(h, "GET", `/api/t/dongguan/cadres/${created.id}`, { token: who.coordinator!.token })).json();
    for (const seen of [coordinatorList.items[0]!, item]) {
      expect(seen).toMatchObject({ id: created.id, post: postName, level: "county_deputy", plannedEndDate: "2027-03-30" });
      for (const key of PERSONAL) expect(seen, key).not.toHaveProperty(key);
    }

    const csv = await call(h, "GET", `/api/t/dongguan/cadres/export?format=csv&q=${postName}`, { token: who.coordinator!.token });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).not.toContain("张三");
    expect(text).not.toContain("13800138000");
    const [header, row] = csvRows(text);
    for (const h of PERSONAL_HEADERS) expect(header, h).not.toContain(h);
    expect(row).toContain(postName);

    const xlsx = await call(h, "GET", `/api/t/dongguan/cadres/export?format=xlsx&q=${postName}`, { token: who.coordinator!.token });
    const book = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()), { type: "array" });
    const [xlsxHeader] = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    for (const h of PERSONAL_HEADERS) expect(xlsxHeader, h).not.toContain(h);

    const viewerList = await list("cadres", `q=${postName}`, who.viewer!.token);
    expect(viewerList.items[0]).toMatchObject({ name: "张三", gender: "male", birthDate: "1991-06-01", phone: "13800138000", note: "家属随迁" });
    const viewerCsv = csvRows(await (await call(h, "GET", `/api/t/dongguan/cadres/export?format=csv&q=${postName}`, { token: who.viewer!.token })).text());
    const nameColumn = (viewerCsv[0] as string[]).indexOf("姓名");
    expect(nameColumn).toBeGreaterThanOrEqual(0);
    expect(viewerCsv[1]![nameColumn]).toBe("张三");
  });
});

describe("activities", () => {
  const base = (tag: string, kind: string, extra: Record<string, unknown> = {}) => ({
    kind,
    date: "2026-05-10",
    title: `${tag} ${kind}`,
    areaCode: "440232",
    program: "dongguan-shaoguan",
    ...extra,
  });

  it.each([
    ["visit without a leader level", "visit", { direction: "to_recipient" }, ["body.leaderLevel"]],
    ["visit without a direction", "visit", { leaderLevel: "main" }, ["body.direction"]],
    ["exchange without people", "exchange", { direction: "from_recipient" }, ["body.people"]],
    ["job posting without quantity or direction", "job_posting", {}, ["body.quantity", "body.direction"]],
    ["purchase without an amount", "purchase", {}, ["body.amountFen"]],
    ["agreement without its year", "agreement", {}, ["body.agreementYear"]],
    ["plan document without its type", "plan_document", {}, ["body.documentType"]],
    ["training without people", "training", { hours: 8 }, ["body.people"]],
    ["performance without a count", "performance", {}, ["body.quantity"]],
  ] as const)("refuses a %s", async (_name, kind, extra, expected) => {
    expect(await paths(await post("activities", base(uid("act"), kind, extra)))).toEqual(expected);
  });

  it.each([
    ["visit", { direction: "to_recipient", leaderLevel: "main", people: 8 }],
    ["joint_meeting", {}],
    ["training", { people: 60, hours: 16 }],
    ["exchange", { people: 5, direction: "from_recipient" }],
    ["job_posting", { quantity: 320, direction: "to_recipient" }],
    ["performance", { quantity: 2 }],
    ["promotion_event", {}],
    ["seminar", {}],
    ["teaching_research", {}],
    ["purchase", { amountFen: 12_345_678 }],
    ["agreement", { agreementYear: 2026 }],
    ["plan_document", { documentType: "annual_plan" }],
    ["other", {}],
  ] as const)("records a valid %s", async (kind, extra) => {
    const res = await post("activities", base(uid("act"), kind, extra));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind, ...extra });
  });

  it("lists by kind and year, newest first", async () => {
    const tag = uid("act-list");
    const make = [
      base(tag, "visit", { date: "2026-02-01", direction: "to_recipient", leaderLevel: "main" }),
      base(tag, "visit", { date: "2026-09-15", direction: "from_recipient", leaderLevel: "deputy" }),
      base(tag, "visit", { date: "2025-12-31", direction: "to_recipient", leaderLevel: "main" }),
      base(tag, "training", { date: "2026-06-01", people: 40 }),
    ];
    for (const body of make) expect((await post("activities", body)).status).toBe(201);
    const { items, total } = await list("activities", `q=${tag}&kind=visit&year=2026&sort=-date`);
    expect(total).toBe(2);
    expect(items.map((i) => [i.kind, i.date])).toEqual([
      ["visit", "2026-09-15"],
      ["visit", "2026-02-01"],
    ]);
    const oldestFirst = await list("activities", `q=${tag}&sort=date`);
    expect(oldestFirst.items.map((i) => i.date)).toEqual(["2025-12-31", "2026-02-01", "2026-06-01", "2026-09-15"]);
  });
});

describe("pairings", () => {
  const pairing = (counterpart: string, extra: Record<string, unknown> = {}) => ({
    kind: "school",
    subUnitId: "town-440232",
    counterpart,
    areaCode: "440232",
    program: "dongguan-shaoguan",
    startDate: "2026-03-01",
    ...extra,
  });

  it("pairs a school beneath a seeded placeholder town", async () => {
    const { items } = await list("sub-units", "placeholder=true&kind=town&limit=50");
    expect(items.map((i) => i.id)).toContain("town-440232");
    const res = await post("pairings", pairing(uid("乳源瑶族自治县第一中学")));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: "school", subUnitId: "town-440232", demonstration: false, endDate: null });
  });

  it("refuses an end before the start, and a sub-unit that does not exist", async () => {
    expect(await paths(await post("pairings", pairing(uid("中学"), { endDate: "2026-02-28" })))).toEqual(["body.endDate"]);
    expect(await paths(await post("pairings", pairing(uid("中学"), { subUnitId: "town-000000" })))).toEqual(["body.subUnitId"]);
  });

  it("filters demonstration pairs", async () => {
    const tag = uid("示范");
    expect((await post("pairings", pairing(`${tag} 南雄市第一中学`, { demonstration: true }))).status).toBe(201);
    expect((await post("pairings", pairing(`${tag} 南雄市第二中学`))).status).toBe(201);
    const demo = await list("pairings", `q=${tag}&demonstration=true`);
    expect(demo.items.map((i) => i.counterpart)).toEqual([`${tag} 南雄市第一中学`]);
    const other = await list("pairings", `q=${tag}&demonstration=false`);
    expect(other.items.map((i) => i.counterpart)).toEqual([`${tag} 南雄市第二中学`]);
  });
});

describe("sub-units", () => {
  it("names a placeholder town (If-Match), which then leaves the placeholder filter", async () => {
    const id = "town-440282";
    const read = await call(h, "GET", `/api/t/dongguan/sub-units/${id}`, { token: who.editor!.token });
    expect(read.status).toBe(200);
    const etag = read.headers.get("etag")!;
    expect(await read.json()).toMatchObject({ placeholder: true, areaCode: "440282" });
    const placeholdersBefore = (await list("sub-units", "placeholder=true")).total;

    const body = { name: "东莞市南城街道", placeholder: false };
    expect((await call(h, "PATCH", `/api/t/dongguan/sub-units/${id}`, { token: who.editor!.token, body })).status).toBe(428);
    const res = await call(h, "PATCH", `/api/t/dongguan/sub-units/${id}`, { token: who.editor!.token, body, headers: { "if-match": etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(await res.json()).toMatchObject({ id, name: "东莞市南城街道", placeholder: false, version: 2 });
    // The same version again is stale.
    expect((await call(h, "PATCH", `/api/t/dongguan/sub-units/${id}`, { token: who.editor!.token, body: { note: "x" }, headers: { "if-match": etag } })).status).toBe(412);

    const placeholders = await list("sub-units", "placeholder=true");
    expect(placeholders.total).toBe(placeholdersBefore - 1);
    expect(placeholders.items.map((i) => i.id)).not.toContain(id);
    expect((await list("sub-units", "placeholder=false")).items.map((i) => i.id)).toContain(id);
  });
});
