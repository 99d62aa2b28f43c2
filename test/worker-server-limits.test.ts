/**
 * The real Worker bundle in workerd against the real libSQL server (sqld) where the server's own
 * limits show: a tenant database that never answers, a result above sqld's 10 MB response limit, and
 * a write lock held past sqld's 5 s. Each must cost only the request that meets it, answer with the
 * error envelope, and leave the isolate serving everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEdge, type Edge } from "../dev/edge";
import { edgeRequests } from "./support/edge-requests";
import { tempDir, TEST_SECRET } from "./support/harness";

let edge: Edge;
let dir: ReturnType<typeof tempDir>;
let admin: string;
let coordinator: string;
const TIMEOUT_MS = 6_500;

beforeAll(async () => {
  dir = tempDir("duikou-edge-limits-");
  edge = await startEdge({
    dataDir: dir.path,
    bindings: { DUIKOU_ENV: "test", JWT_SECRET: TEST_SECRET, DB_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) },
    seed: { DEMO_USERS: "true", DEMO_LEDGER: "false" },
  });
  admin = await login("demo-admin");
  coordinator = await login("demo-coordinator");
}, 120_000);

afterAll(async () => {
  await edge?.close();
  dir?.remove();
});

const { request, login } = edgeRequests(() => edge);

const envelope = (body: any) => expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });

describe("the Worker at the real server's limits", () => {
  it("a hung tenant database: its request answers 503 within the timeout, the rollup and other units at once", async () => {
    const hung = "gd-finance";
    await request(`/api/t/${hung}`, { token: admin }); // opened (and migrated) once while healthy
    edge.hung.add(hung);
    try {
      const own = request(`/api/t/${hung}/activities`, { token: admin });
      // Meanwhile: another unit, and the program's rollup (which reads no tenant), answer promptly.
      const other = await request("/api/t/gd-org-dept/activities", { token: admin });
      expect(other.status).toBe(200);
      expect(other.ms).toBeLessThan(2_000);
      const rollup = await request("/api/programs/gd-old-areas/rollup", { token: coordinator });
      expect(rollup.status).toBe(200);
      expect(rollup.ms).toBeLessThan(3_000);
      const res = await own;
      expect(res.status).toBe(503);
      envelope(res.body);
      expect(res.body.error.details[0].code).toBe("database_unavailable");
      expect(res.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 200);
      expect(res.ms).toBeLessThan(TIMEOUT_MS + 3_000);
    } finally {
      edge.hung.delete(hung);
    }
    // Recorded on the unit, and cleared by its next success.
    const health = await request("/api/health");
    expect(health.body.tenants.faults.map((f: any) => f.unit)).toContain(hung);
    expect((await request(`/api/t/${hung}/activities`, { token: admin })).status).toBe(200);
  }, 60_000);

  it("a result above sqld's 10 MB response limit is refused with the envelope, and the isolate goes on", async () => {
    const unit = "gd-commerce";
    const db = edge.client(unit);
    await request(`/api/t/${unit}`, { token: admin });
    // Written behind the API's back (which limits a title to far less): 12 rows of 1 MB each.
    const big = "大".repeat(350_000);
    for (let i = 0; i < 12; i++) {
      await db.execute({ sql: "INSERT INTO activities (id, kind, date, title) VALUES (?, 'visit', '2026-03-01', ?)", args: [`big-${i}`, big] });
    }
    const res = await request(`/api/t/${unit}/activities?limit=50`, { token: admin });
    expect(res.status).toBe(503);
    envelope(res.body);
    expect(res.body.error.details[0].code).toBe("result_too_large");
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|sqld|Response is too large/i);
    expect((await request("/api/t/gd-org-dept/activities", { token: admin })).status).toBe(200);
    await db.execute("DELETE FROM activities WHERE id LIKE 'big-%'");
  }, 60_000);

  it("a write lock held past 5 s: sqld rolls the holder back and the Worker's write goes through", async () => {
    const unit = "dongguan";
    const editor = await login("demo-editor");
    await request(`/api/t/${unit}`, { token: editor });
    const holder = await edge.client(unit).transaction("write");
    await holder.execute("INSERT INTO activities (id, kind, date, title) VALUES ('held-1', 'visit', '2026-03-02', '持锁')");
    const write = request(`/api/t/${unit}/activities`, { method: "POST", token: editor, body: { kind: "joint_meeting", date: "2026-03-03", title: "锁后写入" } });
    await new Promise((r) => setTimeout(r, 5_500));
    const committed = await holder.commit().then(
      () => "committed",
      (e: Error) => e.message,
    );
    holder.close();
    const res = await write;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(committed).not.toBe("committed");
    const rows = await edge.client(unit).execute("SELECT id FROM activities WHERE id = 'held-1'");
    expect(rows.rows).toHaveLength(0);
  }, 60_000);
});
