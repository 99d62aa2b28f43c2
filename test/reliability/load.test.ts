/**
 * A bounded load test on loopback: the real Node server (src/node.ts main) over file databases with
 * the demo ledger, 10 connections for about 5 s on a list and on a create. No request may fail or
 * answer anything but 2xx, and every create answered 201 is stored with its audit row. The figures
 * are printed, not asserted: they vary with the machine.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServices } from "../../src/node-services";
import { main } from "../../src/node";
import type { Services } from "../../src/services";
import { tempDir } from "../support/harness";

const DURATION_S = 5;
/** Loopback only: the server binds 127.0.0.1 and autocannon targets it. */
const CONNECTIONS = 10;
const TITLE = "压测联席会议";

let dir: ReturnType<typeof tempDir>;
let server: Server;
let services: Services;
let base: string;
let token: string;

beforeAll(async () => {
  dir = tempDir("duikou-load-");
  const started = await main({
    DUIKOU_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dir.path,
    JWT_SECRET: "load-test-secret-that-is-long-enough-0123456789",
    DEMO_USERS: "true",
    DEMO_LEDGER: "true",
    LOG_LEVEL: "warn",
  });
  server = started.server as Server;
  services = started.services;
  if (!server.listening) await new Promise((resolve) => server.once("listening", resolve));
  const { address, port } = server.address() as AddressInfo;
  expect(address).toBe("127.0.0.1");
  base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "demo-editor", password: "duikou-demo-2026" }) });
  expect(login.status).toBe(200);
  token = (await login.json()).token;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  if (services) {
    await services.snapshots.settled();
    await closeServices(services);
  }
  dir?.remove();
});

function load(opts: { path: string; method?: "GET" | "POST"; body?: string }): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}${opts.path}`,
    method: opts.method ?? "GET",
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(opts.body ? { body: opts.body } : {}),
  });
}

function report(name: string, r: autocannon.Result) {
  console.log(
    `load ${name}: ${r.requests.average.toFixed(0)} req/s average (${r.requests.total} requests in ${r.duration.toFixed(1)} s, ${CONNECTIONS} connections), ` +
      `latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
  );
}

async function count(sql: string): Promise<number> {
  const unit = await services.tenants.find("dongguan");
  const { client } = await services.tenants.lease(unit!);
  return Number((await client.execute({ sql, args: [TITLE] })).rows[0]![0]);
}

describe("loopback load", () => {
  it("GET /api/t/dongguan/activities?limit=50: no errors, all 2xx", async () => {
    const r = await load({ path: "/api/t/dongguan/activities?limit=50" });
    report("GET activities?limit=50", r);
    expect(r.errors).toBe(0);
    expect(r.timeouts).toBe(0);
    expect(r.non2xx).toBe(0);
    expect(r["2xx"]).toBeGreaterThan(0);
  }, 30_000);

  it("POST /api/t/dongguan/activities: no errors, all 201, each stored with its audit row", async () => {
    const r = await load({ path: "/api/t/dongguan/activities", method: "POST", body: JSON.stringify({ kind: "joint_meeting", date: "2026-05-01", title: TITLE, program: "dongguan-shaoguan" }) });
    report("POST activities", r);
    expect(r.errors).toBe(0);
    expect(r.timeouts).toBe(0);
    expect(r.non2xx).toBe(0);
    expect(r["2xx"]).toBeGreaterThan(0);
    // autocannon stops counting at the deadline with up to one request in flight per connection; the
    // server still completes those, so up to CONNECTIONS more are stored than were counted.
    const stored = await count("SELECT COUNT(*) FROM activities WHERE title = ?");
    expect(stored).toBeGreaterThanOrEqual(r["2xx"]);
    expect(stored).toBeLessThanOrEqual(r["2xx"] + CONNECTIONS);
    expect(await count("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity' AND action = 'create' AND json_extract(after, '$.title') = ?")).toBe(stored);
  }, 30_000);
});
