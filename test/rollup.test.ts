import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAudit, unitFacts } from "../db/platform/schema";
import { refreshUnit } from "../src/figures/refresh";
import { call, makeUser, startHarness, tempDir, type Harness, type TestUser } from "./support/harness";

// The old-revolutionary-areas program: 南雄市 (440282) is supported by 省委组织部 (lead),
// 广东粤财控股有限公司 and 中国人民银行广州分行 (members).
const YEAR = 2026;
let dir: ReturnType<typeof tempDir>;
let h: Harness;
let coordinator: TestUser;
const editors: Record<string, TestUser> = {};

async function post(unit: string, path: string, body: unknown) {
  const res = await call(h, "POST", `/api/t/${unit}/${path}`, { token: editors[unit]!.token, body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return res.json();
}

beforeAll(async () => {
  dir = tempDir("duikou-rollup-");
  h = await startHarness({ DATA_DIR: dir.path });
  coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas"] });
  for (const unit of ["gd-org-dept", "yuecai-holdings", "pboc-guangzhou"]) editors[unit] = await makeUser(h, "unit_editor", { unit });

  // 省委组织部: 1,000,000.00 元 grassroots + 500,000.00 元 not, to 南雄; one grassroots project; one cadre.
  await post("gd-org-dept", "funds", { kind: "allocation", source: "province", amountFen: 100_000_000, date: `${YEAR}-02-01`, areaCode: "440282", grassroots: true, program: "gd-old-areas" });
  await post("gd-org-dept", "funds", { kind: "allocation", source: "province", amountFen: 50_000_000, date: `${YEAR}-03-01`, areaCode: "440282", grassroots: false });
  await post("gd-org-dept", "projects", { title: "南雄示范带", category: "rural_revitalisation", areaCode: "440282", grassroots: true, startDate: `${YEAR}-02-10`, budgetFen: 80_000_000 });
  await post("gd-org-dept", "cadres", { name: "张保密", phone: "13800000000", post: "副市长（挂职）", level: "county_deputy", hostAreaCode: "440282", program: "gd-old-areas", startDate: `${YEAR}-01-05` });
  await post("gd-org-dept", "activities", { kind: "visit", date: `${YEAR}-04-01`, title: "主要负责同志调研", leaderLevel: "main", direction: "to_recipient", areaCode: "440282" });
  // 粤财控股: 200,000.00 元 grassroots to 南雄 (a member's own contribution, in its own database).
  await post("yuecai-holdings", "funds", { kind: "allocation", source: "enterprise", amountFen: 20_000_000, date: `${YEAR}-05-01`, areaCode: "440282", grassroots: true });
  // 人民银行广州分行: a project elsewhere in the province does not count for 南雄.
  await post("pboc-guangzhou", "funds", { kind: "social_donation", source: "society", amountFen: 3_000_000, date: `${YEAR}-05-02`, areaCode: "440232", grassroots: true });
  await h.services.snapshots.settled();
}, 120_000);

afterAll(async () => {
  await h.close();
  dir.remove();
});

describe("GET /api/programs/:program/rollup", () => {
  it("names each area as tables and charts write it: a county with its prefecture, so the program's 城区 is 汕尾市城区", async () => {
    const rollup = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup?year=${YEAR}`, { token: coordinator.token })).json();
    const area = (code: string) => rollup.areas.find((a: any) => a.group.area.code === code)?.group.area;
    expect(area("441502")).toMatchObject({ name: "城区", shortName: "汕尾市城区", fullName: "广东省汕尾市城区" });
    expect(area("440282")).toMatchObject({ shortName: "韶关市南雄市" });
    const found = await (await call(h, "GET", "/api/areas?q=城区&limit=50", { token: coordinator.token })).json();
    expect(found.items.find((a: any) => a.code === "441502")).toMatchObject({ name: "城区", fullName: "广东省汕尾市城区" });
  });

  it("sums the 南雄 group's lead and members from their own records, without double counting", async () => {
    const res = await call(h, "GET", `/api/programs/gd-old-areas/rollup?year=${YEAR}`, { token: coordinator.token });
    expect(res.status).toBe(200);
    const rollup = await res.json();
    const nanxiong = rollup.areas.find((a: any) => a.group.area.code === "440282");
    // in: 1,000,000.00 + 500,000.00 (组织部) + 200,000.00 (粤财) = 1,700,000.00 元 = 170,000,000 fen
    expect(nanxiong.sums.inFen).toBe(170_000_000);
    // grassroots: 1,000,000.00 + 200,000.00 = 1,200,000.00 元 → 120,000,000 / 170,000,000 = 70.58…% → 70
    expect(nanxiong.sums.grassrootsInFen).toBe(120_000_000);
    expect(nanxiong.sums.grassrootsSharePercent).toBe(70);
    expect(nanxiong.sums.projects).toBe(1);
    expect(nanxiong.sums.cadresInPost).toBe(1);
    // Each member's contribution is the area's drill-down, added up by the same query.
    const drill = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup/areas/440282?year=${YEAR}`, { token: coordinator.token })).json();
    expect(drill.sums).toEqual(nanxiong.sums);
    expect(Object.fromEntries(drill.contributions.map((c: any) => [c.unit, c.sums.inFen]))).toEqual({
      "gd-org-dept": 150_000_000,
      "yuecai-holdings": 20_000_000,
      "pboc-guangzhou": 0,
    });
    // The program total adds the 30,000.00 元 donation to 乳源 (440232), which is no group's area here.
    expect(rollup.totals.funds.inFen).toBe(173_000_000);
    expect(rollup.totals.units).toBe(72);
  });

  it("carries counts and sums only: no cadre's name or phone anywhere", async () => {
    const text = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup?year=${YEAR}`, { token: coordinator.token })).text();
    expect(text).not.toContain("张保密");
    expect(text).not.toContain("13800000000");
    const unit = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup/units/gd-org-dept?year=${YEAR}`, { token: coordinator.token })).json();
    expect(unit.summary.cadres.inPost).toBe(1);
    expect(JSON.stringify(unit)).not.toContain("张保密");
  });

  it("names laggards by rule: 粤财 has no main-leader visit yet, 组织部 one of two", async () => {
    const rollup = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup?year=${YEAR}&quarter=2`, { token: coordinator.token })).json();
    const orgDept = rollup.units.find((u: any) => u.unit.slug === "gd-org-dept");
    const visits = orgDept.summary.rules.find((r: any) => r.rule === "main-leader-visits");
    // By Q2: ceil(2 × 2/4) = 1 visit expected, 1 made → pass.
    expect(visits).toMatchObject({ status: "pass", actual: 1, expected: 1 });
    // The list carries figures; the titles come once for the program, the explanations with a unit's drill-down.
    expect(visits).not.toHaveProperty("explanation");
    expect(rollup.ruleTitles["main-leader-visits"].zh).toMatch(/^主要负责同志每年赴受援地不少于\d+次$/);
    // Grouped per requirement and result, with the count and the units named.
    const yuecai = rollup.units.find((u: any) => u.unit.slug === "yuecai-holdings");
    expect(["fail", "warn"]).toContain(yuecai.summary.rules.find((r: any) => r.rule === "main-leader-visits").status);
    // The database's grouping agrees with the units' own rows, requirement by requirement.
    expect(rollup.units).toHaveLength(72);
    for (const g of rollup.lagging) {
      const units = rollup.units.filter((u: any) => u.summary?.rules.some((r: any) => r.rule === g.rule && r.status === g.status)).map((u: any) => u.unit.slug).sort();
      expect(g.count).toBe(units.length);
      expect(g.units).toEqual(units.slice(0, 30));
      for (const slug of g.units) expect(rollup.names[slug]).toBeTruthy();
    }
    expect(rollup.totals.laggingUnits).toBe(rollup.units.filter((u: any) => u.summary?.rules.some((r: any) => r.status === "fail" || r.status === "warn")).length);
  });

  it("refreshes a unit's facts after it writes", async () => {
    const before = await h.services.platform.select().from(unitFacts).where(and(eq(unitFacts.unit, "yuecai-holdings"), eq(unitFacts.program, "gd-old-areas")));
    // A joint meeting, not money: the other tests' sums of this year stay what the records before them make.
    await post("yuecai-holdings", "activities", { kind: "joint_meeting", date: new Date().toISOString().slice(0, 10), title: "联席会议" });
    await h.services.snapshots.settled();
    const after = await h.services.platform.select().from(unitFacts).where(and(eq(unitFacts.unit, "yuecai-holdings"), eq(unitFacts.program, "gd-old-areas")));
    const current = new Date().getUTCFullYear();
    const takenBefore = before.find((s) => s.year === current)?.computedAt ?? "";
    const takenAfter = after.find((s) => s.year === current)?.computedAt ?? "";
    expect(takenAfter > takenBefore).toBe(true);
  });

  it("serves a unit whose database cannot be reached from its last snapshot, marked stale with the error", async () => {
    await call(h, "GET", `/api/programs/gd-old-areas/rollup?year=${YEAR}&quarter=4`, { token: coordinator.token });
    // The bank's database becomes unreadable. The file is moved aside rather than overwritten: a
    // closed client may still hold the old file open and flush its WAL into whatever lies at the path.
    await h.services.tenants.close();
    const file = join(dir.path, "tenants", "pboc-guangzhou.db");
    renameSync(file, `${file}.moved`);
    writeFileSync(file, "this is not a database");
    try {
      const outcome = await refreshUnit(h.services, "pboc-guangzhou", `${YEAR}-12-01`, [YEAR]);
      expect(outcome.ok).toBe(false);

      const rollup = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup?year=${YEAR}&quarter=4`, { token: coordinator.token })).json();
      const bank = rollup.units.find((u: any) => u.unit.slug === "pboc-guangzhou");
      expect(bank.freshness.stale).toBe(true);
      expect(bank.freshness.error).toBeTruthy();
      expect(bank.summary.funds.inFen).toBe(3_000_000); // the last good figures
      expect(rollup.totals.staleUnits).toBeGreaterThanOrEqual(1);
      const nanxiong = rollup.areas.find((a: any) => a.group.area.code === "440282");
      expect(nanxiong.sums.inFen).toBeGreaterThanOrEqual(170_000_000);
    } finally {
      // The bank's own database back, and its facts fresh again: the other tests read a sound unit.
      await h.services.queue.settled();
      h.services.tenants.close();
      rmSync(file);
      renameSync(`${file}.moved`, file);
      expect((await refreshUnit(h.services, "pboc-guangzhou", `${YEAR}-12-01`, [YEAR])).ok).toBe(true);
    }
  });
});

