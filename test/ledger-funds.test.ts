/**
 * 资金 as a specification: money is exact integer fen; a project's disbursements never exceed its
 * allocations unless marked as an overrun with a reason — checked by the API with a message naming
 * the amounts, and again by the database for every path and every race; writes of one record are
 * serialised by its version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let editor: TestUser;
beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
});
afterAll(() => h.close());

const ifMatch = (v: number) => ({ "if-match": `"${v}"` });

function fundBody(overrides: Record<string, unknown> = {}) {
  return { kind: "social_donation", source: "society", amountFen: 100, date: "2026-03-15", areaCode: "440232", program: "dongguan-shaoguan", note: uid("fund"), ...overrides };
}

function postFund(overrides: Record<string, unknown> = {}) {
  return call(h, "POST", "/api/t/dongguan/funds", { token: editor.token, body: fundBody(overrides) });
}

async function createFund(overrides: Record<string, unknown> = {}) {
  const res = await postFund(overrides);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return res.json();
}

async function readFund(id: string) {
  return (await call(h, "GET", `/api/t/dongguan/funds/${id}`, { token: editor.token })).json();
}

async function auditActions(id: string): Promise<string[]> {
  const { items } = await (await call(h, "GET", `/api/t/dongguan/audit?entity=fund&entityId=${id}`, { token: editor.token })).json();
  return items.map((a: { action: string }) => a.action).reverse(); // oldest first
}

/** A new project in 乳源 (440232). */
async function createProject(): Promise<string> {
  const res = await call(h, "POST", "/api/t/dongguan/projects", {
    token: editor.token,
    body: { title: uid("fund-proj"), category: "industry", areaCode: "440232", program: "dongguan-shaoguan" },
  });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

const allocate = (projectId: string, amountFen: number) => createFund({ kind: "allocation", source: "city", projectId, amountFen });
const disburse = (projectId: string, amountFen: number, extra: Record<string, unknown> = {}) => postFund({ kind: "disbursement", source: "city", projectId, amountFen, ...extra });

async function tenantClient() {
  const unit = await h.services.tenants.find("dongguan");
  return (await h.services.tenants.lease(unit!)).client;
}

describe("amounts", () => {
  it("keeps amounts exact in fen: 12,345,678,901 fen (123,456,789.01 元) round-trips", async () => {
    const fund = await createFund({ amountFen: 12_345_678_901 });
    expect(fund.amountFen).toBe(12_345_678_901);
    expect((await readFund(fund.id)).amountFen).toBe(12_345_678_901);
    const listed = await (await call(h, "GET", `/api/t/dongguan/funds?q=${encodeURIComponent(fund.note)}`, { token: editor.token })).json();
    expect(listed.items.map((f: { amountFen: number }) => f.amountFen)).toEqual([12_345_678_901]);
  });

  it.each([
    ["zero", 0],
    ["a fraction of a fen", 12.5],
    ["a negative amount", -100],
  ])("refuses %s with 400 at body.amountFen", async (_name, amountFen) => {
    const res = await postFund({ amountFen });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toEqual(["body.amountFen"]);
  });
});

describe("disbursements within allocations", () => {
  /** A project of the test's own with 600.00 + 400.00 = 1,000.00 元 = 100,000 fen allocated. */
  async function allocatedProject(): Promise<{ projectId: string; smallAllocation: { id: string } }> {
    const projectId = await createProject();
    await allocate(projectId, 60_000);
    const smallAllocation = await allocate(projectId, 40_000);
    return { projectId, smallAllocation };
  }

  /** The same, with the whole 1,000.00 元 disbursed (not as an overrun). */
  async function fullyDisbursedProject(): Promise<{ projectId: string; smallAllocation: { id: string } }> {
    const project = await allocatedProject();
    expect((await disburse(project.projectId, 100_000)).status).toBe(201);
    return project;
  }

  it("accepts up to the allocation to the fen, and refuses one fen more naming the amounts", async () => {
    const { projectId } = await allocatedProject();
    expect((await disburse(projectId, 70_000)).status).toBe(201); // 700.00 of 1,000.00; 300.00 left

    // 700.00 + 300.01 = 1,000.01 > 1,000.00 元
    const over = await disburse(projectId, 30_001);
    expect(over.status).toBe(400);
    const { error } = await over.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toHaveLength(1);
    expect(error.details[0].path).toBe("body.amountFen");
    // "拨付 300.01 元超过该项目尚可拨付的 300.00 元（已安排 1000.00 元，已拨付 700.00 元）…"
    for (const figure of ["300.01", "300.00", "1000.00", "700.00"]) expect(error.details[0].message).toContain(figure);

    expect((await disburse(projectId, 30_000)).status).toBe(201); // 700.00 + 300.00 = 1,000.00: exactly at the limit
  });

  it("accepts a disbursement beyond the allocation when marked as an overrun with a reason", async () => {
    // 1,000.00 already disbursed of 1,000.00: any further disbursement is an overrun.
    const { projectId } = await fullyDisbursedProject();
    expect((await disburse(projectId, 5_000)).status).toBe(400); // beyond the allocation, unmarked
    const res = await disburse(projectId, 5_000, { overrun: true, overrunReason: "暴雨导致工程量增加，经市对口办批准" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ overrun: true, amountFen: 5_000 });
  });

  it("refuses an overrun without a reason, and an overrun on anything but a disbursement", async () => {
    const { projectId } = await fullyDisbursedProject();
    const noReason = await disburse(projectId, 5_000, { overrun: true });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.details.map((d: { path: string }) => d.path)).toEqual(["body.overrunReason"]);

    const onAllocation = await postFund({ kind: "allocation", source: "city", projectId, amountFen: 5_000, overrun: true, overrunReason: "不适用" });
    expect(onAllocation.status).toBe(400);
    expect((await onAllocation.json()).error.details.map((d: { path: string }) => d.path)).toEqual(["body.overrun"]);
  });

  it("refuses voiding an allocation the disbursements depend on, naming the amounts, changing nothing", async () => {
    // Without the 400.00 allocation: 600.00 allocated < 1,000.00 disbursed (non-overrun).
    const { smallAllocation } = await fullyDisbursedProject();
    const res = await call(h, "POST", `/api/t/dongguan/funds/${smallAllocation.id}/void`, { token: editor.token, body: { reason: "录错" }, headers: ifMatch(1) });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([expect.objectContaining({ path: "body.voidReason" })]);
    expect(error.details[0].message).toContain("1000.00");
    expect(error.details[0].message).toContain("600.00");
    expect(await readFund(smallAllocation.id)).toMatchObject({ version: 1, voidedAt: null, voidReason: null });
    expect(await auditActions(smallAllocation.id)).toEqual(["create"]);
  });
});

