/**
 * On an embedded database a large unit's facts are read query by query (the year's activity queries
 * quarter by quarter) with breaths between, so it does not hold the server; that read (forced here
 * with a threshold of 0) must give the very facts the one-batch read gives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEADER_LEVELS } from "../db/tenant/schema";
import { loadFacts } from "../src/figures/load-facts";

const LEVEL = LEADER_LEVELS[0];
import { call, makeUser, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ DEMO_LEDGER: "true" });
  const editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  for (const [date, kind] of [["2024-02-10", "joint_meeting"], ["2024-05-03", "visit"], ["2024-08-21", "exchange"], ["2024-11-30", "job_fair"], ["2024-12-31", "visit"]] as const) {
    const res = await call(h, "POST", "/api/t/dongguan/activities", { token: editor.token, body: { kind, date, title: `分季读取 ${date}`, areaCode: "440232", program: "dongguan-shaoguan", people: 3, quantity: 2, direction: "to_recipient", ...(kind === "visit" ? { leaderLevel: LEVEL } : {}) } });
    expect(res.status, await res.clone().text()).toBe(201);
  }
});
afterAll(() => h.close());

describe("the steady read", () => {
  it.each([["dongguan-shaoguan"], [null]])("gives the same facts as one batch (program %s)", async (program) => {
    const unit = await h.services.tenants.find("dongguan");
    const { db } = await h.services.tenants.lease(unit!);
    for (const year of [2023, 2024]) {
      const batch = await loadFacts(db, program, year);
      const steady = await loadFacts(db, program, year, { blocking: true, stepFromActivities: 0 });
      expect(steady).toEqual(batch);
    }
    expect((await loadFacts(db, program, 2024, { blocking: true, stepFromActivities: 0 })).facts.activities.length).toBeGreaterThan(3);
  });
});
