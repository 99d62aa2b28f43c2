/**
 * The rollup of a program larger than one read judges (450 units, JUDGE_INLINE judged per read): stored
 * judgements added up by the database must equal the units' own rows added up here, a page at a
 * time; the rest is judged by queue messages queued once; a rule change makes every row stale.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupMembers, groups, judgementRequests, unitJudgementAreas, unitJudgements } from "../db/platform/schema";
import { buildFederation, PROGRAM, YEAR } from "../bench/budget-federation";
import { JUDGE_INLINE, JUDGE_PER_MESSAGE } from "../src/figures/judgements";
import { addInto, emptyAreaSums, emptySummary, type Summary } from "../src/figures/summary";
import { handleJobMessage } from "../src/jobs/handle";
import type { JobMessage, JobQueue } from "../src/jobs/queue";
import { areaPrefix } from "../src/rules/progress";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

const UNITS = 450;
let h: Harness;
let coordinator: TestUser;
const sent: JobMessage[] = [];

/** A queue that keeps what it is sent: the test hands the messages over when it chooses. */
const recorder: JobQueue = { delays: true, send: async (messages) => void sent.push(...messages), settled: async () => undefined };

async function rollup(query = "", expectStatus = 200) {
  const res = await call(h, "GET", `/api/programs/${PROGRAM}/rollup?year=${YEAR}${query}`, { token: coordinator.token });
  expect(res.status).toBe(expectStatus);
  return res.json();
}

async function handleSent(): Promise<number> {
  const batch = sent.splice(0);
  for (const m of batch) await handleJobMessage(h.services, m);
  return batch.length;
}

/** The federation as first built: no unit judged, no judging queued, nothing waiting in the queue. */
async function neverJudged(): Promise<void> {
  sent.splice(0);
  await h.services.platform.delete(judgementRequests).where(eq(judgementRequests.program, PROGRAM));
  await h.services.platform.delete(unitJudgementAreas).where(eq(unitJudgementAreas.program, PROGRAM));
  await h.services.platform.delete(unitJudgements).where(eq(unitJudgements.program, PROGRAM));
}

/** Every unit judged with today's inputs and nothing left in the queue: a read judges and queues what is behind, the queue's messages are handed over. */
async function allCurrent(): Promise<void> {
  await rollup();
  await handleSent();
  const current = await rollup();
  expect(current.totals.staleUnits).toBe(0);
  expect(sent).toHaveLength(0);
}

beforeAll(async () => {
  h = await startHarness({}, { seed: true });
  await buildFederation(h.services, UNITS);
  h.services.queue = recorder;
  coordinator = await makeUser(h, "coordinator", { programs: [PROGRAM] });
}, 120_000);

afterAll(() => h?.close());

