/**
 * The federation's structure administered through the API: programs (created with a starting rule set,
 * changed under If-Match, a term that would strand a membership refused), special areas, groups (opened
 * by the program's coordinator, not another's), participants without a pairing (the Gannan 牵头部门
 * record their own work and are counted in the rollup), and a unit that joins mid-year held pro rata
 * from its start quarter, with the rule's text saying so.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAudit } from "../db/platform/schema";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let admin: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  h = await startHarness();
  admin = await makeUser(h, "admin");
  coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas"] });
});
afterAll(() => h?.close());

const settled = async () => {
  await h.services.snapshots.settled();
  await h.services.queue.settled();
};

describe("programs", () => {
  /** A new 2025–2027 program's fields, under a slug of the test's own. */
  const planned = () => {
    const slug = uid("plan").toLowerCase();
    return { slug, name: "东莞韶关继续推进全面帮扶共建三年行动方案（2025—2027年）", document: "莞韶 2025—2027 行动方案", docNumber: "莞韶指〔2025〕1号", startYear: 2025, endYear: 2027, coordinator: "东莞韶关对口帮扶指挥部", rulesFrom: "dongguan-shaoguan" };
  };

  it("an admin creates one, starting with a copy of another program's rules; a coordinator may not", async () => {
    const body = planned();
    const { slug } = body;
    expect((await call(h, "POST", "/api/programs", { token: coordinator.token, body })).status).toBe(403);
    const res = await call(h, "POST", "/api/programs", { token: admin.token, body });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ slug, startYear: 2025, endYear: 2027, version: 1, groupCount: 0, unitCount: 0 });
    const [copied, source] = await Promise.all([slug, "dongguan-shaoguan"].map(async (p) => (await (await call(h, "GET", `/api/programs/${p}/rules`, { token: admin.token })).json()).items.map((r: { rule: string }) => r.rule)));
    expect(copied).toEqual(source);
    expect(copied.length).toBeGreaterThan(10);
    expect((await call(h, "POST", "/api/programs", { token: admin.token, body })).status).toBe(409);
    const backwards = await call(h, "POST", "/api/programs", { token: admin.token, body: { ...body, slug: `${slug}-x`, endYear: 2020 } });
    expect(backwards.status).toBe(400);
  });

  it("changes under If-Match, audited; a term that would strand a membership is refused, naming it", async () => {
    const body = planned();
    const { slug } = body;
    expect((await call(h, "POST", "/api/programs", { token: admin.token, body })).status).toBe(201);
    expect((await call(h, "PATCH", `/api/programs/${slug}`, { token: admin.token, body: { endYear: 2028 } })).status).toBe(428);
    expect((await call(h, "PATCH", `/api/programs/${slug}`, { token: admin.token, body: { endYear: 2028 }, headers: { "if-match": '"9"' } })).status).toBe(412);
    const ok = await call(h, "PATCH", `/api/programs/${slug}`, { token: admin.token, body: { endYear: 2028 }, headers: { "if-match": '"1"' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ endYear: 2028, version: 2 });
    const [, audit] = await h.services.platform.select().from(platformAudit).where(eq(platformAudit.entityId, slug)).orderBy(platformAudit.id);
    expect(audit).toMatchObject({ entity: "program", action: "update", before: { endYear: 2027 }, after: { endYear: 2028 } });

    // The old-areas program runs 2022–2030; a membership of 2029 would fall outside 2022–2028.
    const member = await call(h, "POST", "/api/programs/gd-old-areas/groups/441624/members", { token: coordinator.token, body: { unit: "dongguan", effectiveFrom: "2029-01-01" } });
    expect(member.status).toBe(201);
    const program = await (await call(h, "GET", "/api/programs/gd-old-areas", { token: coordinator.token })).json();
    const shorter = await call(h, "PATCH", "/api/programs/gd-old-areas", { token: coordinator.token, body: { endYear: 2028 }, headers: { "if-match": `"${program.version}"` } });
    expect(shorter.status).toBe(422);
    expect((await shorter.json()).error.details).toEqual([expect.objectContaining({ code: "membership_outside_term", message: expect.stringContaining("dongguan（441624）") })]);
    const other = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    expect((await call(h, "PATCH", "/api/programs/gd-old-areas", { token: other.token, body: { name: "x" }, headers: { "if-match": `"${program.version}"` } })).status).toBe(403);
  });
});

