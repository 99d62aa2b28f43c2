/**
 * Memberships with effective dates: a unit joins a group from a day and its figures count from that
 * period on; ending the membership takes it out of later periods and keeps it in earlier ones; a lead
 * moves; every change is checked, guarded by If-Match and audited.
 */
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAudit } from "../db/platform/schema";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let admin: TestUser;
let coordinator: TestUser;
const BASE = "/api/programs/gd-old-areas/groups/440282/members";

async function rollup(query: string) {
  await h.services.snapshots.settled();
  await h.services.queue.settled();
  const res = await call(h, "GET", `/api/programs/gd-old-areas/rollup?${query}&limit=500`, { token: coordinator.token });
  expect(res.status).toBe(200);
  return res.json();
}
const inRollup = (r: { units: { unit: { slug: string } }[] }, slug: string) => r.units.some((u) => u.unit.slug === slug);

/** A unit of the test's own, in no group yet, and its clerk: no test sees another's memberships or versions. */
async function newUnit() {
  const slug = uid("join").toLowerCase();
  expect((await call(h, "POST", "/api/units", { token: admin.token, body: { slug, name: "新加入单位", kind: "state_enterprise" } })).status).toBe(201);
  return { slug, clerk: await makeUser(h, "unit_editor", { unit: slug }) };
}

/** Joins 南雄市's group as a member from 1 April 2026: the stay's version, from its ETag. */
async function joinFromApril(slug: string) {
  const res = await call(h, "POST", BASE, { token: coordinator.token, body: { unit: slug, effectiveFrom: "2026-04-01" } });
  expect(res.status).toBe(201);
  return res.headers.get("etag")!;
}

beforeAll(async () => {
  h = await startHarness();
  admin = await makeUser(h, "admin");
  coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas"] });
});
afterAll(() => h?.close());

