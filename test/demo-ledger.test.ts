import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { termEnd } from "../src/periods/period";
import { demoYear, seedDemoLedger } from "../src/seed/demo-ledger";
import { call, makeUser, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ DEMO_LEDGER: "true" });
});
afterAll(() => h.close());

describe("the demo ledger", () => {
  it("gives Dongguan a year of demo records, each marked demo and valid by the same rules as a clerk's", async () => {
    const editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
    // Dated in the plan's last year once the plan (2022–2024) has ended.
    const year = demoYear("dongguan-shaoguan", new Date().getUTCFullYear());
    const projects = await (await call(h, "GET", "/api/t/dongguan/projects?limit=200", { token: editor.token })).json();
    expect(projects.total).toBe(12);
    expect(projects.items.every((p: { demo: boolean; title: string }) => p.demo && p.title.includes("演示"))).toBe(true);
    const pairings = await (await call(h, "GET", "/api/t/dongguan/pairings?kind=town_county", { token: editor.token })).json();
    expect(pairings.total).toBe(10);
    const submissions = await (await call(h, "GET", `/api/t/dongguan/submissions?year=${year}`, { token: editor.token })).json();
    expect(submissions.items.map((s: { status: string }) => s.status)).toEqual(["submitted", "submitted"]);
  });

  it("gives 省委组织部 a main-leader visit to 南雄市 and its seconded cadre a three-year term", async () => {
    const viewer = await makeUser(h, "viewer", { unit: "gd-org-dept" });
    const visits = await (await call(h, "GET", "/api/t/gd-org-dept/activities?kind=visit&leaderLevel=main", { token: viewer.token })).json();
    expect(visits.total).toBe(1);
    const [cadre] = (await (await call(h, "GET", "/api/t/gd-org-dept/cadres", { token: viewer.token })).json()).items;
    // §二(二): a batch serves 3 years → the planned end is the day before the third anniversary of the start.
    expect(cadre.plannedEndDate).toBe(termEnd(cadre.startDate, 36));
  });

  it("is written once: seeding again adds nothing", async () => {
    expect(await seedDemoLedger(h.services.platform, h.services.tenants, new Date().getUTCFullYear())).toEqual([]);
  });
});
