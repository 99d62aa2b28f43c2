import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, tempDir, type Harness, type TestUser } from "./support/harness";

// 南雄市 (440282) in the old-areas program: 省委组织部 (lead), 粤财控股 and 人民银行广州分行 (members).
// 2025 is a whole year over, inside the term (2022—2030).
const YEAR = 2025;
let dir: ReturnType<typeof tempDir>;
let h: Harness;
let coordinator: TestUser;
const editors: Record<string, TestUser> = {};

async function post(unit: string, path: string, body: unknown) {
  const res = await call(h, "POST", `/api/t/${unit}/${path}`, { token: editors[unit]!.token, body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
}

const get = (path: string, token = coordinator.token) => call(h, "GET", path, { token });
const fen = (quarters: { inFen: number }[]) => quarters.map((q) => q.inFen);

/** Waits for the refreshes a read queued (facts, then judgements) to be done. */
async function settled() {
  await h.services.queue.settled();
  await h.services.snapshots.settled();
}

beforeAll(async () => {
  dir = tempDir("duikou-trends-");
  h = await startHarness({ DATA_DIR: dir.path });
  coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas"] });
  for (const unit of ["gd-org-dept", "yuecai-holdings"]) editors[unit] = await makeUser(h, "unit_editor", { unit });
  // 组织部: 1,000,000.00 元 to 南雄 in Q1 and 250,000.00 元 in Q3; 50,000.00 元 to 乳源 (440232) in Q1; a visit in Q2.
  await post("gd-org-dept", "funds", { kind: "allocation", source: "province", amountFen: 100_000_000, date: `${YEAR}-02-10`, areaCode: "440282", grassroots: true });
  await post("gd-org-dept", "funds", { kind: "allocation", source: "province", amountFen: 25_000_000, date: `${YEAR}-08-20`, areaCode: "440282", grassroots: false });
  await post("gd-org-dept", "funds", { kind: "social_donation", source: "society", amountFen: 5_000_000, date: `${YEAR}-03-03`, areaCode: "440232", grassroots: true });
  await post("gd-org-dept", "activities", { kind: "visit", date: `${YEAR}-05-12`, title: "调研", leaderLevel: "main", direction: "to_recipient", areaCode: "440282" });
  // 粤财控股: 300,000.00 元 to 南雄 in Q3.
  await post("yuecai-holdings", "funds", { kind: "allocation", source: "enterprise", amountFen: 30_000_000, date: `${YEAR}-08-01`, areaCode: "440282", grassroots: true });
  await h.services.snapshots.settled();
}, 120_000);

afterAll(async () => {
  await h.close();
  dir.remove();
});

describe("GET /api/programs/:program/rollup/areas/:code/trend", () => {
  it("puts each member's money in the quarter it was put in, and the quarters add up to the year's rollup", async () => {
    // 人民银行广州分行 records nothing, so it has no stored facts until a refresh computes its empty ones — which any
    // trend or rollup read queues. Forget those, so that this trend meets a member-year with no facts.
    await settled();
    await h.services.platformClient.execute({ sql: "DELETE FROM unit_facts WHERE unit = 'pboc-guangzhou' AND year = ?", args: [YEAR] });
    const res = await get(`/api/programs/gd-old-areas/rollup/areas/440282/trend?year=${YEAR}`);
    expect(res.status).toBe(200);
    const trend = await res.json();
    expect(trend.years).toEqual([YEAR]);
    expect(trend.quarters.map((q: any) => `${q.year}-Q${q.quarter}`)).toEqual([`${YEAR}-Q1`, `${YEAR}-Q2`, `${YEAR}-Q3`, `${YEAR}-Q4`]);
    // Q1: 组织部 100,000,000; Q3: 组织部 25,000,000 + 粤财 30,000,000 = 55,000,000; 乳源's 5,000,000 is not 南雄's.
    expect(fen(trend.quarters)).toEqual([100_000_000, 0, 55_000_000, 0]);
    // Activities are not kept per area.
    expect(trend.quarters.every((q: any) => q.activities === null)).toBe(true);
    expect(trend.missingFacts).toBe(1); // 人民银行广州分行 recorded nothing, so it has no stored facts yet

    const rollup = await (await get(`/api/programs/gd-old-areas/rollup?year=${YEAR}`)).json();
    const nanxiong = rollup.areas.find((a: any) => a.group.area.code === "440282");
    // 100,000,000 + 55,000,000 = 155,000,000: the year's figure, from the stored judgements.
    expect(nanxiong.sums.inFen).toBe(155_000_000);
    expect(fen(trend.quarters).reduce((a: number, b: number) => a + b, 0)).toBe(nanxiong.sums.inFen);
  });

  it("spans the program's term quarter by quarter, from its first year to this one", async () => {
    const trend = await (await get(`/api/programs/gd-old-areas/rollup/areas/440282/trend?year=${YEAR}&span=term`)).json();
    const thisYear = new Date().getUTCFullYear();
    expect(trend.years[0]).toBe(2022);
    expect(trend.years.at(-1)).toBe(Math.min(2030, thisYear));
    expect(trend.quarters).toHaveLength(trend.years.length * 4);
    const y2025 = trend.quarters.filter((q: any) => q.year === YEAR);
    expect(fen(y2025)).toEqual([100_000_000, 0, 55_000_000, 0]);
    expect(trend.quarters.filter((q: any) => q.year !== YEAR).every((q: any) => q.inFen === 0)).toBe(true);
  });

  it("answers 404 for an area with no group in the program, 400 for an unknown span", async () => {
    expect((await get(`/api/programs/gd-old-areas/rollup/areas/440232/trend?year=${YEAR}`)).status).toBe(404);
    expect((await get(`/api/programs/gd-old-areas/rollup/areas/440282/trend?span=decade`)).status).toBe(400);
  });
});

describe("GET /api/programs/:program/rollup/units/:unit/trend", () => {
  it("gives the unit's own quarters: all its money and its activities", async () => {
    const trend = await (await get(`/api/programs/gd-old-areas/rollup/units/gd-org-dept/trend?year=${YEAR}`)).json();
    // Q1: 100,000,000 to 南雄 + 5,000,000 to 乳源; Q3: 25,000,000.
    expect(fen(trend.quarters)).toEqual([105_000_000, 0, 25_000_000, 0]);
    expect(trend.quarters.map((q: any) => q.activities)).toEqual([0, 1, 0, 0]);
    expect(trend.staleFacts + trend.missingFacts).toBe(0);
  });

  it("answers 404 for a unit outside the program", async () => {
    const res = await get(`/api/programs/gd-old-areas/rollup/units/dongguan/trend?year=${YEAR}`);
    expect(res.status).toBe(404);
  });
});

describe("trend routes: security", () => {
  it("needs a token, and the program's coordinator or an admin", async () => {
    expect((await call(h, "GET", `/api/programs/gd-old-areas/rollup/areas/440282/trend`)).status).toBe(401);
    const other = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    expect((await get(`/api/programs/gd-old-areas/rollup/areas/440282/trend`, other.token)).status).toBe(403);
    expect((await get(`/api/programs/gd-old-areas/rollup/units/gd-org-dept/trend`, other.token)).status).toBe(403);
    expect((await get(`/api/programs/gd-old-areas/rollup/units/gd-org-dept/trend`, editors["gd-org-dept"]!.token)).status).toBe(403);
  });
});

describe("rollup by area: the helpers' rule results", () => {
  it("adds up the members' stored judgements per area", async () => {
    // 人民银行广州分行 recorded nothing: its (empty) facts and judgement come from the refresh that a read queues.
    expect((await get(`/api/programs/gd-old-areas/rollup?year=${YEAR}`)).status).toBe(200);
    await settled();
    const rollup = await (await get(`/api/programs/gd-old-areas/rollup?year=${YEAR}`)).json();
    const nanxiong = rollup.areas.find((a: any) => a.group.area.code === "440282");
    // Three members judged; every applicable result is pass, warn or fail, and the share is of those.
    expect(nanxiong.rules.judgedUnits).toBe(3);
    const { pass, warn, fail } = nanxiong.rules;
    expect(pass + warn + fail).toBeGreaterThan(0);
    expect(nanxiong.rules.passPercent).toBe(Math.floor((pass * 100) / (pass + warn + fail)));
    const drill = await (await get(`/api/programs/gd-old-areas/rollup/areas/440282?year=${YEAR}`)).json();
    expect(drill.rules).toEqual(nanxiong.rules);
  });
});
