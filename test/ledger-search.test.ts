/**
 * 全局搜索 as a specification: GET /api/t/{unit}/search finds live records of every ledger table by any
 * substring of their searchable text — two characters (LIKE over the index's text) or three and more
 * (the trigram index) — each with its list, id, name, date and the text around the match; never another
 * unit's records, never a voided one; a coordinator only its programs' records (and those of none), and a
 * cadre's name only for the unit's own staff, as every list and read of cadres.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
const who = {} as Record<"editor" | "viewer" | "coordinator" | "other", TestUser>;
/** A word made for this run, so no seeded text matches it: 2 characters and a longer one containing them. */
const SHORT = "澜沧";
const LONG = `${SHORT}江畔${process.pid % 1000}号`;
const ids = {} as Record<"project" | "fund" | "activity" | "cadre" | "voided" | "foreign", string>;

async function create(token: string, unit: string, path: string, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await call(h, "POST", `/api/t/${unit}/${path}`, { token, body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return res.json();
}

type Hit = { resource: string; id: string; title: string | null; kind: string | null; amountFen: number | null; date: string | null; program: string | null; snippet: string };

async function search(token: string, q: string, unit = "dongguan", limit?: number): Promise<Hit[]> {
  const res = await call(h, "GET", `/api/t/${unit}/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ""}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()).hits;
}

beforeAll(async () => {
  h = await startHarness();
  who.editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  who.viewer = await makeUser(h, "viewer", { unit: "dongguan" });
  who.coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
  who.other = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
  const token = who.editor.token;
  ids.project = (await create(token, "dongguan", "projects", { title: `${LONG}茶叶加工厂`, category: "industry", areaCode: "440232", program: "dongguan-shaoguan", startDate: "2026-02-01" })).id;
  ids.fund = (await create(token, "dongguan", "funds", { kind: "social_donation", source: "society", amountFen: 123_400, date: "2026-03-15", areaCode: "440232", program: "dongguan-shaoguan", note: `捐建${LONG}小学` })).id;
  ids.activity = (await create(token, "dongguan", "activities", { kind: "training", date: "2026-04-02", title: `${LONG}电商培训`, people: 30, program: "gd-east-west-2016" })).id;
  ids.cadre = (await create(token, "dongguan", "cadres", { name: "张三丰", post: `${LONG}副县长`, level: "county_deputy", hostAreaCode: "440232", program: "dongguan-shaoguan", startDate: "2026-01-01", plannedEndDate: "2028-12-31" })).id;
  const voided = await create(token, "dongguan", "activities", { kind: "training", date: "2026-04-03", title: `${LONG}已作废培训`, people: 5, program: "dongguan-shaoguan" });
  ids.voided = voided.id;
  expect((await call(h, "POST", `/api/t/dongguan/activities/${voided.id}/void`, { token, body: { reason: "录错" }, headers: { "if-match": `"${voided.version}"` } })).status).toBe(200);
  // Another unit's record with the same words: never in 东莞市's answers.
  ids.foreign = (await create(who.other.token, "gd-org-dept", "activities", { kind: "training", date: "2026-04-02", title: `${LONG}外单位培训`, people: 3, program: "gd-old-areas" })).id;
});
afterAll(() => h.close());

describe("GET /api/t/{unit}/search", () => {
  it.each([
    ["two characters", SHORT],
    ["three and more", LONG],
  ])("finds projects, funds, activities and cadres by %s, with their names, dates and the text around the match", async (_, q) => {
    const hits = await search(who.editor.token, q);
    const byId = new Map(hits.map((hit) => [hit.id, hit]));
    expect(byId.get(ids.project)).toMatchObject({ resource: "projects", title: `${LONG}茶叶加工厂`, kind: "industry", date: "2026-02-01", program: "dongguan-shaoguan" });
    expect(byId.get(ids.fund)).toMatchObject({ resource: "funds", title: null, kind: "social_donation", amountFen: 123_400, date: "2026-03-15" });
    expect(byId.get(ids.fund)!.snippet).toContain(`捐建${LONG}小学`);
    expect(byId.get(ids.activity)).toMatchObject({ resource: "activities", title: `${LONG}电商培训`, date: "2026-04-02", program: "gd-east-west-2016" });
    expect(byId.get(ids.cadre)).toMatchObject({ resource: "cadres", title: `张三丰 · ${LONG}副县长` });
    // Neither the voided activity nor the other unit's.
    expect(byId.has(ids.voided)).toBe(false);
    expect(byId.has(ids.foreign)).toBe(false);
    expect(hits).toHaveLength(4);
  });

  it("never answers with another unit's records, and refuses another unit's search", async () => {
    const theirs = await search(who.other.token, LONG, "gd-org-dept");
    expect(theirs.map((hit) => hit.id)).toEqual([ids.foreign]);
    expect((await call(h, "GET", `/api/t/gd-org-dept/search?q=${encodeURIComponent(LONG)}`, { token: who.editor.token })).status).toBe(403);
  });

  it("shows a coordinator its programs' records only, and a cadre by post, never by name", async () => {
    const hits = await search(who.coordinator.token, LONG);
    expect(hits.map((hit) => hit.id).sort()).toEqual([ids.project, ids.fund, ids.cadre].sort());
    expect(hits.find((hit) => hit.id === ids.cadre)!.title).toBe(`${LONG}副县长`);
    expect(JSON.stringify(hits)).not.toContain("张三丰");
    // The unit's own viewer is its staff: the name is shown.
    expect((await search(who.viewer.token, LONG)).find((hit) => hit.id === ids.cadre)!.title).toBe(`张三丰 · ${LONG}副县长`);
  });

  it("shares a small limit among the kinds that matched", async () => {
    const hits = await search(who.editor.token, LONG, "dongguan", 3);
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((hit) => hit.resource)).size).toBe(3);
  });

  it("is bounded: an empty query, a limit over 50 and a query over 100 characters are refused", async () => {
    for (const query of ["q=", `q=${SHORT}&limit=51`, `q=${"字".repeat(101)}`]) {
      const res = await call(h, "GET", `/api/t/dongguan/search?${query.replace(/[^\x20-\x7e]/g, encodeURIComponent)}`, { token: who.editor.token });
      expect(res.status, query.slice(0, 20)).toBe(400);
    }
  });

  it("treats the query as text, not as index syntax", async () => {
    expect(await search(who.editor.token, `"${uid("x")} OR *`)).toEqual([]);
    expect(await search(who.editor.token, "%_")).toEqual([]);
  });
});