describe("GET /api/t/:unit/summary", () => {
  it("gives the unit its own figures across its whole ledger", async () => {
    const res = await call(h, "GET", `/api/t/gd-org-dept/summary?year=${YEAR}&quarter=4`, { token: editors["gd-org-dept"]!.token });
    expect(res.status).toBe(200);
    const { summary } = await res.json();
    // 1,000,000.00 + 500,000.00 元 allocated (one of them tagged to no program: the unit's own work still counts)
    expect(summary.funds.inFen).toBe(150_000_000);
    expect(summary.projects.total).toBe(1);
    expect(summary.cadres.inPost).toBe(1);
    expect(summary.activities.visit.count).toBe(1);
    expect(JSON.stringify(summary)).not.toContain("张保密");
  });
});

describe("who may see a rollup", () => {
  it("refuses a coordinator of another program, and unit staff, with 403", async () => {
    const other = await makeUser(h, "coordinator", { programs: ["gannan-central"] });
    expect((await call(h, "GET", "/api/programs/gd-old-areas/rollup", { token: other.token })).status).toBe(403);
    expect((await call(h, "GET", "/api/programs/gd-old-areas/rollup", { token: editors["gd-org-dept"]!.token })).status).toBe(403);
    expect((await call(h, "GET", "/api/programs/gd-old-areas/rollup/units/gd-org-dept", { token: other.token })).status).toBe(403);
  });

  it("lets an admin read it, and answers 404 for an unknown program", async () => {
    const admin = await makeUser(h, "admin");
    expect((await call(h, "GET", `/api/programs/gd-guizhou/rollup?year=${YEAR}`, { token: admin.token })).status).toBe(200);
    expect((await call(h, "GET", "/api/programs/no-such/rollup", { token: admin.token })).status).toBe(404);
  });

  it("drills into one area", async () => {
    const res = await call(h, "GET", `/api/programs/gd-old-areas/rollup/areas/440282?year=${YEAR}`, { token: coordinator.token });
    expect(res.status).toBe(200);
    const area = await res.json();
    expect(area.group.lead.name).toBe("省委组织部");
    expect(area.units).toHaveLength(3);
    expect((await call(h, "GET", `/api/programs/gd-old-areas/rollup/areas/440232?year=${YEAR}`, { token: coordinator.token })).status).toBe(404);
  });
});

