/**
 * No single request, file or guesser may stall the server for others (security findings 2 and 4),
 * measured as a client would: the real Node server in its own process on loopback, probed with
 * /api/health and another tenant's list while one tenant uploads a zip bomb, imports 20,000 rows,
 * exports 100,000 rows, or while a client floods the sign-in. (In one process the probe's own
 * timers would stall with the server and hide the stall.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activitiesWorkbook } from "../../bench/import";
import { ROOT } from "../web/support/web-harness";
import { tempDir } from "../support/harness";
import { bomb } from "./fixtures/zip";

const PASSWORD = "duikou-demo-2026";
const STALL_LIMIT_MS = 200;
let dir: ReturnType<typeof tempDir>;
let server: ChildProcess;
let base: string;
let editor: string;
let admin: string;

async function login(username: string, password = PASSWORD): Promise<Response> {
  return fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
}

beforeAll(async () => {
  dir = tempDir("duikou-stall-");
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  server = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
    cwd: ROOT,
    env: { ...process.env, DUIKOU_ENV: "test", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir.path, JWT_SECRET: "stall-test-secret-that-is-long-enough-0123456789", DEMO_USERS: "true", DEMO_LEDGER: "true", LOG_LEVEL: "error" },
    stdio: "ignore",
  });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  editor = (await (await login("demo-editor")).json()).token;
  admin = (await (await login("demo-admin")).json()).token;
}, 120_000);

afterAll(() => {
  server?.kill();
  dir?.remove();
});

/** Runs `operation` while probing health and another tenant's list every 20 ms; the slowest answer of each. */
async function whileProbing<T>(operation: () => Promise<T>): Promise<{ result: T; health: number; list: number; probes: number }> {
  let stop = false;
  const worst = { health: 0, list: 0 };
  let probes = 0;
  const probe = async (key: "health" | "list", url: string, headers: Record<string, string> = {}) => {
    while (!stop) {
      const started = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      worst[key] = Math.max(worst[key], performance.now() - started);
      probes++;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const loops = [probe("health", `${base}/api/health`), probe("list", `${base}/api/t/gd-org-dept/projects?limit=20`, { authorization: `Bearer ${admin}` })];
  await new Promise((r) => setTimeout(r, 50));
  const result = await operation();
  stop = true;
  await Promise.all(loops);
  return { result, ...worst, probes };
}

/** dongguan's activities as a reader sees them (the file and its log), and in the file alone (a copy without the log). */
async function activitiesLive(): Promise<number> {
  const client = createClient({ url: `file:${join(dir.path, "tenants", "dongguan.db")}` });
  try {
    return Number((await client.execute("SELECT count(*) AS n FROM activities")).rows[0]!.n);
  } finally {
    client.close();
  }
}

async function activitiesInFileAlone(): Promise<number> {
  const copy = join(dir.path, "dongguan-alone.db");
  copyFileSync(join(dir.path, "tenants", "dongguan.db"), copy);
  const client = createClient({ url: `file:${copy}` });
  try {
    return Number((await client.execute("SELECT count(*) AS n FROM activities")).rows[0]!.n);
  } finally {
    client.close();
    rmSync(copy, { force: true });
  }
}

function upload(path: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return fetch(`${base}${path}`, { method: "POST", headers: { authorization: `Bearer ${editor}` }, body: form });
}

describe("a file cannot stall the server", () => {
  it.each([
    ["declares it", false],
    ["lies about it in its headers", true],
  ])("an XLSX of about 100 KB that inflates to 100 MB and %s is refused (413) while others are answered within 200 ms", async (_label, lie) => {
    const file = bomb(100, { lie });
    expect(file.length).toBeLessThan(200_000);
    const { result, health, list } = await whileProbing(async () => {
      const started = performance.now();
      const res = await upload("/api/t/dongguan/activities/import", file, "bomb.xlsx");
      return { status: res.status, body: await res.json(), ms: performance.now() - started };
    });
    expect(result.status).toBe(413);
    expect(result.body.error.message).toContain("解压后超过");
    expect(result.ms).toBeLessThan(3_000);
    expect(health).toBeLessThan(STALL_LIMIT_MS);
    expect(list).toBeLessThan(STALL_LIMIT_MS);
  }, 30_000);

  it("a 500,000-row file is refused (413) after reading the first 20,001 rows, not all of them", async () => {
    const csv = `事项类型,日期,事项\n${"联席会议,2024-08-02,行\n".repeat(500_000)}`;
    expect(new TextEncoder().encode(csv).length).toBeLessThan(16 * 1024 * 1024);
    const { result, health, list } = await whileProbing(async () => {
      const started = performance.now();
      const res = await fetch(`${base}/api/t/dongguan/activities/import`, { method: "POST", headers: { authorization: `Bearer ${editor}`, "content-type": "text/csv" }, body: csv });
      return { status: res.status, message: (await res.json()).error.message as string, ms: performance.now() - started };
    });
    console.log(`500,000-row file: refused in ${result.ms.toFixed(0)} ms; slowest health ${health.toFixed(0)} ms, list ${list.toFixed(0)} ms`);
    expect(result.status).toBe(413);
    expect(result.message).toContain("20000");
    expect(result.ms).toBeLessThan(3_000);
    expect(health).toBeLessThan(STALL_LIMIT_MS);
  }, 30_000);

  it("a 20,000-row import is stored while health and another tenant's list answer within 200 ms", { retry: 1, timeout: 60_000 }, async () => {
    const file = activitiesWorkbook(20_000);
    const { result, health, list, probes } = await whileProbing(async () => {
      // keep: a retry of this test imports the same rows again, which is what it measures, not a mistake.
      const res = await upload("/api/t/dongguan/activities/import?duplicates=keep", file, "activities.xlsx");
      return { status: res.status, body: await res.json() };
    });
    console.log(`20,000-row import: slowest health ${health.toFixed(0)} ms, slowest list ${list.toFixed(0)} ms over ${probes} probes`);
    expect(result).toEqual({ status: 201, body: { created: 20_000, skipped: 0 } });
    expect(probes).toBeGreaterThan(20);
    expect(health).toBeLessThan(STALL_LIMIT_MS);
    expect(list).toBeLessThan(STALL_LIMIT_MS);
    // Its commit left the rows in the log; the checkpoint thread copies them into the file itself.
    await expect.poll(() => activitiesInFileAlone(), { timeout: 10_000, interval: 200 }).toBe(await activitiesLive());
  });

  it("the same 20,000 rows imported again are refused as repeated (409) while health and another tenant's list answer within 200 ms", { retry: 1, timeout: 60_000 }, async () => {
    const file = activitiesWorkbook(20_000);
    const { result, health, list, probes } = await whileProbing(async () => {
      const res = await upload("/api/t/dongguan/activities/import", file, "activities.xlsx");
      return { status: res.status, body: await res.json() };
    });
    console.log(`20,000 repeated rows: slowest health ${health.toFixed(0)} ms, slowest list ${list.toFixed(0)} ms over ${probes} probes`);
    expect(result.status).toBe(409);
    expect(result.body.error.details.length).toBeGreaterThanOrEqual(20_000);
    expect(health).toBeLessThan(STALL_LIMIT_MS);
    expect(list).toBeLessThan(STALL_LIMIT_MS);
  });

  // Known miss, measured and stated in the README: the first export of this size after start stalls
  // others up to about 0.3 s on two cores (the sheet thread's heap grows to ~400 MB and its
  // collections compete for the CPU); every later one stays within 200 ms. Both are asserted.
  it("a 100,000-row export is written: within 200 ms for others once the sheet thread is warm, under 1 s the first time", { timeout: 90_000 }, async () => {
    // Rows straight into the database (a second connection, as an operator's tool would): what is timed is the export.
    const db = createClient({ url: `file:${dir.path}/tenants/dongguan.db` });
    await db.execute("PRAGMA busy_timeout = 10000");
    await db.execute(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) " +
        "INSERT OR IGNORE INTO activities (id, kind, date, title, area_code, people) SELECT printf('bulk-%06d', i), 'exchange', printf('2024-%02d-%02d', i % 12 + 1, i % 28 + 1), printf('批量导出测试 %d', i), '440232', i % 9 FROM n",
    );
    db.close();
    // The rows were written behind the server's back: one ordinary read first, as any clerk's list would be.
    expect((await fetch(`${base}/api/t/dongguan/activities?limit=1&kind=exchange`, { headers: { authorization: `Bearer ${editor}` } })).status).toBe(200);
    const exportOnce = () =>
      whileProbing(async () => {
        const res = await fetch(`${base}/api/t/dongguan/activities/export?kind=exchange&year=2024`, { headers: { authorization: `Bearer ${editor}` } });
        return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
      });
    const first = await exportOnce();
    const warm = await exportOnce();
    console.log(`100,000-row export: slowest health/list ${first.health.toFixed(0)}/${first.list.toFixed(0)} ms the first time, ${warm.health.toFixed(0)}/${warm.list.toFixed(0)} ms warm`);
    for (const run of [first, warm]) {
      expect(run.result.status).toBe(200);
      expect(run.result.bytes).toBeGreaterThan(1_000_000);
    }
    expect(Math.max(first.health, first.list)).toBeLessThan(1_000);
    expect(warm.health).toBeLessThan(STALL_LIMIT_MS);
    expect(warm.list).toBeLessThan(STALL_LIMIT_MS);
  });
});

describe("a sign-in flood cannot stall signed-in users", () => {
  it("an authenticated list stays within 2× its unloaded latency while one client floods the sign-in at 50 requests/s", { retry: 1, timeout: 60_000 }, async () => {
    const url = `${base}/api/t/dongguan/projects?limit=20`;
    const headers = { authorization: `Bearer ${editor}` };
    const sample = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        await (await fetch(url, { headers })).arrayBuffer();
        times.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 10));
      }
      return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
    };
    await sample(20); // warm
    const unloaded = await sample(60);
    let stop = false;
    const statuses = new Map<number, number>();
    const flood = (async () => {
      for (let i = 0; !stop; i++) {
        void login(`nobody-${i}`, "guess-1234567890").then((r) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const loaded = await sample(60);
    stop = true;
    await flood;
    // Median against median, with 2 ms of slack for timer granularity at these sizes.
    expect(loaded, `unloaded ${unloaded.toFixed(1)} ms, loaded ${loaded.toFixed(1)} ms, flood ${JSON.stringify([...statuses])}`).toBeLessThanOrEqual(2 * unloaded + 2);
    expect(statuses.get(429) ?? 0).toBeGreaterThan(0);
  });
});
