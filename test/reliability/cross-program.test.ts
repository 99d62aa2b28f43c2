/**
 * A coordinator sees a unit only through the programs it coordinates (security finding 10):
 * 东莞市 takes part in 莞韶 (dongguan-shaoguan) and in 广东东西部扶贫协作 (gd-east-west-2016); the
 * coordinator of 莞韶 alone reads none of the latter — not its reports by any path, not its
 * compliance, figures, evidence or alerts, not the ledger records tagged with it — while the unit's
 * own staff read everything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/schedule";
import { call, makeUser, startHarness, type Harness, type TestUser } from "../support/harness";

const UNIT = "dongguan";
const MINE = "dongguan-shaoguan";
const OTHER = "gd-east-west-2016";
let h: Harness;
let coordinator: TestUser;
let editor: TestUser;
const ids: Record<string, string> = {};

async function create(path: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(h, "POST", `/api/t/${UNIT}/${path}`, { token: editor.token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).id;
}

beforeAll(async () => {
  h = await startHarness();
  coordinator = await makeUser(h, "coordinator", { programs: [MINE] });
  editor = await makeUser(h, "unit_editor", { unit: UNIT });
  ids.mine = await create("projects", { title: "莞韶项目", category: "education", areaCode: "440232", program: MINE, startDate: "2020-07-02" });
  ids.other = await create("projects", { title: "东西部协作项目-不应可见", category: "education", areaCode: "520100", program: OTHER, startDate: "2020-07-02" });
  ids.none = await create("projects", { title: "未归属项目", category: "education", areaCode: "440232", startDate: "2020-07-02" });
  await runJob(h.services, "quarterly", null, "2020-10-05");
  await runJob(h.services, "quarterly", null, "2024-10-05");
  const { items } = await (await call(h, "GET", `/api/t/${UNIT}/reports`, { token: editor.token })).json();
  ids.otherReport = items.find((r: { program: string }) => r.program === OTHER).id;
  ids.myReport = items.find((r: { program: string }) => r.program === MINE).id;
  await h.services.snapshots.settled();
}, 60_000);
afterAll(() => h.close());

describe("the coordinator of 莞韶 reading 东莞市", () => {
  it("cannot read the unit's report of the other program by any path, but reads its own program's", async () => {
    for (const path of [`/api/reports/${ids.otherReport}`, `/api/t/${UNIT}/reports/${ids.otherReport}`, `/api/programs/${OTHER}/reports/${ids.otherReport}`]) {
      const res = await call(h, "GET", path, { token: coordinator.token });
      expect([403, 404], path).toContain(res.status);
    }
    expect((await call(h, "GET", `/api/reports/${ids.myReport}`, { token: coordinator.token })).status).toBe(200);
    const listed = await (await call(h, "GET", `/api/t/${UNIT}/reports`, { token: coordinator.token })).json();
    expect(listed.items.map((r: { program: string }) => r.program)).not.toContain(OTHER);
    expect(listed.items.length).toBeGreaterThan(0);
  });

  it("compliance, the unit page, figures and evidence show its own program only", async () => {
    const compliance = await (await call(h, "GET", `/api/t/${UNIT}/compliance?year=2020`, { token: coordinator.token })).json();
    expect(compliance.programs.map((p: { program: string }) => p.program)).toEqual([MINE]);
    const unit = await (await call(h, "GET", `/api/t/${UNIT}`, { token: coordinator.token })).json();
    expect(unit.programs.map((p: { slug: string }) => p.slug)).toEqual([MINE]);
    expect((await call(h, "GET", `/api/t/${UNIT}/summary?year=2020&program=${OTHER}`, { token: coordinator.token })).status).toBe(404);
    const summary = await (await call(h, "GET", `/api/t/${UNIT}/summary?year=2024`, { token: coordinator.token })).json();
    expect(summary.program).toBe(MINE);
    expect((await call(h, "GET", `/api/t/${UNIT}/compliance/${OTHER}/fiscal-per-county/evidence?year=2020`, { token: coordinator.token })).status).toBe(404);
  });

  it("ledger lists, exports and single reads leave out records tagged with the other program", async () => {
    const list = await (await call(h, "GET", `/api/t/${UNIT}/projects?limit=200`, { token: coordinator.token })).json();
    const titles = list.items.map((p: { title: string }) => p.title);
    expect(titles).toContain("莞韶项目");
    expect(titles).toContain("未归属项目");
    expect(titles).not.toContain("东西部协作项目-不应可见");
    expect(list.total).toBe(list.items.length);
    const csv = await (await call(h, "GET", `/api/t/${UNIT}/projects/export?format=csv`, { token: coordinator.token })).text();
    expect(csv).not.toContain("东西部协作项目-不应可见");
    expect((await call(h, "GET", `/api/t/${UNIT}/projects/${ids.other}`, { token: coordinator.token })).status).toBe(404);
    expect((await call(h, "GET", `/api/t/${UNIT}/projects/${ids.mine}`, { token: coordinator.token })).status).toBe(200);
  });

  it("the unit's own editor still reads both programs everywhere", async () => {
    const compliance = await (await call(h, "GET", `/api/t/${UNIT}/compliance?year=2020`, { token: editor.token })).json();
    expect(compliance.programs.map((p: { program: string }) => p.program).sort()).toEqual([MINE, OTHER].sort());
    expect((await call(h, "GET", `/api/t/${UNIT}/projects/${ids.other}`, { token: editor.token })).status).toBe(200);
    expect((await call(h, "GET", `/api/reports/${ids.otherReport}`, { token: editor.token })).status).toBe(200);
  });
});
