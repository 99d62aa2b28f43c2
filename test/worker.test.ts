/**
 * The real Worker bundle in workerd (Miniflare), reaching the platform and tenant databases over
 * libSQL's HTTP protocol on the real server (sqld, one namespace per tenant), seeded from Node as
 * `npm run migrate` seeds Turso before a deploy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestVersion } from "../db/migrate";
import { DEMO_PASSWORD } from "../src/seed/demo-users";
import { PLATFORM_MIGRATIONS } from "../db/platform/migrations";
import { startEdge, type Edge } from "../dev/edge";
import { TENANT_SCHEMA_VERSION } from "../src/tenants/directory";
import { edgeRequests } from "./support/edge-requests";
import { tempDir, TEST_SECRET } from "./support/harness";

let edge: Edge;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  dir = tempDir("duikou-edge-");
  edge = await startEdge({ dataDir: dir.path, bindings: { DUIKOU_ENV: "test", JWT_SECRET: TEST_SECRET, TENANT_CONNECTION_CACHE: "16" }, seed: { DEMO_USERS: "true", DEMO_LEDGER: "false" } });
}, 120_000);

afterAll(async () => {
  await edge?.close();
  dir?.remove();
});

const { request, login } = edgeRequests(() => edge);
const edgeOf = () => edge;

describe("the Worker in workerd", () => {
  it("answers health from the workers runtime over the remote protocol", async () => {
    const res = await request("/api/health");
    expect(res.status).toBe(200);
    const latest = latestVersion(PLATFORM_MIGRATIONS);
    // The seed's 143 units, and the one a test below creates once it has run.
    const created = Number((await edge.client("platform").execute("SELECT COUNT(*) AS n FROM units WHERE slug = 'edge-created'")).rows[0]!.n);
    expect(res.body).toMatchObject({ runtime: "workers", schema: { platform: { current: latest, latest } }, tenants: { total: 143 + created, active: 143 + created } });
  });

  it("signs in the demo coordinator and lists the programs and the 24 old-area groups", async () => {
    const token = await login("demo-coordinator");
    const programs = await request("/api/programs", { token });
    expect(programs.body.items).toHaveLength(5);
    const groups = await request("/api/programs/gd-old-areas/groups", { token });
    const nanxiong = groups.body.items.find((g: any) => g.area.code === "440282");
    expect(nanxiong.lead.name).toBe("省委组织部");
  });

  it("keeps the web's cookie session the same way: set Secure over https, accepted for a read, refused for another origin's write", async () => {
    const base = "https://duikou.test";
    const signIn = await edgeOf().mf.dispatchFetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ username: "demo-editor", password: DEMO_PASSWORD, cookie: true }) });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).not.toHaveProperty("token");
    const setCookie = signIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^duikou_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Secure");
    const cookie = setCookie.split(";")[0]!;
    expect((await edgeOf().mf.dispatchFetch(`${base}/api/me`, { headers: { cookie } })).status).toBe(200);
    const forged = await edgeOf().mf.dispatchFetch(`${base}/api/t/dongguan/activities`, { method: "POST", headers: { cookie, origin: "https://evil.example", "content-type": "application/json" }, body: JSON.stringify({ kind: "joint_meeting", date: "2024-08-01", title: "伪造" }) });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  });

  it("opens a tenant database over HTTP for its own unit and answers 403 for another unit", async () => {
    const editor = await login("demo-editor");
    const own = await request("/api/t/dongguan", { token: editor });
    expect(own.status).toBe(200);
    expect(own.body.counts.placeholders).toBe(10);
    const other = await request("/api/t/gd-org-dept", { token: editor });
    expect(other.status).toBe(403);
  });

  it("keeps a voucher in R2: uploaded to a disbursement, fetched back byte for byte; a renamed script is refused", async () => {
    const editor = await login("demo-editor");
    const fund = await request("/api/t/dongguan/funds", { method: "POST", token: editor, body: { kind: "disbursement", source: "city", amountFen: 1_00, date: "2024-06-01", areaCode: "440282", program: "dongguan-shaoguan" } });
    expect(fund.status, JSON.stringify(fund.body)).toBe(201);
    const pdf = new TextEncoder().encode("%PDF-1.4\n%边缘凭证\n%%EOF\n");
    const send = async (name: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
      // Encoded here, as a browser would send it: dispatchFetch does not encode a FormData itself.
      const encoded = new Response(form);
      const body = new Uint8Array(await encoded.arrayBuffer());
      return edge.mf.dispatchFetch(`http://duikou.test/api/t/dongguan/funds/${fund.body.id}/attachments`, { method: "POST", headers: { authorization: `Bearer ${editor}`, "content-type": encoded.headers.get("content-type")! }, body });
    };
    const up = await send("凭证.pdf", pdf);
    expect(up.status, await up.clone().text()).toBe(201);
    const id = ((await up.json()) as { id: string }).id;
    const file = await edge.mf.dispatchFetch(`http://duikou.test/api/t/dongguan/attachments/${id}`, { headers: { authorization: `Bearer ${editor}` } });
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    expect((await send("凭证.pdf", new TextEncoder().encode("<script>alert(1)</script>"))).status).toBe(422);
  });

  it("serves 100 concurrent requests across 50 units with the default connection cache (16): no 5xx", async () => {
    const admin = await login("demo-admin");
    const platform = edge.client("platform");
    const slugs = (await platform.execute("SELECT slug FROM units WHERE status = 'active' ORDER BY slug LIMIT 50")).rows.map((r) => String(r.slug));
    expect(slugs).toHaveLength(50);
    const paths = Array.from({ length: 100 }, (_, i) => (i % 2 ? `/api/t/${slugs[i % 50]}` : `/api/t/${slugs[i % 50]}/activities?limit=5`));
    const statuses = await Promise.all(paths.map(async (path) => (await request(path, { token: admin })).status));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it("answers bad input with 400 and field paths", async () => {
    const res = await request("/api/auth/login", { method: "POST", body: { username: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path).sort()).toEqual(["body.password", "body.username"]);
  });

  it("creates a unit through the Turso Platform API and migrates its new database", async () => {
    const admin = await login("demo-admin");
    const res = await request("/api/units", { method: "POST", token: admin, body: { slug: "edge-created", name: "边缘新建单位", kind: "other" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "active", schemaVersion: TENANT_SCHEMA_VERSION });
    expect(edge.tursoCalls).toContainEqual({ method: "POST", path: "/v1/organizations/duikou-dev/databases", body: { name: "edge-created", group: "default" } });
    const stamp = await edge.client("edge-created").execute("SELECT value FROM tenant_meta WHERE key = 'unit'");
    expect(stamp.rows[0]?.value).toBe("edge-created");
  });

  it("answers 503 (not 500) when a tenant database cannot be reached", async () => {
    edge.unreachable.add("gd-org-dept");
    try {
      const viewer = await login("demo-viewer");
      const res = await request("/api/t/gd-org-dept", { token: viewer });
      // The first open of a tenant in this isolate checks its schema, which needs the database.
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("UNAVAILABLE");
    } finally {
      edge.unreachable.delete("gd-org-dept");
    }
  });

  it("runs the daily cron through the Queue: one message per unit, each unit refreshed and alerted, the run counted to its end", async () => {
    const platform = edge.client("platform");
    const active = Number((await platform.execute("SELECT COUNT(*) AS n FROM units WHERE status = 'active'")).rows[0]!.n);
    edge.traffic.reset();
    const worker = await edge.mf.getWorker();
    await worker.scheduled({ cron: "0 18 * * *" });
    // The cron invocation itself only listed the units and sent messages; the units were not touched by it.
    const [run] = (await platform.execute("SELECT id, cron, expected FROM job_runs WHERE job = 'daily' ORDER BY started_at DESC LIMIT 1")).rows;
    expect(run).toMatchObject({ cron: "0 18 * * *", expected: active });
    const deadline = Date.now() + 100_000;
    let status = "running";
    while (Date.now() < deadline && status === "running") {
      await new Promise((r) => setTimeout(r, 500));
      status = String((await platform.execute({ sql: "SELECT status FROM job_runs WHERE id = ?", args: [String(run!.id)] })).rows[0]!.status);
    }
    expect(status).toBe("succeeded");
    const targets = (await platform.execute({ sql: "SELECT target, ok, detail FROM job_targets WHERE run_id = ?", args: [String(run!.id)] })).rows;
    expect(targets).toHaveLength(active);
    expect(targets.every((t) => Number(t.ok) === 1 && /^refreshed \d+, alerts \d+$/.test(String(t.detail)))).toBe(true);
    // Outcomes per unit: every unit in a program has this year's facts, and the deadline alerts exist.
    const year = new Date().getUTCFullYear();
    const withoutFacts = await platform.execute({
      sql: `SELECT DISTINCT gm.unit FROM group_members gm JOIN groups g ON g.id = gm.group_id JOIN programs p ON p.slug = g.program
             WHERE ? BETWEEN p.start_year AND p.end_year
               AND NOT EXISTS (SELECT 1 FROM unit_facts f WHERE f.unit = gm.unit AND f.program = g.program AND f.year = ? AND f.error IS NULL)`,
      args: [year, year],
    });
    expect(withoutFacts.rows).toEqual([]);
    const alerted = Number((await platform.execute("SELECT COUNT(DISTINCT unit) AS n FROM alerts WHERE resolved_at IS NULL")).rows[0]!.n);
    expect(alerted).toBeGreaterThan(100);
  }, 120_000);
});