describe("changing and voiding disbursements", () => {
  it("refuses a PATCH raising a disbursement beyond the allocation, counting the old amount only once", async () => {
    const projectId = await createProject();
    await allocate(projectId, 100_000); // 1,000.00 元
    const fund = await (await disburse(projectId, 70_000)).json();

    // 1,000.01 replaces 700.00: 1,000.01 > 1,000.00 元
    const over = await call(h, "PATCH", `/api/t/dongguan/funds/${fund.id}`, { token: editor.token, body: { amountFen: 100_001 }, headers: ifMatch(1) });
    expect(over.status).toBe(400);
    expect((await over.json()).error.details[0].path).toBe("body.amountFen");
    expect(await readFund(fund.id)).toMatchObject({ version: 1, amountFen: 70_000 });

    // 1,000.00 replaces 700.00: exactly the allocation (the 700.00 is not counted twice)
    const atLimit = await call(h, "PATCH", `/api/t/dongguan/funds/${fund.id}`, { token: editor.token, body: { amountFen: 100_000 }, headers: ifMatch(1) });
    expect(atLimit.status).toBe(200);
  });

  it("refuses lowering an allocation below what is disbursed", async () => {
    const projectId = await createProject();
    const allocation = await allocate(projectId, 100_000);
    expect((await disburse(projectId, 80_000)).status).toBe(201);
    // 799.99 allocated < 800.00 disbursed
    const res = await call(h, "PATCH", `/api/t/dongguan/funds/${allocation.id}`, { token: editor.token, body: { amountFen: 79_999 }, headers: ifMatch(1) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0]).toMatchObject({ path: "body.amountFen" });
    expect(await readFund(allocation.id)).toMatchObject({ version: 1, amountFen: 100_000 });
  });

  it("frees the room of a voided disbursement", async () => {
    const projectId = await createProject();
    await allocate(projectId, 10_000); // 100.00 元
    const first = await (await disburse(projectId, 10_000)).json();
    expect((await disburse(projectId, 1)).status).toBe(400); // 100.00 + 0.01 > 100.00
    const voided = await call(h, "POST", `/api/t/dongguan/funds/${first.id}/void`, { token: editor.token, body: { reason: "重复录入" }, headers: ifMatch(1) });
    expect(voided.status).toBe(200);
    expect((await disburse(projectId, 10_000)).status).toBe(201); // 0 + 100.00 ≤ 100.00
  });

  // Regression (fixed): a void re-validates the whole record (src/ledger/write.ts voidRecord → updateRecord →
  // validateRecords), including that its projectId refers to a project that is not voided. Once the
  // project is voided, its funds can be neither voided nor edited: 400 "所引用的项目不存在或已作废".
  it("lets a fund of a voided project be voided", async () => {
    const projectId = await createProject();
    const fund = await allocate(projectId, 10_000);
    expect((await call(h, "POST", `/api/t/dongguan/projects/${projectId}/void`, { token: editor.token, body: { reason: "项目取消" }, headers: ifMatch(1) })).status).toBe(200);
    const res = await call(h, "POST", `/api/t/dongguan/funds/${fund.id}/void`, { token: editor.token, body: { reason: "随项目作废" }, headers: ifMatch(1) });
    expect(res.status).toBe(200);
  });

  // Regression (fixed): `overrun` and `grassroots` are NOT NULL columns but accept an explicit null
  // (createSchema's "null clears"); the insert fails in SQLite and the clerk gets 500.
  it("treats overrun: null as not an overrun (or refuses it with 400), never 500", async () => {
    const res = await postFund({ overrun: null });
    expect([201, 400]).toContain(res.status);
  });
});