describe("memberships with effective dates", () => {
  it("joins from a day: counted in the periods from then on, not before", async () => {
    const { slug, clerk } = await newUnit();
    // The group's members before this unit joins: other tests' units may be in it too.
    const q1Before = await rollup("year=2026&quarter=1");
    const q2Before = await rollup("year=2026&quarter=2");
    const res = await call(h, "POST", BASE, { token: coordinator.token, body: { unit: slug, effectiveFrom: "2026-04-01" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(await res.json()).toMatchObject({ unit: slug, role: "member", effectiveFrom: "2026-04-01", effectiveTo: null, version: 1 });
    const fund = await call(h, "POST", `/api/t/${slug}/funds`, { token: clerk.token, body: { kind: "allocation", source: "enterprise", amountFen: 50_000_00, date: "2026-05-10", areaCode: "440282", program: "gd-old-areas" } });
    expect(fund.status).toBe(201);

    const q1 = await rollup("year=2026&quarter=1");
    expect(inRollup(q1, slug)).toBe(false);
    expect(q1.totals.units).toBe(q1Before.totals.units);
    const q2 = await rollup("year=2026&quarter=2");
    expect(inRollup(q2, slug)).toBe(true);
    expect(q2.totals.units).toBe(q2Before.totals.units + 1);
    const area = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup/areas/440282?year=2026&quarter=2`, { token: coordinator.token })).json();
    expect(area.contributions.find((c: { unit: string }) => c.unit === slug).sums.inFen).toBe(50_000_00);

    expect((await call(h, "POST", BASE, { token: coordinator.token, body: { unit: slug } })).status).toBe(409);
  });

  it("ends on a day: gone from later periods, kept in earlier ones; If-Match guards it and the audit keeps before and after", async () => {
    const { slug } = await newUnit();
    expect(await joinFromApril(slug)).toBe('"1"');
    const stale = await call(h, "PATCH", `${BASE}/${slug}`, { token: coordinator.token, body: { effectiveTo: "2026-12-31" }, headers: { "if-match": '"7"' } });
    expect(stale.status).toBe(412);
    const res = await call(h, "PATCH", `${BASE}/${slug}`, { token: coordinator.token, body: { effectiveTo: "2026-12-31" }, headers: { "if-match": '"1"' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ effectiveFrom: "2026-04-01", effectiveTo: "2026-12-31", version: 2 });

    expect(inRollup(await rollup("year=2027"), slug)).toBe(false);
    expect(inRollup(await rollup("year=2026&quarter=4"), slug)).toBe(true);
    // This unit's stays only (an entity id is group/unit/stay).
    const audit = await h.services.platform.select().from(platformAudit).where(like(platformAudit.entityId, `%/${slug}/%`)).orderBy(platformAudit.id);
    expect(audit.map((a) => [a.entity, a.action])).toEqual([
      ["membership", "create"],
      ["membership", "update"],
    ]);
    expect(audit[1]).toMatchObject({ actor: coordinator.username, before: { effectiveTo: null, version: 1 }, after: { effectiveTo: "2026-12-31", version: 2 } });
  });

  it("refuses what cannot be: a second lead at the same time, an end before the start, a day outside the term, another program's coordinator", async () => {
    const { slug } = await newUnit();
    const version = await joinFromApril(slug);
    const patch = (body: unknown, token = coordinator.token) => call(h, "PATCH", `${BASE}/${slug}`, { token, body, headers: { "if-match": version } });
    const lead = await patch({ role: "lead" });
    expect(lead.status).toBe(422);
    expect((await lead.json()).error.details[0]).toMatchObject({ path: "body.role", code: "group_has_lead" });
    const backwards = await patch({ effectiveTo: "2026-03-01" });
    expect((await backwards.json()).error.details[0].code).toBe("ends_before_start");
    const outside = await patch({ effectiveTo: "2040-01-01" });
    expect((await outside.json()).error.details[0].code).toBe("outside_term");
    const other = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    expect((await patch({ effectiveTo: "2026-11-30" }, other.token)).status).toBe(403);
  });

  it("moves the lead from a day: the old lead's stay ends and it stays on as a member, the unit leads from then; earlier periods keep the old lead", async () => {
    const { slug } = await newUnit();
    const version = await joinFromApril(slug);
    const groups = await (await call(h, "GET", "/api/programs/gd-old-areas/groups", { token: coordinator.token })).json();
    const nanxiong = groups.items.find((g: { area: { code: string } }) => g.area.code === "440282");
    const oldLead = nanxiong.members.find((m: { role: string }) => m.role === "lead");
    const steps = [
      await call(h, "PATCH", `${BASE}/${oldLead.slug}`, { token: coordinator.token, body: { effectiveTo: "2026-06-30" }, headers: { "if-match": `"${oldLead.version}"` } }),
      await call(h, "POST", BASE, { token: coordinator.token, body: { unit: oldLead.slug, role: "member", effectiveFrom: "2026-07-01" } }),
      await call(h, "PATCH", `${BASE}/${slug}`, { token: coordinator.token, body: { effectiveTo: "2026-06-30" }, headers: { "if-match": version } }),
      await call(h, "POST", BASE, { token: coordinator.token, body: { unit: slug, role: "lead", effectiveFrom: "2026-07-01" } }),
    ];
    expect(steps.map((r) => r.status)).toEqual([200, 201, 200, 201]);
    const leadOf = (r: { areas: { group: { area: { code: string }; lead: { slug: string } | null } }[] }) => r.areas.find((a) => a.group.area.code === "440282")!.group.lead?.slug;
    expect(leadOf(await rollup("year=2026&quarter=4"))).toBe(slug);
    expect(leadOf(await rollup("year=2026&quarter=2"))).toBe(oldLead.slug);
    expect(leadOf(await rollup("year=2025"))).toBe(oldLead.slug);
    // The old lead is listed with both stays: lead until 30 June, member from 1 July.
    const after = (await (await call(h, "GET", "/api/programs/gd-old-areas/groups", { token: coordinator.token })).json()).items.find((g: { area: { code: string } }) => g.area.code === "440282");
    expect(after.members.filter((m: { slug: string }) => m.slug === oldLead.slug).map((m: { role: string; effectiveFrom: string | null; effectiveTo: string | null }) => [m.role, m.effectiveFrom, m.effectiveTo])).toEqual([
      ["lead", null, "2026-06-30"],
      ["member", "2026-07-01", null],
    ]);
    expect(after.lead.slug).toBe(slug);
  });

  it("joins again after leaving, never overlapping its earlier stay", async () => {
    const { slug } = await newUnit();
    // A member from 1 April to 30 June, and again from 1 July.
    const version = await joinFromApril(slug);
    expect((await call(h, "PATCH", `${BASE}/${slug}`, { token: coordinator.token, body: { effectiveTo: "2026-06-30" }, headers: { "if-match": version } })).status).toBe(200);
    expect((await call(h, "POST", BASE, { token: coordinator.token, body: { unit: slug, effectiveFrom: "2026-07-01" } })).status).toBe(201);
    // The unit's second stay runs from 2026-07-01: a stay that would overlap it is refused with the reason.
    const overlap = await call(h, "POST", BASE, { token: coordinator.token, body: { unit: slug, effectiveFrom: "2026-08-01" } });
    expect(overlap.status).toBe(422);
    expect((await overlap.json()).error.details[0]).toMatchObject({ code: "overlapping_stay" });
    const again = await call(h, "POST", BASE, { token: coordinator.token, body: { unit: slug } });
    expect(again.status).toBe(409);
  });
});