describe("a rollup of more units than one read judges", () => {
  it("judges the first JUDGE_INLINE itself, queues the rest once in slices, and is current once they are handled", async () => {
    await neverJudged();
    const first = await rollup();
    expect(first.totals.units).toBe(UNITS);
    expect(first.totals.staleUnits).toBe(UNITS - JUDGE_INLINE);
    expect(first.totals.refreshing).toBe(UNITS - JUDGE_INLINE);
    const judges = sent.filter((m) => m.job === "judge");
    const rest = UNITS - JUDGE_INLINE;
    const slices = Array.from({ length: Math.ceil(rest / JUDGE_PER_MESSAGE) }, (_, i) => Math.min(JUDGE_PER_MESSAGE, rest - i * JUDGE_PER_MESSAGE));
    expect(judges).toHaveLength(slices.length);
    // Each message names a range of slugs, from one to the next: together every unit still behind.
    const ranges = judges.map((m) => (m.job === "judge" ? m.range : null));
    for (let i = 1; i < ranges.length; i++) expect(ranges[i - 1]!.to).toBe(ranges[i]!.from);
    expect(ranges[ranges.length - 1]!.to).toBeNull();
    // Facts are current everywhere: nothing to refresh.
    expect(sent.filter((m) => m.job === "refresh")).toHaveLength(0);

    // Read again before the messages ran: the next JUDGE_INLINE are judged here, nothing is queued twice.
    const count = sent.length;
    const second = await rollup();
    expect(second.totals.staleUnits).toBe(UNITS - 2 * JUDGE_INLINE);
    expect(sent.length).toBe(count);

    expect(await handleSent()).toBe(slices.length);
    const third = await rollup();
    expect(third.totals.staleUnits).toBe(0);
    expect(third.totals.refreshing).toBe(0);
    expect(sent).toHaveLength(0);
  }, 60_000);

  it("adds up to exactly the units' own rows: totals, areas, rule counts, laggards and lists", async () => {
    await allCurrent();
    const r = await rollup("&limit=500");
    expect(r.units).toHaveLength(UNITS);
    const total: Summary = emptySummary();
    const counts: Record<string, number> = { pass: 0, warn: 0, fail: 0, not_applicable: 0 };
    const lagging = new Map<string, string[]>();
    for (const u of r.units) {
      const { rules, submissions: _s, standings: _st, targets: _t, inTerm: _i, deadlines: _d, inputs: _in, ...summary } = u.summary;
      addInto(total, summary);
      for (const x of rules) {
        counts[x.status] = (counts[x.status] ?? 0) + 1;
        if (x.status === "fail" || x.status === "warn") (lagging.get(`${x.rule}/${x.status}`) ?? lagging.set(`${x.rule}/${x.status}`, []).get(`${x.rule}/${x.status}`)!).push(u.unit.slug);
      }
    }
    const { byArea, ...rest } = r.totals;
    expect({ funds: rest.funds, projects: rest.projects, cadres: rest.cadres, activities: rest.activities }).toEqual({ funds: total.funds, projects: total.projects, cadres: total.cadres, activities: total.activities });
    expect(byArea).toEqual(total.byArea);
    expect(r.totals.rules).toEqual(counts);
    expect(r.totals.funds.inFen).toBeGreaterThan(0);
    expect(new Map(r.lagging.map((g: any) => [`${g.rule}/${g.status}`, g.count]))).toEqual(new Map([...lagging].map(([k, v]) => [k, v.length])));
    for (const g of r.lagging) expect(g.units).toEqual(lagging.get(`${g.rule}/${g.status}`)!.sort().slice(0, 30));
    // Each area: its members' sums in the area (a county group counts only that county).
    for (const a of r.areas) {
      const mine = emptyAreaSums();
      for (const m of a.group.members) {
        const u = r.units.find((x: any) => x.unit.slug === m.slug);
        for (const [code, s] of Object.entries(u.summary.byArea)) if (code.startsWith(areaPrefix(a.group.area.code))) addInto(mine, s as typeof mine);
      }
      expect({ ...a.sums, grassrootsSharePercent: undefined }).toEqual({ ...mine, grassrootsSharePercent: undefined });
    }
  }, 60_000);

  it("pages and sorts the units on the server: pages are disjoint, cover every unit and keep the order", async () => {
    // Every unit current first, so no read below judges a unit and moves it between pages.
    await allCurrent();
    for (const sort of ["-rules", "-in", "unit"]) {
      const seen: any[] = [];
      // Follow the cursor to the end, as any list of the API is paged.
      let cursor: string | null = null;
      for (let page = 1; page <= 5; page++) {
        const r = await rollup(`&limit=100&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`);
        expect(r.unitsPage).toMatchObject({ offset: (page - 1) * 100, limit: 100, total: UNITS, sort });
        seen.push(...r.units);
        cursor = r.unitsPage.nextCursor;
        expect(cursor === null).toBe(page === 5);
      }
      expect(new Set(seen.map((u) => u.unit.slug)).size).toBe(UNITS);
      const key = (u: any) => (sort === "-rules" ? u.summary.rules.reduce((n: number, x: any) => n + (x.status === "fail" ? 2 : x.status === "warn" ? 1 : 0), 0) : sort === "-in" ? u.summary.funds.inFen : 0);
      for (let i = 1; i < seen.length; i++) expect(key(seen[i - 1])).toBeGreaterThanOrEqual(key(seen[i]));
      // Names in code-point order (SQLite's; for Chinese, radical and stroke).
      if (sort === "unit") for (let i = 1; i < seen.length; i++) expect(seen[i - 1].unit.name <= seen[i].unit.name).toBe(true);
    }
    await rollup("&limit=501", 400);
    await rollup("&sort=bogus", 400);
  }, 60_000);

  it("marks every unit stale after a rule change and brings them current the same way", async () => {
    await allCurrent();
    const rules = await (await call(h, "GET", `/api/programs/${PROGRAM}/rules`, { token: coordinator.token })).json();
    const visits = rules.items.find((r: any) => r.id === "main-leader-visits");
    const put = await call(h, "PUT", `/api/programs/${PROGRAM}/rules/main-leader-visits`, { token: coordinator.token, body: { params: { perYear: 9 } }, headers: { "if-match": `"${visits.version}"` } });
    expect(put.status).toBe(200);
    const after = await rollup("&limit=500");
    expect(after.totals.staleUnits).toBe(UNITS - JUDGE_INLINE);
    // The units judged now use the new parameter; the others show their last judgement, marked stale.
    const fresh = after.units.filter((u: any) => !u.freshness.stale);
    expect(fresh).toHaveLength(JUDGE_INLINE);
    for (const u of fresh) expect(u.summary.rules.find((x: any) => x.rule === "main-leader-visits").target).toBe(9);
    expect(after.ruleTitles["main-leader-visits"].zh).toContain("9");
    await handleSent();
    const current = await rollup("&limit=500");
    expect(current.totals.staleUnits).toBe(0);
    for (const u of current.units) expect(u.summary.rules.find((x: any) => x.rule === "main-leader-visits").target).toBe(9);
  }, 60_000);

  it("knows when the structure changed: a member moved to another group makes every judgement behind", async () => {
    await allCurrent();
    const [moved] = await h.services.platform.select().from(groupMembers).where(eq(groupMembers.unit, "budget-u00042"));
    const [target] = (await h.services.platform.select().from(groups).where(eq(groups.program, PROGRAM))).filter((g) => g.id !== moved!.groupId);
    await h.services.platform.update(groupMembers).set({ groupId: target!.id, role: "member" }).where(eq(groupMembers.unit, "budget-u00042"));
    const after = await rollup("&limit=500");
    expect(after.totals.staleUnits).toBe(UNITS - JUDGE_INLINE);
    await handleSent();
    const current = await rollup("&limit=500");
    expect(current.totals.staleUnits).toBe(0);
    expect(current.units.find((u: any) => u.unit.slug === "budget-u00042").groups).toMatchObject([{ areaCode: target!.areaCode, role: "member", basis: "pairing" }]);
    expect(current.areas.find((a: any) => a.group.id === target!.id).group.memberCount).toBe(after.areas.find((a: any) => a.group.id === target!.id).group.memberCount);
  }, 60_000);
});