describe("rule sets", () => {
  it("lets the program's coordinator change a parameter, audited, and evaluations use it from then on", async () => {
    const list = await (await call(h, "GET", "/api/programs/gd-old-areas/rules", { token: coordinator.token })).json();
    const visits = list.items.find((r: any) => r.id === "main-leader-visits");
    expect(visits).toMatchObject({ enabled: true, params: { perYear: 2 }, version: 1 });

    const judged = async () => (await (await call(h, "GET", `/api/t/gd-org-dept/compliance?year=${YEAR}`, { token: editors["gd-org-dept"]!.token })).json()).programs[0];
    const compliance = async () => (await judged()).results.find((r: any) => r.rule === "main-leader-visits");
    expect((await judged()).inputs.rulesVersion).toBe(1);
    // One visit of two: behind. It fails only once the year is over; while it runs it warns.
    const yearOver = new Date().toISOString().slice(0, 10) > `${YEAR}-12-31`;
    expect(await compliance()).toMatchObject({ status: yearOver ? "fail" : "warn", actual: 1, target: 2, title: { zh: "主要负责同志每年赴受援地不少于2次" } });

    const put = await call(h, "PUT", "/api/programs/gd-old-areas/rules/main-leader-visits", { token: coordinator.token, body: { params: { perYear: 1 } }, headers: { "if-match": '"1"' } });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ params: { perYear: 1 }, version: 2 });
    // The title is a template over the parameter, so it can never disagree with the figure.
    expect(await compliance()).toMatchObject({ status: "pass", target: 1, title: { zh: "主要负责同志每年赴受援地不少于1次" } });
    // The judgement says which rule set it used: the program's version moved with the change.
    expect((await judged()).inputs.rulesVersion).toBe(2);

    const audit = await h.services.platform.select().from(platformAudit).where(eq(platformAudit.entityId, "gd-old-areas/main-leader-visits"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: coordinator.username, before: { params: { perYear: 2 } }, after: { params: { perYear: 1 } } });
  });

  it("refuses a stale version (412), bad parameters (400) and another program's coordinator (403)", async () => {
    expect((await call(h, "PUT", "/api/programs/gd-old-areas/rules/funds-grassroots-share", { token: coordinator.token, body: { enabled: false }, headers: { "if-match": '"9"' } })).status).toBe(412);
    // The rule's version now (the test above may have moved it): only the parameters are wrong.
    const list = await (await call(h, "GET", "/api/programs/gd-old-areas/rules", { token: coordinator.token })).json();
    const current = `"${list.items.find((r: any) => r.id === "main-leader-visits").version}"`;
    const bad = await call(h, "PUT", "/api/programs/gd-old-areas/rules/main-leader-visits", { token: coordinator.token, body: { params: { perYear: -3 } }, headers: { "if-match": current } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("body.params.perYear");
    const other = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    expect((await call(h, "PUT", "/api/programs/gd-old-areas/rules/main-leader-visits", { token: other.token, body: { enabled: false }, headers: { "if-match": current } })).status).toBe(403);
  });
});
