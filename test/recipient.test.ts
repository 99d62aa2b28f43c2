/**
 * Both sides of a pairing through the API: 东莞市's clerk records a disbursement for 南雄市; 南雄市's
 * recipient user sees it (and nothing of 乐昌市's), disputes the amount with a reason; the clerk finds the
 * dispute in the inbox, corrects the amount — the thread says so — and the recipient confirms the new
 * version; a reply and a coordinator's return reach the other side's inbox. A recipient reads no ledger,
 * no rollup, and no cadre's personal fields.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../src/jobs/schedule";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let clerk: TestUser;
let nanxiong: TestUser;
let lechang: TestUser;
let coordinator: TestUser;
/** 东莞市's 2024 disbursement to 南雄市, made before the tests and changed by none. */
let fund2024: string;

// Inside the Dongguan–Shaoguan plan's term (2022–2024), so the rollup and the program report judge it. Each test that
// changes a record's standing works on records of its own, in a year (or quarter) no other test asserts on as a whole:
// 2024 holds the records made before the tests, which no test changes; the dispute and the reply are dated 2023 Q3,
// the correction 2022, the rollup's and report's records 2023 Q1.
const YEAR = 2024;
const claims = async (who: TestUser, query = `entity=fund&year=${YEAR}`) => {
  const res = await call(h, "GET", `/api/recipient/claims?${query}`, { token: who.token });
  expect(res.status).toBe(200);
  return res.json();
};
const inbox = async (who: TestUser) => (await call(h, "GET", "/api/me/inbox", { token: who.token })).json();
const verdict = (body: unknown, version: number, who = nanxiong, id = fund2024) => call(h, "POST", `/api/recipient/claims/dongguan/fund/${id}/verdict`, { token: who.token, body, headers: { "if-match": `"${version}"` } });

/** 东莞市's clerk records a disbursement for an area (南雄市 unless said): its id. */
async function disburse(amountFen: number, date: string, areaCode = "440282") {
  const res = await call(h, "POST", "/api/t/dongguan/funds", { token: clerk.token, body: { kind: "disbursement", source: "city", amountFen, date, areaCode, program: "dongguan-shaoguan" } });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}
