/**
 * The edge budget: a simulated federation of N units on the Workers path — the Worker's own
 * services (`createWorkerServices`: libSQL over HTTP, a Queue producer) against the real libSQL server
 * (sqld) — and, for every kind of invocation (a request, each cron, each queue message kind, a unit's
 * creation), what it costs: subrequests (database requests + Queue batches), rows the server read,
 * the largest single database response, CPU time and heap growth. Each must stay within the Workers
 * paid plan's limits with 10× headroom, and a unit's creation within the free plan's 50 subrequests.
 *
 * The directory (units, groups, stored facts, data versions) holds all N units; three of them have
 * real databases. A per-unit invocation touches one unit, so its cost does not depend on N — the
 * table at 1,000 and 10,000 shows it; the invocations over the whole federation read the platform only.
 * CPU is this Node process's (process.cpuUsage), which is what a Worker is billed for; the server's
 * own work runs in sqld's process and is not counted, as on Workers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { programRules, programs, unitDataVersions, unitFacts, userPrograms, users } from "../db/platform/schema";
import areaRows from "../db/seed/areas.json";
import { seedDocuments } from "../db/seed/seed";
import { sqldRowCounts, startSqld } from "../dev/sqld";
import { createApp } from "../src/app";
import { tokenForUser } from "../src/auth/users";
import { DEV_JWT_SECRET, parseEnv, toConfig } from "../src/env";
import { handleJobMessage } from "../src/jobs/handle";
import type { JobMessage, QueueProducer } from "../src/jobs/queue";
import { runScheduled } from "../src/jobs/schedule";
import { refreshUnit } from "../src/figures/refresh";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import { RULES } from "../src/rules/catalog";
import type { Services } from "../src/services";
import { connectToFetch } from "../src/tenants/connect-to-fetch";
import { TENANT_SCHEMA_VERSION } from "../src/tenants/directory";
import { createWorkerServices } from "../src/worker-services";

const PROGRAM = "budget-federation";
const YEAR = 2026;
const DB_DOMAIN = "db.budget.test";

/** Workers paid-plan limits (per invocation) and the budget: a tenth of each. */
export const LIMITS = { subrequests: 10_000, cpuMs: 30_000, memoryMiB: 128, responseMiB: 10, freeSubrequests: 50 };
const BUDGET = { subrequests: LIMITS.subrequests / 10, cpuMs: LIMITS.cpuMs / 10, memoryMiB: LIMITS.memoryMiB / 10, responseMiB: LIMITS.responseMiB / 10 };

export interface Cost {
  path: string;
  units: number;
  subrequests: number;
  dbRequests: number;
  queueBatches: number;
  messages: number;
  rowsRead: number;
  largestResponseKiB: number;
  /** The HTTP answer's size, for requests. */
  answerKiB: number;
  cpuMs: number;
  wallMs: number;
  heapMiB: number;
  limit: string;
  within: boolean;
  /** The invocation failed (its reason): over a limit of the server, or a bug. */
  failed?: string;
}

interface Meter {
  dbRequests: number;
  rowsRead: number;
  largest: number;
  batches: number;
  messages: number;
  sent: JobMessage[];
}

const COUNTIES = (areaRows as [string, string, string | null, number][]).filter(([code, , , level]) => level === 3 && code.startsWith("44")).map(([code]) => code);

async function insertRows(client: Services["platformClient"], sql: string, rows: unknown[][], perStatement = 100): Promise<void> {
  const width = rows[0]?.length ?? 0;
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    statements.push({ sql: `${sql} VALUES ${chunk.map(() => `(${new Array(width).fill("?").join(",")})`).join(",")}`, args: chunk.flat() as never[] });
  }
  for (let i = 0; i < statements.length; i += 20) await client.batch(statements.slice(i, i + 20), "write");
}

export async function benchBudget(sizes: number[], log: (s: string) => void = () => undefined): Promise<Cost[]> {
  const out: Cost[] = [];
  for (const n of sizes) out.push(...(await budgetAt(n, log)));
  return out;
}