describe("the database backstop", () => {
  it("refuses an over-limit disbursement inserted directly with SQL (FUND_OVERRUN)", async () => {
    const projectId = await createProject();
    await allocate(projectId, 1_000); // 10.00 元
    const client = await tenantClient();
    const insert = (id: string, amount: number) =>
      client.execute({
        sql: "INSERT INTO funds (id, kind, source, amount_fen, date, area_code, project_id) VALUES (?, 'disbursement', 'city', ?, '2026-03-15', '440232', ?)",
        args: [id, amount, projectId],
      });
    await expect(insert(uid("sql-over"), 1_001)).rejects.toThrow(/FUND_OVERRUN/); // 10.01 > 10.00
    await insert(uid("sql-ok"), 1_000); // 10.00 ≤ 10.00
    const { rows } = await client.execute({ sql: "SELECT SUM(amount_fen) AS n FROM funds WHERE project_id = ? AND kind = 'disbursement'", args: [projectId] });
    expect(Number(rows[0]?.n)).toBe(1_000);
  });

  it("keeps parallel disbursements within the allocation: of 20 × 1.00 against 10.00, exactly 10 succeed", async () => {
    const projectId = await createProject();
    await allocate(projectId, 1_000); // 10.00 元 = 10 × 1.00
    const results = await Promise.all(Array.from({ length: 20 }, () => disburse(projectId, 100)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    // Refused by the API's check (400) or, when the check raced, by the trigger (422).
    expect(statuses.filter((s) => s !== 201).every((s) => s === 400 || s === 422)).toBe(true);
    const listed = await (await call(h, "GET", `/api/t/dongguan/funds?projectId=${projectId}&kind=disbursement`, { token: editor.token })).json();
    expect(listed.total).toBe(10);
  });
});

describe("concurrency", () => {
  it("lets exactly one of 10 parallel PATCHes with the same If-Match win; the rest get 412", async () => {
    const fund = await createFund();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call(h, "PATCH", `/api/t/dongguan/funds/${fund.id}`, { token: editor.token, body: { note: `writer ${i}` }, headers: ifMatch(1) })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(412)]);
    const winner = await results.find((r) => r.status === 200)!.json();
    expect(await readFund(fund.id)).toMatchObject({ version: 2, note: winner.note });
    expect(await auditActions(fund.id)).toEqual(["create", "update"]);
  });

  it("creates 20 funds in parallel, each with its own id", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => postFund()));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = await Promise.all(results.map(async (r) => (await r.json()).id));
    expect(new Set(ids).size).toBe(20);
  });
});
