/**
 * A unit's database broken while the server runs (security finding 9): requests to it answer 503
 * with a code and a sentence (no SQL, no file path), health says "degraded" and names the unit, the
 * rollup marks it stale at once instead of serving its last facts as fresh, and the next success
 * after a restore clears all of it.
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, tempDir, type Harness, type TestUser } from "../support/harness";

const BROKEN = "pboc-guangzhou";
let dir: ReturnType<typeof tempDir>;
let h: Harness;
let editor: TestUser;
let coordinator: TestUser;
const file = () => join(dir.path, "tenants", `${BROKEN}.db`);

beforeAll(async () => {
  dir = tempDir("duikou-broken-");
  h = await startHarness({ DATA_DIR: dir.path });
  editor = await makeUser(h, "unit_editor", { unit: BROKEN });
  coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas"] });
  const res = await call(h, "POST", `/api/t/${BROKEN}/funds`, { token: editor.token, body: { kind: "allocation", source: "province", amountFen: 3_000_000, date: "2025-08-01", areaCode: "440282" } });
  expect(res.status).toBe(201);
  await h.services.snapshots.settled();
  // Facts for 2025 are stored and current: before the fault, the rollup has nothing to recompute.
  expect((await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2025", { token: coordinator.token })).status).toBe(200);
  // Checkpoint so the file holds everything, and keep a copy to restore.
  await checkpoint();
  copyFileSync(file(), `${file()}.good`);
}, 60_000);

afterAll(async () => {
  await h.close();
  dir.remove();
});

/** Checkpoints the unit's log into its file, through the open connection. */
async function checkpoint() {
  const unit = await h.services.tenants.find(BROKEN);
  await (await h.services.tenants.lease(unit!)).client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
}

/**
 * Each test starts from a sound unit and damages it itself: the log is checkpointed (without it, a
 * connection that has just reopened the restored file goes on answering from the pages it holds),
 * the file is overwritten under the open connection, and a request to the unit finds it broken (the
 * fault is recorded then). That request's answer.
 */
async function damage() {
  await checkpoint();
  writeFileSync(file(), Buffer.alloc(64 * 1024, 0x5a));
  return call(h, "GET", `/api/t/${BROKEN}/funds`, { token: editor.token });
}

/** The good copy back, and the next success, which clears the fault. */
async function restore() {
  await h.services.tenants.close();
  copyFileSync(`${file()}.good`, file());
  return call(h, "GET", `/api/t/${BROKEN}/funds`, { token: editor.token });
}
afterEach(async () => {
  expect((await restore()).status).toBe(200);
});

describe("a unit's database damaged while running", () => {
  it("answers 503 with a code and a sentence, never the driver's text", async () => {
    const res = await damage();
    const text = await res.text();
    expect(res.status, text).toBe(503);
    const { error } = JSON.parse(text);
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.details[0].code).toMatch(/^database_/);
    expect(text).not.toMatch(/SQLITE|sqlite|\.db|\/tmp|SELECT|select /);
  });

  it("health says degraded and names the unit", async () => {
    expect((await damage()).status).toBe(503);
    const health = await (await call(h, "GET", "/api/health")).json();
    expect(health.status).toBe("degraded");
    expect(health.tenants.failing).toBe(1);
    expect(health.tenants.faults[0]).toMatchObject({ unit: BROKEN, code: expect.stringMatching(/^database_/) });
  });

  it("the rollup marks the unit stale at once, with the sentence, though its stored facts looked current", async () => {
    expect((await damage()).status).toBe(503);
    const rollup = await (await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2025", { token: coordinator.token })).json();
    const text = JSON.stringify(rollup);
    const row = rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === BROKEN);
    expect(row.freshness.stale).toBe(true);
    expect(row.freshness.error).toMatch(/^该单位的数据库|^暂时无法连接/);
    expect(text).not.toMatch(/SQLITE|\.db|\/tmp/);
  });

  it("once the file is restored, the next success clears the fault everywhere", async () => {
    expect((await damage()).status).toBe(503);
    expect((await (await call(h, "GET", "/api/health")).json()).status).toBe("degraded");
    expect((await restore()).status).toBe(200);
    const health = await (await call(h, "GET", "/api/health")).json();
    expect(health).toMatchObject({ status: "ok", tenants: { failing: 0 } });
    const rollup = await (await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2025", { token: coordinator.token })).json();
    expect(rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === BROKEN).freshness.stale).toBe(false);
  });
});