/** 南雄市 disputes a 1,000,000-yuan disbursement: 800,000 yuan arrived on `date`. */
async function dispute(id: string, date: string) {
  expect((await verdict({ verdict: "disputed", reason: "实际到账80万元，差额20万元未到", amountFen: 800_000_00, date }, 1, nanxiong, id)).status).toBe(200);
}
/** The clerk corrects the disputed amount to 800,000 yuan (version 2). */
async function correct(id: string) {
  expect((await call(h, "PATCH", `/api/t/dongguan/funds/${id}`, { token: clerk.token, body: { amountFen: 800_000_00 }, headers: { "if-match": '"1"' } })).status).toBe(200);
}
/** A 1,000,000-yuan disbursement to 南雄市 disputed, corrected to 800,000 yuan and confirmed: its id. */
async function confirmedAfterCorrection(date: string) {
  const id = await disburse(1_000_000_00, date);
  await dispute(id, date);
  await correct(id);
  expect((await verdict({ verdict: "confirmed" }, 2, nanxiong, id)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  h = await startHarness();
  clerk = await makeUser(h, "unit_editor", { unit: "dongguan" });
  coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
  const admin = await makeUser(h, "admin");
  const recipient = async (areaCode: string) => {
    const username = `recipient-${areaCode}-${Date.now().toString(36)}`;
    const password = "nanxiong-county-2026-ok";
    const res = await call(h, "POST", "/api/users", { token: admin.token, body: { username, displayName: `${areaCode}受援地联络员`, password, role: "recipient", areaCode } });
    expect(res.status).toBe(201);
    const login = await (await call(h, "POST", "/api/auth/login", { body: { username, password } })).json();
    return { token: login.token, username } as TestUser;
  };
  nanxiong = await recipient("440282");
  lechang = await recipient("440281");
  const fund = await call(h, "POST", "/api/t/dongguan/funds", { token: clerk.token, body: { kind: "disbursement", source: "city", amountFen: 1_000_000_00, date: `${YEAR}-03-15`, areaCode: "440282", program: "dongguan-shaoguan" } });
  expect(fund.status).toBe(201);
  fund2024 = (await fund.json()).id;
  const other = await call(h, "POST", "/api/t/dongguan/funds", { token: clerk.token, body: { kind: "disbursement", source: "city", amountFen: 7_777_00, date: `${YEAR}-03-16`, areaCode: "440281", program: "dongguan-shaoguan" } });
  expect(other.status).toBe(201);
  const cadre = await call(h, "POST", "/api/t/dongguan/cadres", { token: clerk.token, body: { name: "李挂职", gender: "female", birthDate: "1985-02-03", phone: "13800138000", post: "南雄市副市长", level: "county_deputy", hostAreaCode: "440282", program: "dongguan-shaoguan", startDate: `${YEAR}-01-05`, plannedEndDate: `${YEAR + 1}-01-04` } });
  expect(cadre.status).toBe(201);
}, 60_000);
afterAll(() => h?.close());

describe("the recipient side", () => {
  it("sees what its helpers record for it — and nothing of another county's", async () => {
    const mine = await claims(nanxiong);
    expect(mine.area).toEqual({ code: "440282", fullName: expect.stringContaining("南雄市") });
    expect(mine.helpers.map((x: { slug: string }) => x.slug)).toContain("dongguan");
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([fund2024]);
    expect(mine.items[0]).toMatchObject({ unit: { slug: "dongguan", name: "东莞市" }, standing: "unconfirmed", version: 1, fields: { kind: "disbursement", amountFen: 1_000_000_00 } });
    expect(mine.money).toEqual({ claimedFen: 1_000_000_00, confirmedFen: 0, disputedFen: 0, confirmedPercent: 0 });
    const theirs = await claims(lechang);
    expect(theirs.items.map((i: { fields: { amountFen: number } }) => i.fields.amountFen)).toEqual([7_777_00]);
    // Another county's record is not there to confirm.
    expect((await verdict({ verdict: "confirmed" }, 1, lechang)).status).toBe(404);
  });

  it("sees cadres posted to it by name and post, never their personal fields", async () => {
    const cadres = await claims(nanxiong, `entity=cadre&year=${YEAR}`);
    expect(cadres.items).toHaveLength(1);
    expect(cadres.items[0].fields).toMatchObject({ name: "李挂职", post: "南雄市副市长", status: "in_post" });
    const text = JSON.stringify(cadres);
    for (const secret of ["13800138000", "1985-02-03", "female"]) expect(text).not.toContain(secret);
  });

  it("reads no ledger and no rollup", async () => {
    expect((await call(h, "GET", "/api/t/dongguan/funds", { token: nanxiong.token })).status).toBe(403);
    expect((await call(h, "GET", "/api/programs/dongguan-shaoguan/rollup", { token: nanxiong.token })).status).toBe(403);
    expect((await call(h, "GET", "/api/recipient/claims", { token: clerk.token })).status).toBe(403);
  });

  it("disputes the amount with a reason; the clerk sees it in the inbox and on the record's thread", async () => {
    const fundId = await disburse(1_000_000_00, "2023-09-15");
    const noReason = await verdict({ verdict: "disputed", amountFen: 800_000_00 }, 1, nanxiong, fundId);
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).error.details[0]).toMatchObject({ path: "body.reason", code: "reason_required" });
    expect((await verdict({ verdict: "confirmed" }, 7, nanxiong, fundId)).status).toBe(412);
    const disputed = await verdict({ verdict: "disputed", reason: "实际到账80万元，差额20万元未到", amountFen: 800_000_00, date: "2023-09-20" }, 1, nanxiong, fundId);
    expect(disputed.status).toBe(200);
    expect(await disputed.json()).toMatchObject({ standing: "disputed", verdict: { verdict: "disputed", amountFen: 800_000_00, recordVersion: 1 } });

    const box = await inbox(clerk);
    expect(box.unread).toBeGreaterThanOrEqual(1);
    expect(box.items[0]).toMatchObject({ kind: "disputed", read: false, link: `#/u/dongguan/ledger/funds?thread=${fundId}` });
    expect(box.items[0].text.zh).toContain("实际到账80万元");
    const thread = await (await call(h, "GET", `/api/t/dongguan/funds/${fundId}/thread`, { token: clerk.token })).json();
    expect(thread).toMatchObject({ standing: "disputed", entries: [{ kind: "disputed", side: "recipient", amountFen: 800_000_00 }] });
    expect((await call(h, "POST", "/api/me/inbox/read", { token: clerk.token, body: { ids: [box.items[0].id] } })).status).toBe(200);
    expect((await inbox(clerk)).unread).toBe(box.unread - 1);
    // Another's inbox is not this one's to mark.
    expect((await (await call(h, "POST", "/api/me/inbox/read", { token: lechang.token, body: { ids: [box.items[0].id] } })).json()).marked).toBe(0);
  });

  it("the clerk corrects the amount: the thread says so, the record waits for the recipient, who confirms the new version", async () => {
    // 2022: the only record for 南雄市 that year, disputed by the recipient.
    const fundId = await disburse(1_000_000_00, "2022-03-15");
    await dispute(fundId, "2022-03-20");
    const year2022 = () => claims(nanxiong, "entity=fund&year=2022");
    const fixed = await call(h, "PATCH", `/api/t/dongguan/funds/${fundId}`, { token: clerk.token, body: { amountFen: 800_000_00 }, headers: { "if-match": '"1"' } });
    expect(fixed.status).toBe(200);
    const thread = await (await call(h, "GET", `/api/t/dongguan/funds/${fundId}/thread`, { token: clerk.token })).json();
    expect(thread.standing).toBe("amended");
    expect(thread.entries.map((e: { kind: string }) => e.kind)).toEqual(["disputed", "amended"]);
    const amended = await year2022();
    expect(amended.items.map((i: { id: string }) => i.id)).toEqual([fundId]);
    expect(amended.items[0]).toMatchObject({ standing: "amended", version: 2 });
    expect((await inbox(nanxiong)).items[0]).toMatchObject({ kind: "amended", link: `#/recipient?entity=fund&thread=dongguan/${fundId}` });
    expect((await verdict({ verdict: "confirmed" }, 1, nanxiong, fundId)).status).toBe(412);
    const confirmed = await verdict({ verdict: "confirmed" }, 2, nanxiong, fundId);
    expect(confirmed.status).toBe(200);
    const after = await year2022();
    expect(after.items[0]).toMatchObject({ id: fundId, standing: "confirmed", messages: 3 });
    expect(after.money).toEqual({ claimedFen: 800_000_00, confirmedFen: 800_000_00, disputedFen: 0, confirmedPercent: 100 });
  });

  it("a reply reaches the recipient's inbox; a coordinator's return reaches the unit's", async () => {
    const fundId = await confirmedAfterCorrection("2023-09-20");
    const reply = await call(h, "POST", `/api/t/dongguan/funds/${fundId}/thread`, { token: clerk.token, body: { text: "差额已于3月25日补拨" } });
    expect(reply.status).toBe(201);
    const box = await inbox(nanxiong);
    expect(box.items[0]).toMatchObject({ kind: "reply", link: `#/recipient?entity=fund&thread=dongguan/${fundId}` });
    expect((await inbox(lechang)).items.some((i: { kind: string }) => i.kind === "reply")).toBe(false);
    const returned = await call(h, "POST", `/api/t/dongguan/funds/${fundId}/thread`, { token: coordinator.token, body: { text: "请补充拨付凭证" } });
    expect(returned.status).toBe(201);
    expect((await returned.json()).entries.at(-1)).toMatchObject({ kind: "returned", side: "coordinator" });
    expect((await inbox(clerk)).items[0]).toMatchObject({ kind: "returned" });
    const thread = await (await call(h, "GET", `/api/recipient/claims/dongguan/fund/${fundId}/thread`, { token: nanxiong.token })).json();
    expect(thread.entries.map((e: { kind: string }) => e.kind)).toEqual(["disputed", "amended", "confirmed", "reply", "returned"]);
  });

  it("claimed and confirmed reach the rollup (资金到位率) and the program's quarterly report", async () => {
    // 2023 Q1, which only this test records in: 1,000,000 yuan to 南雄市 disputed, corrected to 800,000 and confirmed;
    // 7,777 yuan to 乐昌市, unconfirmed; a cadre posted to 南雄市 that year.
    const YEAR = 2023;
    await confirmedAfterCorrection(`${YEAR}-03-15`);
    await disburse(7_777_00, `${YEAR}-03-16`, "440281");
    const posted = await call(h, "POST", "/api/t/dongguan/cadres", { token: clerk.token, body: { name: "王挂职", gender: "male", birthDate: "1983-04-05", phone: "13900139000", post: "南雄市副市长", level: "county_deputy", hostAreaCode: "440282", program: "dongguan-shaoguan", startDate: `${YEAR}-01-05`, plannedEndDate: `${YEAR}-12-31` } });
    expect(posted.status).toBe(201);
    const cadreId = (await posted.json()).id;
    await h.services.snapshots.settled();
    await h.services.queue.settled();
    const rollup = await (await call(h, "GET", `/api/programs/dongguan-shaoguan/rollup?year=${YEAR}&quarter=1`, { token: coordinator.token })).json();
    // 800,000 yuan confirmed of 807,777 claimed: 99% (whole percent, rounded down, as everywhere).
    expect(rollup.totals.funds).toMatchObject({ disbursedFen: 807_777_00, confirmedFen: 800_000_00, disputedFen: 0 });
    expect(rollup.totals.confirmedSharePercent).toBe(99);
    const nanxiongArea = rollup.areas.find((a: { group: { area: { code: string } } }) => a.group.area.code === "440282");
    expect(nanxiongArea.sums).toMatchObject({ disbursedFen: 800_000_00, confirmedFen: 800_000_00 });
    // The cadre in post, confirmed by 南雄市, is counted as confirmed; the unconfirmed project is not.
    const cadres = await claims(nanxiong, `entity=cadre&year=${YEAR}`);
    const cadre = cadres.items.find((c: { id: string }) => c.id === cadreId);
    expect((await call(h, "POST", `/api/recipient/claims/dongguan/cadre/${cadre.id}/verdict`, { token: nanxiong.token, body: { verdict: "confirmed" }, headers: { "if-match": `"${cadre.version}"` } })).status).toBe(200);
    await h.services.snapshots.settled();
    await h.services.queue.settled();
    const after = await (await call(h, "GET", `/api/programs/dongguan-shaoguan/rollup?year=${YEAR}&quarter=1`, { token: coordinator.token })).json();
    expect(after.totals.cadres).toMatchObject({ inPost: 1, confirmedInPost: 1 });
    expect(after.totals.projects.confirmed).toBe(0);
    await runJob(h.services, "quarterly", null, `${YEAR}-04-05`);
    const reports = await (await call(h, "GET", "/api/programs/dongguan-shaoguan/reports?kind=program_quarterly", { token: coordinator.token })).json();
    const report = reports.items.find((r: { period: string }) => r.period === `${YEAR}-Q1`);
    const html = await (await call(h, "GET", `/api/reports/${report.id}?format=html`, { token: coordinator.token })).text();
    expect(html).toContain("受援地确认到位 80.00 万元，到位率 99%");
    // The issued reports were announced: the program's to its coordinators, the unit's to its staff.
    expect((await inbox(coordinator)).items.some((i: { kind: string; text: { zh: string } }) => i.kind === "issued" && i.text.zh.startsWith(`${YEAR}-Q1 季度汇总报告已生成`))).toBe(true);
    expect((await inbox(clerk)).items.some((i: { kind: string; link: string }) => i.kind === "issued" && i.link === "#/u/dongguan/reports")).toBe(true);
  });

  it("催报: the coordinator reminds every unit that has not submitted the quarter, in its inbox", async () => {
    // Who has not submitted is read from the stored judgements, judged from current facts: the refreshes that the
    // writes before the tests queued are done first.
    await h.services.snapshots.settled();
    await h.services.queue.settled();
    const res = await call(h, "POST", "/api/programs/dongguan-shaoguan/remind", { token: coordinator.token, body: { year: YEAR, quarter: 2 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reminded: 1, units: ["dongguan"] });
    const box = await inbox(clerk);
    expect(box.items[0]).toMatchObject({ kind: "remind", link: `#/u/dongguan/submissions?year=${YEAR}&quarter=2&program=dongguan-shaoguan` });
    expect(box.items[0].text.zh).toMatch(/^请于 2024-07-\d\d 前报送 2024 年第 2 季度工作进展/);
    expect((await call(h, "POST", "/api/programs/gd-old-areas/remind", { token: coordinator.token, body: { year: YEAR, quarter: 2 } })).status).toBe(403);
  });
});