async function budgetAt(n: number, log: (s: string) => void): Promise<Cost[]> {
  const dir = mkdtempSync(join(tmpdir(), "duikou-budget-"));
  const sqld = await startSqld({ dataDir: dir });
  try {
    await sqld.createNamespace("platform");
    const raw = {
      DUIKOU_ENV: "test",
      JWT_SECRET: DEV_JWT_SECRET,
      LOG_LEVEL: "error",
      DEMO_USERS: "false",
      DEMO_LEDGER: "false",
      PLATFORM_DB_URL: `http://platform.${DB_DOMAIN}`,
      TENANT_DB_URL_TEMPLATE: `http://{tenant}.${DB_DOMAIN}`,
      TENANT_DB_ADMIN_URL: sqld.adminUrl,
      TENANT_DB_ADMIN_KEY: sqld.adminKey,
    };
    const env = parseEnv({ ...raw, DB_CONNECT_TO: sqld.address });
    const node = await createNodeServices(env, toConfig(env), createLogger("error"));
    const started = Date.now();
    await bootstrap(node, { seed: seedDocuments, migrateTenants: false });
    const sample = await buildFederation(node, n);
    log(`budget federation: ${n} units (${sample.length} with databases) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const admin = await user(node, "budget-admin", "admin");
    const coordinator = await user(node, "budget-coordinator", "coordinator", { programs: [PROGRAM] });
    const editor = await user(node, "budget-editor", "unit_editor", { unit: sample[0]! });
    closeServices(node);

    // One Worker "isolate" per measured invocation (cold: nothing cached), as on a fresh deploy.
    const toSqld = connectToFetch(sqld.address);
    const isolate = () => {
      const meter: Meter = { dbRequests: 0, rowsRead: 0, largest: 0, batches: 0, messages: 0, sent: [] };
      const counted = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(typeof input === "object" && "url" in input ? input.url : String(input));
        meter.dbRequests += 1;
        const response = url.hostname.endsWith(DB_DOMAIN) ? await toSqld(input, init) : await fetch(input, init);
        const text = await response.text();
        meter.largest = Math.max(meter.largest, text.length);
        meter.rowsRead += sqldRowCounts(text).read;
        return new Response(text, { status: response.status, headers: response.headers });
      }) as typeof fetch;
      const producer: QueueProducer = {
        async sendBatch(messages) {
          meter.batches += 1;
          meter.messages += messages.length;
          meter.sent.push(...messages.map((m) => m.body));
        },
      };
      const wenv = parseEnv(raw);
      const services = createWorkerServices(wenv, toConfig(wenv), counted, producer);
      return { services, meter, app: createApp(services) };
    };

    const costs: Cost[] = [];
    const measure = async (path: string, work: (s: Services, app: ReturnType<typeof createApp>) => Promise<unknown>, options: { warm?: (s: Services, app: ReturnType<typeof createApp>) => Promise<unknown>; free?: boolean } = {}) => {
      const { services, meter, app } = isolate();
      // The Worker's own start (platform schema check), as every isolate does it before its first event.
      await bootstrap(services, { migrateTenants: false });
      if (options.warm) await options.warm(services, app);
      Object.assign(meter, { dbRequests: 0, rowsRead: 0, largest: 0, batches: 0, messages: 0 });
      globalThis.gc?.();
      const heap = process.memoryUsage().heapUsed;
      const cpu = process.cpuUsage();
      const wall = performance.now();
      // A path that fails is recorded with its reason (first line only: a failed query's text can be megabytes).
      let answered = 0;
      const failure = await work(services, app).then(
        (value) => ((answered = typeof value === "string" ? Buffer.byteLength(value) : 0), null),
        (e: unknown) => (e instanceof Error ? `${e.name}: ${(e.cause instanceof Error ? e.cause.message : e.message).split("\n")[0]!.slice(0, 160)}` : String(e).slice(0, 160)),
      );
      const used = process.cpuUsage(cpu);
      const cost: Cost = {
        path,
        units: n,
        subrequests: meter.dbRequests + meter.batches,
        dbRequests: meter.dbRequests,
        queueBatches: meter.batches,
        messages: meter.messages,
        rowsRead: meter.rowsRead,
        largestResponseKiB: Math.round(meter.largest / 1024),
        answerKiB: Math.round(answered / 1024),
        cpuMs: Math.round((used.user + used.system) / 1000),
        wallMs: Math.round(performance.now() - wall),
        heapMiB: Math.max(0, Math.round(((process.memoryUsage().heapUsed - heap) / 2 ** 20) * 10) / 10), // growth over the invocation, garbage included (an upper bound of what it held)
        limit: options.free ? `≤ ${LIMITS.freeSubrequests} subrequests (free plan)` : `≤ ${BUDGET.subrequests} subrequests, ${BUDGET.cpuMs} ms CPU, ${BUDGET.memoryMiB} MiB, ${BUDGET.responseMiB} MiB response`,
        within: false,
        ...(failure ? { failed: failure } : {}),
      };
      cost.within = failure ? false : options.free
        ? cost.subrequests <= LIMITS.freeSubrequests
        : cost.subrequests <= BUDGET.subrequests && cost.cpuMs <= BUDGET.cpuMs && cost.heapMiB <= BUDGET.memoryMiB && meter.largest <= BUDGET.responseMiB * 2 ** 20;
      services.tenants.close();
      costs.push(cost);
      log(`  ${n} units · ${path}: ${cost.subrequests} subrequests, ${cost.rowsRead} rows read, ${cost.cpuMs} ms CPU${failure ? `  ← failed: ${failure}` : cost.within ? "" : "  ← over budget"}`);
      return meter;
    };
    const call = (app: ReturnType<typeof createApp>, method: string, path: string, token: string, body?: unknown) =>
      Promise.resolve(app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) })).then(async (r) => {
        if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${(await r.text()).slice(0, 200)}`);
        return r.text();
      });

    await measure("request: program rollup (cold isolate)", (_, app) => call(app, "GET", `/api/programs/${PROGRAM}/rollup?year=${YEAR}`, coordinator));
    await measure("request: program rollup (warm isolate)", (_, app) => call(app, "GET", `/api/programs/${PROGRAM}/rollup?year=${YEAR}`, coordinator), { warm: (_, app) => call(app, "GET", `/api/programs/${PROGRAM}/rollup?year=${YEAR}`, coordinator) });
    await measure("request: a unit's activity list", (_, app) => call(app, "GET", `/api/t/${sample[0]}/activities?limit=50`, editor));
    await measure("request: a unit records an activity", (_, app) => call(app, "POST", `/api/t/${sample[0]}/activities`, editor, { kind: "joint_meeting", date: `${YEAR}-03-03`, title: "联席会议" }));
    await measure("request: create a unit", (_, app) => call(app, "POST", "/api/units", admin, { slug: `budget-new-${n}`, name: "新建单位", kind: "other" }), { free: true });
    const daily = await measure("cron: daily (fan-out)", (s) => runScheduled(s, "0 18 * * *"));
    const quarterly = await measure("cron: quarterly reports (fan-out)", (s) => runScheduled(s, "0 1 5 1,4,7,10 *"));
    await measure("cron: annual reports (fan-out)", (s) => runScheduled(s, "0 1 15 1 *"));
    const mine = (sent: JobMessage[], pred: (m: JobMessage) => boolean) => {
      const found = sent.find(pred);
      if (!found) throw new Error("no such message was sent");
      return found;
    };
    const dailyOne = mine(daily.sent, (m) => m.job === "daily" && m.target.unit === sample[0]);
    await measure("queue: daily, one unit", (s) => handleJobMessage(s, dailyOne));
    await measure("queue: refresh, one unit", (s) => handleJobMessage(s, { runId: "", job: "refresh", target: { kind: "unit", unit: sample[1]! }, years: [YEAR] }));
    const unitReport = mine(quarterly.sent, (m) => m.job === "quarterly" && m.target.kind === "unit" && m.target.unit === sample[0]);
    await measure("queue: a unit's quarterly report", (s) => handleJobMessage(s, unitReport));
    const programReport = mine(quarterly.sent, (m) => m.job === "quarterly" && m.target.kind === "program" && m.target.program === PROGRAM);
    await measure(`queue: the program's quarterly report (${n} units)`, (s) => handleJobMessage(s, programReport));
    return costs;
  } finally {
    await sqld.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function user(services: Services, id: string, role: "admin" | "coordinator" | "unit_editor", scope: { unit?: string; programs?: string[] } = {}): Promise<string> {
  await services.platform.insert(users).values({ id, username: id, displayName: id, passwordHash: "x", role, unit: scope.unit ?? null }).onConflictDoNothing();
  for (const program of scope.programs ?? []) await services.platform.insert(userPrograms).values({ userId: id, program }).onConflictDoNothing();
  return (await tokenForUser(services.platform, services.config.jwt, id)).token;
}

/** The program, N units in groups over Guangdong's counties, stored facts for all; three real databases. Returns the real ones. */
export async function buildFederation(services: Services, n: number): Promise<string[]> {
  const slugs = Array.from({ length: n }, (_, i) => `budget-u${String(i + 1).padStart(5, "0")}`);
  await services.platform
    .insert(programs)
    .values({ slug: PROGRAM, name: "预算测试帮扶工作", nameEn: "Budget federation", document: "synthetic", docNumber: "—", startYear: YEAR - 1, endYear: YEAR + 1, coordinator: "预算测试指挥部", cadreTermMonths: 36 });
  await services.platform.insert(programRules).values(RULES.map((rule) => ({ program: PROGRAM, rule: rule.id, enabled: true, params: rule.params.parse({}) as Record<string, unknown> })));
  const real = slugs.slice(0, 3);
  const areaOf = (i: number) => COUNTIES[i % COUNTIES.length]!;
  // The real units: provisioned like any new unit (namespace, schema), with a little ledger.
  for (const slug of real) await services.tenants.provision({ slug, name: `预算单位 ${slug}`, kind: "city" });
  await insertRows(services.platformClient, "INSERT INTO units (slug, name, kind, db_location, schema_version, status)", slugs.slice(3).map((slug, i) => [slug, `预算单位${i + 4}`, "city", `http://${slug}.${DB_DOMAIN}`, TENANT_SCHEMA_VERSION, "active"]));
  const byArea = new Map<string, string[]>();
  slugs.forEach((slug, i) => (byArea.get(areaOf(i)) ?? byArea.set(areaOf(i), []).get(areaOf(i))!).push(slug));
  await insertRows(services.platformClient, "INSERT INTO groups (id, program, area_code, clause)", [...byArea.keys()].map((area) => [`${PROGRAM}:${area}`, PROGRAM, area, "synthetic"]));
  await insertRows(
    services.platformClient,
    "INSERT INTO group_members (group_id, unit, role, position)",
    [...byArea].flatMap(([area, members]) => members.map((unit, position) => [`${PROGRAM}:${area}`, unit, position === 0 ? "lead" : "member", position])),
  );
  for (const [i, slug] of real.entries()) {
    await services.tenants.use((await services.tenants.find(slug))!, async ({ client }) => {
      const rows = Array.from({ length: 200 }, (_, k) => [`a${k}`, ["visit", "joint_meeting", "training"][k % 3], `${YEAR}-0${1 + (k % 9)}-1${k % 9}`, `活动 ${k}`, areaOf(i)]);
      await client.batch(rows.map((r) => ({ sql: "INSERT INTO activities (id, kind, date, title, area_code) VALUES (?, ?, ?, ?, ?)", args: r as never[] })), "write");
      await client.execute({ sql: "INSERT INTO funds (id, kind, source, amount_fen, date, area_code, program) VALUES ('f1', 'allocation', 'city', 100000000, ?, ?, ?)", args: [`${YEAR}-02-01`, areaOf(i), PROGRAM] });
    });
  }
  // The real units' facts, computed; every other unit gets a copy of the first's (stored facts are what a rollup reads).
  for (const slug of real) await refreshUnit(services, slug, `${YEAR}-06-01`, [YEAR]);
  const [facts] = await services.platform.select().from(unitFacts).where(eqUnit(real[0]!));
  if (!facts?.facts) throw new Error("the sample unit has no facts");
  const versions = await services.platform.select().from(unitDataVersions).where(eqVersions(real[0]!));
  await insertRows(
    services.platformClient,
    "INSERT INTO unit_facts (unit, program, year, shape, facts, versions, computed_at)",
    slugs.slice(3).map((slug) => [slug, PROGRAM, YEAR, facts.shape, JSON.stringify(facts.facts), JSON.stringify(facts.versions), facts.computedAt]),
    50,
  );
  await insertRows(services.platformClient, "INSERT INTO unit_data_versions (unit, year, version)", slugs.slice(3).flatMap((slug) => versions.map((v) => [slug, v.year, v.version])));
  return real;
}

const eqUnit = (slug: string) => and(eq(unitFacts.unit, slug), eq(unitFacts.program, PROGRAM), eq(unitFacts.year, YEAR));
const eqVersions = (slug: string) => eq(unitDataVersions.unit, slug);
