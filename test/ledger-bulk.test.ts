/**
 * Bulk actions as a specification: POST /api/t/{unit}/{resource}/bulk/void and …/bulk/program change every
 * chosen record or none — one batch, each record checked against the version its writer read, each with
 * its audit row; a stale or voided record fails the whole request with 409 naming it, a rule a single void
 * refuses (an allocation its disbursements draw on) fails it with the row named; the unit's figures follow.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundsResource } from "../src/ledger/resources/funds";
import type { WriteContext } from "../src/ledger/resource";
import { voidRecords } from "../src/ledger/write";
import { systemActor } from "../src/tenants/audit";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
const who = {} as Record<"editor" | "viewer" | "coordinator" | "other", TestUser>;
const YEAR = 2026;

beforeAll(async () => {
  h = await startHarness();
  who.editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  who.viewer = await makeUser(h, "viewer", { unit: "dongguan" });
  who.coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
  who.other = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
});
afterAll(() => h.close());

type Ref = { id: string; version: number };

async function create(path: string, body: Record<string, unknown>, unit = "dongguan", token = who.editor.token): Promise<Ref & Record<string, unknown>> {
  const res = await call(h, "POST", `/api/t/${unit}/${path}`, { token, body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return res.json();
}

const fund = (extra: Record<string, unknown> = {}) =>
  create("funds", { kind: "social_donation", source: "society", amountFen: 10_000, date: `${YEAR}-05-10`, areaCode: "440232", program: "dongguan-shaoguan", note: uid("bulk-fund"), ...extra });
const activity = (extra: Record<string, unknown> = {}) => create("activities", { kind: "training", date: `${YEAR}-06-01`, title: uid("bulk-activity"), people: 10, ...extra });
const refs = (rows: Ref[]) => rows.map(({ id, version }) => ({ id, version }));

async function read(path: string, id: string) {
  return (await call(h, "GET", `/api/t/dongguan/${path}/${id}`, { token: who.editor.token })).json();
}

async function audit(entity: string, id: string): Promise<string[]> {
  const { items } = await (await call(h, "GET", `/api/t/dongguan/audit?entity=${entity}&entityId=${id}`, { token: who.editor.token })).json();
  return items.map((a: { action: string }) => a.action).reverse();
}

async function fundsIn(): Promise<number> {
  const res = await call(h, "GET", `/api/t/dongguan/summary?year=${YEAR}`, { token: who.editor.token });
  expect(res.status).toBe(200);
  return (await res.json()).summary.funds.inFen;
}

const bulk = (path: string, action: "void" | "program", body: unknown, token = who.editor.token, unit = "dongguan") => call(h, "POST", `/api/t/${unit}/${path}/bulk/${action}`, { token, body });

describe("POST …/bulk/void", () => {
  it("voids three funds with one reason, one audit row each, and the summary follows", async () => {
    const rows = [await fund({ amountFen: 10_000 }), await fund({ amountFen: 20_000 }), await fund({ amountFen: 30_000 })];
    const before = await fundsIn();
    const res = await bulk("funds", "void", { items: refs(rows), reason: "重复录入" });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    expect((await res.json()).items).toEqual(rows.map((r) => ({ id: r.id, version: 2 })));
    for (const row of rows) {
      expect(await read("funds", row.id)).toMatchObject({ version: 2, voidReason: "重复录入", voidedBy: who.editor.username });
      expect(await audit("fund", row.id)).toEqual(["create", "void"]);
    }
    // 100.00 + 200.00 + 300.00 yuan no longer come in: 60,000 fen less.
    expect(await fundsIn()).toBe(before - 60_000);
  });

  it("fails all with 409 naming the stale row when one was read at an old version, writing nothing", async () => {
    const rows = [await fund(), await fund(), await fund()];
    const edited = await call(h, "PATCH", `/api/t/dongguan/funds/${rows[1]!.id}`, { token: who.editor.token, body: { note: "改过了" }, headers: { "if-match": '"1"' } });
    expect(edited.status).toBe(200);
    const before = await fundsIn();
    const res = await bulk("funds", "void", { items: refs(rows), reason: "重复录入" });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.details).toEqual([expect.objectContaining({ path: "body.items.1", code: "stale" })]);
    expect(error.details[0].message).toContain(rows[1]!.id);
    for (const row of rows) expect((await read("funds", row.id)).voidedAt).toBeNull();
    expect(await audit("fund", rows[0]!.id)).toEqual(["create"]);
    expect(await audit("fund", rows[1]!.id)).toEqual(["create", "update"]);
    expect(await fundsIn()).toBe(before);
  });

  it("names an already voided row (409) and an unknown or another unit's row (404)", async () => {
    const [a, b] = [await fund(), await fund()];
    expect((await bulk("funds", "void", { items: refs([a]), reason: "录错" })).status).toBe(200);
    const voided = await bulk("funds", "void", { items: [{ id: a.id, version: 2 }, ...refs([b])], reason: "录错" });
    expect(voided.status).toBe(409);
    expect((await voided.json()).error.details).toEqual([expect.objectContaining({ path: "body.items.0", code: "voided" })]);

    const theirs = await create("funds", { kind: "social_donation", source: "society", amountFen: 500, date: `${YEAR}-05-10`, areaCode: "440282", note: uid("theirs") }, "gd-org-dept", who.other.token);
    const missing = await bulk("funds", "void", { items: [...refs([b]), { id: theirs.id, version: 1 }], reason: "录错" });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.details).toEqual([expect.objectContaining({ path: "body.items.1", code: "not_found" })]);
    expect((await read("funds", b.id)).voidedAt).toBeNull();
  });

  it("refuses an allocation its project's disbursements draw on, naming the row, but voids it with them in either order", async () => {
    const project = await create("projects", { title: uid("bulk-project"), category: "industry", areaCode: "440232", program: "dongguan-shaoguan" });
    const allocation = await fund({ kind: "allocation", source: "city", projectId: project.id, amountFen: 50_000 });
    const spent = await fund({ kind: "disbursement", source: "city", projectId: project.id, amountFen: 40_000 });
    const other = await fund();
    const alone = await bulk("funds", "void", { items: refs([other, allocation]), reason: "录错" });
    expect(alone.status).toBe(400);
    const { error } = await alone.json();
    expect(error.details).toEqual([expect.objectContaining({ path: "body.items.1.voidReason" })]);
    expect(error.details[0].message).toContain(allocation.id);
    expect(error.details[0].message).toContain("400.00");
    expect((await read("funds", other.id)).voidedAt).toBeNull();

    // The allocation first in the request: the disbursement is still voided before it.
    const together = await bulk("funds", "void", { items: refs([allocation, spent]), reason: "项目取消" });
    expect(together.status, JSON.stringify(await together.clone().json())).toBe(200);
    expect((await read("funds", allocation.id)).voidedAt).not.toBeNull();
    expect((await read("funds", spent.id)).voidedAt).not.toBeNull();
  });

  it("of two bulk voids of the same rows at once, exactly one lands, with one audit row per row", async () => {
    const rows = [await fund(), await fund()];
    const [first, second] = await Promise.all([bulk("funds", "void", { items: refs(rows), reason: "重复甲" }), bulk("funds", "void", { items: refs(rows), reason: "重复乙" })]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    for (const row of rows) expect(await audit("fund", row.id)).toEqual(["create", "void"]);
  });

  it("writes nothing when another writer changes a row between the read and the batch", async () => {
    const rows = [await fund(), await fund(), await fund()];
    const handle = await h.services.tenants.lease((await h.services.tenants.find("dongguan"))!);
    try {
      // Another writer, stepping in while the rules run (after every version was read and matched).
      const racing = {
        ...fundsResource,
        check: async () => {
          await handle.client.execute({ sql: "UPDATE funds SET version = version + 1, note = 'meanwhile' WHERE id = ?", args: [rows[2]!.id] });
          return [];
        },
      };
      const ctx: WriteContext = {
        tenant: { ...handle, access: { write: true, personal: true, programs: ["dongguan-shaoguan"], scoped: false } },
        platform: h.services.platform,
        actor: systemActor("bulk-race-test"),
        unitPrograms: ["dongguan-shaoguan"],
        queue: h.services.queue,
      };
      const refused = await voidRecords(racing, ctx, refs(rows), "重复录入").then(
        () => null,
        (e: { code?: string; details?: unknown[] }) => e,
      );
      expect(refused).toMatchObject({ code: "CONFLICT", details: [expect.objectContaining({ path: "body.items.2", code: "stale" })] });
    } finally {
      handle.release();
    }
    for (const row of rows) {
      expect((await read("funds", row.id)).voidedAt).toBeNull();
      expect(await audit("fund", row.id)).toEqual(["create"]);
    }
  });

  it("checks its input: a reason, 1 to 200 rows, no row twice; only the unit's writers", async () => {
    const row = await fund();
    const cases = [
      { items: refs([row]) },
      { items: refs([row]), reason: "x" },
      { items: [], reason: "录错" },
      { items: [...refs([row]), ...refs([row])], reason: "录错" },
      { items: Array.from({ length: 201 }, (_, i) => ({ id: `r${i}`, version: 1 })), reason: "录错" },
    ];
    for (const body of cases) expect((await bulk("funds", "void", body)).status, JSON.stringify(body).slice(0, 60)).toBe(400);
    for (const token of [who.viewer.token, who.coordinator.token, who.other.token]) expect((await bulk("funds", "void", { items: refs([row]), reason: "录错" }, token)).status).toBe(403);
    expect(await audit("fund", row.id)).toEqual(["create"]);
  });
});

describe("POST …/bulk/program", () => {
  it("puts activities under one of the unit's programs, each an audited update", async () => {
    const rows = [await activity(), await activity({ program: "gd-east-west-2016" })];
    const res = await bulk("activities", "program", { items: refs(rows), program: "dongguan-shaoguan" });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    for (const row of rows) {
      expect(await read("activities", row.id)).toMatchObject({ program: "dongguan-shaoguan", version: 2 });
      expect(await audit("activity", row.id)).toEqual(["create", "update"]);
    }
    // Now the program's coordinator sees them.
    const seen = await call(h, "GET", `/api/t/dongguan/activities/${rows[0]!.id}`, { token: who.coordinator.token });
    expect(seen.status).toBe(200);
  });

  it("refuses a program the unit takes no part in, and a resource without programs", async () => {
    const row = await activity();
    const res = await bulk("activities", "program", { items: refs([row]), program: "gd-old-areas" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([expect.objectContaining({ path: "body.program" })]);
    expect((await read("activities", row.id)).version).toBe(1);
    expect((await bulk("sub-units", "program", { items: [{ id: "town-440232", version: 1 }], program: "dongguan-shaoguan" })).status).toBe(404);
  });
});