describe("areas and groups", () => {
  it("an admin registers an area the code list lacks, under a parent that exists", async () => {
    const res = await call(h, "POST", "/api/areas", { token: admin.token, body: { code: "660400", name: "新疆生产建设兵团第四师", parentCode: "660000" } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ code: "660400", level: 2, special: true });
    expect((await call(h, "POST", "/api/areas", { token: admin.token, body: { code: "660400", name: "重复", parentCode: "660000" } })).status).toBe(409);
    const orphan = await call(h, "POST", "/api/areas", { token: admin.token, body: { code: "669900", name: "无上级", parentCode: "669000" } });
    expect(orphan.status).toBe(422);
    expect((await call(h, "POST", "/api/areas", { token: coordinator.token, body: { code: "660500", name: "第五师", parentCode: "660000" } })).status).toBe(403);
    const third = (await (await call(h, "GET", "/api/areas?codes=660300", { token: admin.token })).json()).items[0];
    expect(third).toMatchObject({ name: "新疆生产建设兵团第三师", special: true, level: 2 });
  });

  it("the program's coordinator opens a group for an area, with its clause and basis; another's may not", async () => {
    const body = { areaCode: "441625", clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §二(一)", basis: "support" };
    const res = await call(h, "POST", "/api/programs/gd-old-areas/groups", { token: coordinator.token, body });
    expect(res.status).toBe(201);
    const group = await res.json();
    expect(group).toMatchObject({ area: { code: "441625" }, basis: "support", lead: null, members: [], version: 1 });
    expect((await call(h, "POST", "/api/programs/gd-old-areas/groups", { token: coordinator.token, body })).status).toBe(409);
    const unknown = await call(h, "POST", "/api/programs/gd-old-areas/groups", { token: coordinator.token, body: { ...body, areaCode: "999999" } });
    expect((await unknown.json()).error.details[0].code).toBe("unknown_area");
    const other = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    expect((await call(h, "POST", "/api/programs/gd-old-areas/groups", { token: other.token, body: { ...body, areaCode: "441626" } })).status).toBe(403);
    const patched = await call(h, "PATCH", "/api/programs/gd-old-areas/groups/441625", { token: coordinator.token, body: { basis: "pairing" }, headers: { "if-match": '"1"' } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ basis: "pairing", version: 2 });
    // An empty group is listed (to be joined), and is no group of any period until someone joins.
    const listed = (await (await call(h, "GET", "/api/programs/gd-old-areas/groups", { token: coordinator.token })).json()).items;
    expect(listed.some((g: { area: { code: string } }) => g.area.code === "441625")).toBe(true);
    const rollup = await (await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2026", { token: coordinator.token })).json();
    expect(rollup.areas.some((a: { group: { area: { code: string } } }) => a.group.area.code === "441625")).toBe(false);
  });
});

describe("a prefecture's counties, registered where the document names none", () => {
  it("the coordinator registers 怒江州's counties (If-Match); each is then judged under §10; a county elsewhere is refused", async () => {
    const eastWest = await makeUser(h, "coordinator", { programs: ["gd-east-west-2016"] });
    const base = "/api/programs/gd-east-west-2016/groups/533300";
    const group = (await (await call(h, "GET", "/api/programs/gd-east-west-2016/groups", { token: eastWest.token })).json()).items.find((g: { area: { code: string } }) => g.area.code === "533300");
    expect(group.counties).toEqual([]);
    const rule = async () => {
      const res = await (await call(h, "GET", "/api/t/zhuhai/compliance?year=2018", { token: admin.token })).json();
      return res.programs.find((p: { program: string }) => p.program === "gd-east-west-2016").results.find((r: { rule: string }) => r.rule === "fiscal-per-county");
    };
    expect((await rule()).status).toBe("not_applicable");
    const elsewhere = await call(h, "PUT", `${base}/counties`, { token: eastWest.token, body: { counties: ["533301", "440203"] }, headers: { "if-match": `"${group.version}"` } });
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).error.details).toEqual([expect.objectContaining({ path: "body.counties.1", code: "outside_prefecture" })]);
    expect((await call(h, "PUT", `${base}/counties`, { token: coordinator.token, body: { counties: ["533301"] }, headers: { "if-match": `"${group.version}"` } })).status).toBe(403);
    const saved = await call(h, "PUT", `${base}/counties`, { token: eastWest.token, body: { counties: ["533301", "533323"] }, headers: { "if-match": `"${group.version}"` } });
    expect(saved.status).toBe(200);
    expect((await saved.json()).counties.map((c: { name: string }) => c.name)).toEqual(["泸水市", "福贡县"]);
    await settled();
    // 2018 is over: two registered counties, neither funded, so the rule fails with each county named.
    const judged = await rule();
    expect([judged.status, judged.actual, judged.expected]).toEqual(["fail", 0, 2]);
    expect(judged.explanation.zh).toContain("福贡县");
    expect((await call(h, "PUT", `${base}/counties`, { token: eastWest.token, body: { counties: [] }, headers: { "if-match": `"${group.version}"` } })).status).toBe(412);
  });
});

