/**
 * The on-premises path: the Node server with its platform and tenant databases on a self-hosted
 * libSQL server (sqld with namespaces), reached through DB_CONNECT_TO and provisioned through sqld's
 * admin API — the same routes, seed and jobs as the embedded default.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units } from "../db/platform/schema";
import { startSqld, type Sqld } from "../dev/sqld";
import { runJob } from "../src/jobs/schedule";
import { call, makeUser, startHarness, tempDir, type Harness } from "./support/harness";

let dir: ReturnType<typeof tempDir>;
let sqld: Sqld;
let h: Harness;

beforeAll(async () => {
  dir = tempDir("duikou-node-remote-");
  sqld = await startSqld({ dataDir: dir.path });
  await sqld.createNamespace("platform");
  h = await startHarness({
    PLATFORM_DB_URL: "http://platform.db.internal",
    TENANT_DB_URL_TEMPLATE: "http://{tenant}.db.internal",
    DB_CONNECT_TO: sqld.address,
    TENANT_DB_ADMIN_URL: sqld.adminUrl,
    TENANT_DB_ADMIN_KEY: sqld.adminKey,
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await sqld?.stop();
  dir?.remove();
});

describe("Node with its databases on sqld", () => {
  it("seeds the documents' structure into sqld namespaces and reports itself healthy", async () => {
    const health = await (await call(h, "GET", "/api/health")).json();
    // The seed's 143 units, and the one the test below creates once it has run.
    const created = (await h.services.platform.select().from(units).where(eq(units.slug, "onprem-new"))).length;
    expect(health).toMatchObject({ runtime: "node", tenants: { total: 143 + created, active: 143 + created } });
    // Each unit is its own namespace on the server.
    const res = await fetch(`${sqld.adminUrl}/v1/namespaces/dongguan/config`, { headers: { authorization: `basic ${sqld.adminKey}` } });
    expect(res.status).toBe(200);
  });

  it("creates a unit (a new namespace), writes to its ledger and reads it back; the daily job refreshes every unit", async () => {
    const admin = await makeUser(h, "admin");
    const created = await call(h, "POST", "/api/units", { token: admin.token, body: { slug: "onprem-new", name: "本地部署新单位", kind: "other" } });
    expect(created.status).toBe(201);
    const editor = await makeUser(h, "unit_editor", { unit: "onprem-new" });
    const written = await call(h, "POST", "/api/t/onprem-new/activities", { token: editor.token, body: { kind: "joint_meeting", date: "2026-03-01", title: "联席会议" } });
    expect(written.status).toBe(201);
    const list = await (await call(h, "GET", "/api/t/onprem-new/activities", { token: editor.token })).json();
    expect(list.items.map((a: { title: string }) => a.title)).toEqual(["联席会议"]);
    const run = await runJob(h.services, "daily");
    expect(run.status).toBe("succeeded");
    expect(run.outcomes).toHaveLength(144);
  }, 60_000);
});