describe("participants without a pairing", () => {
  it("the Gannan 牵头部门 take part, record their own work in the program, and are counted in its rollup", async () => {
    const listed = await (await call(h, "GET", "/api/programs/gannan-central/participants", { token: admin.token })).json();
    expect(listed.items.map((p: { slug: string; name: string; role: string }) => [p.slug, p.name, p.role])).toEqual([
      ["ndrc", "国家发展改革委", "coordinating"],
      ["cpc-org-dept", "中央组织部", "coordinating"],
    ]);
    const clerk = await makeUser(h, "unit_editor", { unit: "ndrc" });
    const activity = await call(h, "POST", "/api/t/ndrc/activities", { token: clerk.token, body: { kind: "joint_meeting", date: "2026-03-03", title: "对口支援工作推进会", program: "gannan-central", areaCode: "360702" } });
    expect(activity.status).toBe(201);
    await settled();
    const gannan = await makeUser(h, "coordinator", { programs: ["gannan-central"] });
    const rollup = await (await call(h, "GET", "/api/programs/gannan-central/rollup?year=2026&limit=500", { token: gannan.token })).json();
    expect(rollup.totals.units).toBe(63);
    const row = rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === "ndrc");
    expect(row.groups).toEqual([]);
    expect(row.summary.activities.joint_meeting.count).toBe(1);
  });

  it("a participation ends on a day under If-Match; a second, overlapping one is refused", async () => {
    const [ndrc] = (await (await call(h, "GET", "/api/programs/gannan-central/participants", { token: admin.token })).json()).items;
    const overlapping = await call(h, "POST", "/api/programs/gannan-central/participants", { token: admin.token, body: { unit: "ndrc", clause: "§二", effectiveFrom: "2026-01-01" } });
    expect(overlapping.status).toBe(422);
    const ended = await call(h, "PATCH", `/api/programs/gannan-central/participants/${ndrc.id}`, { token: admin.token, body: { effectiveTo: "2026-12-31" }, headers: { "if-match": `"${ndrc.version}"` } });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ effectiveTo: "2026-12-31", version: ndrc.version + 1 });
    const gannan = await makeUser(h, "coordinator", { programs: ["gannan-central"] });
    const next = await (await call(h, "GET", "/api/programs/gannan-central/rollup?year=2027", { token: gannan.token })).json();
    expect(next.totals.units).toBe(62);
  });
});

describe("a unit that joins mid-year", () => {
  it("is held pro rata from its start quarter, and the rule's text says so", async () => {
    const slug = uid("mid").toLowerCase();
    expect((await call(h, "POST", "/api/units", { token: admin.token, body: { slug, name: "年中加入单位", kind: "provincial_organ" } })).status).toBe(201);
    const joined = await call(h, "POST", "/api/programs/gd-old-areas/groups/441622/members", { token: coordinator.token, body: { unit: slug, effectiveFrom: "2026-07-01" } });
    expect(joined.status).toBe(201);
    const clerk = await makeUser(h, "unit_editor", { unit: slug });
    await settled();
    const rule = async (quarter: number) => {
      const res = await (await call(h, "GET", `/api/t/${slug}/compliance?year=2026&quarter=${quarter}`, { token: clerk.token })).json();
      return res.programs.find((p: { program: string }) => p.program === "gd-old-areas").results.find((r: { rule: string }) => r.rule === "main-leader-visits");
    };
    // Two main-leader visits a year; joined on 1 July: by the end of Q3 1 (2 × 1/4, rounded up), by year end 1 (2 × 2/4).
    const q3 = await rule(3);
    expect([q3.status, q3.expected, q3.target]).toEqual(["warn", 1, 2]);
    expect(q3.explanation.zh).toContain("本单位自 2026-07-01 起参加本项目，年度指标按第 3—4 季度（2/4）折算。");
    const visit = await call(h, "POST", `/api/t/${slug}/activities`, { token: clerk.token, body: { kind: "visit", leaderLevel: "main", direction: "to_recipient", date: "2026-08-08", title: "主要负责同志赴龙川县调研", program: "gd-old-areas", areaCode: "441622" } });
    expect(visit.status).toBe(201);
    await settled();
    expect((await rule(3)).status).toBe("pass");
    // A member since before the year is held to the whole year.
    const lead = await (await call(h, "GET", "/api/t/gd-hrss/compliance?year=2026&quarter=3", { token: admin.token })).json();
    const full = lead.programs.find((p: { program: string }) => p.program === "gd-old-areas").results.find((r: { rule: string }) => r.rule === "main-leader-visits");
    expect(full.expected).toBe(2);
    expect(full.explanation.zh).not.toContain("折算");
  });
});
