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
import { groupMembers, userPrograms, users } from "../db/platform/schema";
import { JUDGE_INLINE, JUDGE_PER_MESSAGE, judgeAndStore, judgingInputs } from "../src/figures/judgements";
import { today } from "../src/periods/period";
import { seedDocuments } from "../src/seed/seed";
import { sqldRowCounts, startSqld } from "../dev/sqld";
import { createApp } from "../src/app";
import { tokenForUser } from "../src/auth/users";
import { DEV_JWT_SECRET, parseEnv, toConfig } from "../src/env";
import { handleJobMessage } from "../src/jobs/handle";
import type { JobMessage, QueueProducer } from "../src/jobs/queue";
import { runScheduled } from "../src/jobs/schedule";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import type { Services } from "../src/services";
import { connectToFetch } from "../src/tenants/connect-to-fetch";
import { createWorkerServices } from "../src/worker-services";

import { buildFederation, DB_DOMAIN, PROGRAM, YEAR } from "./budget-federation";

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
  /** Judged on the free plan's subrequests only (a unit's creation). */
  free?: boolean;
}

interface Meter {
  dbRequests: number;
  rowsRead: number;
  largest: number;
  batches: number;
  messages: number;
  sent: JobMessage[];
  /** The highest live heap seen at a subrequest's start or end. */
  peak: number;
  /** Whether this run samples the heap (the heap run) or not (the CPU run). */
  sampling: boolean;
}

/**
 * The live heap now, after a full collection — at every subrequest's start (its request built) and end
 * (its answer read), where an invocation holds most. Only in the heap run: the collections cost CPU.
 */
function sampleHeap(meter: Meter): void {
  if (!meter.sampling || !globalThis.gc) return;
  globalThis.gc();
  meter.peak = Math.max(meter.peak, process.memoryUsage().heapUsed);
}

/**
 * Each size is measured twice over a federation built afresh: once for CPU, subrequests and rows, once
 * for the heap — which is sampled after a full collection at every subrequest, and those collections
 * (their background threads included) would inflate the CPU figure of the same run.
 */
export async function benchBudget(sizes: number[], log: (s: string) => void = () => undefined): Promise<Cost[]> {
  const out: Cost[] = [];
  for (const n of sizes) {
    const costs = await budgetAt(n, log, false);
    const heaps = new Map((await budgetAt(n, () => undefined, true)).map((c) => [c.path, c.heapMiB]));
    for (const c of costs) {
      c.heapMiB = heaps.get(c.path) ?? Number.NaN;
      c.within = withinBudget(c);
      log(`  ${n} units · ${c.path}: ${c.subrequests} subrequests, ${c.rowsRead} rows read, ${c.cpuMs} ms CPU, ${c.heapMiB} MiB${c.failed ? `  ← failed: ${c.failed}` : c.within ? "" : "  ← over budget"}`);
    }
    out.push(...costs);
  }
  return out;
}

function withinBudget(c: Cost): boolean {
  if (c.failed) return false;
  if (c.free) return c.subrequests <= LIMITS.freeSubrequests;
  return c.subrequests <= BUDGET.subrequests && c.cpuMs <= BUDGET.cpuMs && c.heapMiB <= BUDGET.memoryMiB && c.largestResponseKiB <= BUDGET.responseMiB * 1024;
}

async function budgetAt(n: number, log: (s: string) => void, heap: boolean): Promise<Cost[]> {
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
      const meter: Meter = { dbRequests: 0, rowsRead: 0, largest: 0, batches: 0, messages: 0, sent: [], peak: 0, sampling: heap };
      const counted = (async (input: RequestInfo | URL, init?: RequestInit) => {
        sampleHeap(meter);
        const url = new URL(typeof input === "object" && "url" in input ? input.url : String(input));
        meter.dbRequests += 1;
        const response = url.hostname.endsWith(DB_DOMAIN) ? await toSqld(input, init) : await fetch(input, init);
        const text = await response.text();
        if (process.env.BUDGET_DEBUG) console.error(`    ${sqldRowCounts(text).read} rows · ${Math.round(text.length / 1024)} KiB ← ${String(init?.body ?? "").replace(/\s+/g, " ").slice(40, 160)}`);
        meter.largest = Math.max(meter.largest, text.length);
        meter.rowsRead += sqldRowCounts(text).read;
        sampleHeap(meter);
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
    // BUDGET_ONLY=<text>[|<text>…] measures only the paths containing one of them (for working on one).
    const only = process.env.BUDGET_ONLY;
    const measure = async (path: string, work: (s: Services, app: ReturnType<typeof createApp>) => Promise<unknown>, options: { warm?: (s: Services, app: ReturnType<typeof createApp>) => Promise<unknown>; free?: boolean } = {}) => {
      const { services, meter, app } = isolate();
      if (only && !only.split("|").some((part) => path.includes(part))) return meter;
      // The Worker's own start (platform schema check), as every isolate does it before its first event.
      await bootstrap(services, { migrateTenants: false });
      if (options.warm) await options.warm(services, app);
      Object.assign(meter, { dbRequests: 0, rowsRead: 0, largest: 0, batches: 0, messages: 0 });
      globalThis.gc?.();
      const heap = process.memoryUsage().heapUsed;
      meter.peak = heap;
      const cpu = process.cpuUsage();
      const wall = performance.now();
      // A path that fails is recorded with its reason (first line only: a failed query's text can be megabytes).
      let answered = 0;
      const failure = await work(services, app).then(
        (value) => ((answered = typeof value === "string" ? Buffer.byteLength(value) : 0), null),
        (e: unknown) => (e instanceof Error ? `${e.name}: ${(e.cause instanceof Error ? e.cause.message : e.message).split("\n")[0]!.slice(0, 160)}` : String(e).slice(0, 160)),
      );
      sampleHeap(meter);
      const used = process.cpuUsage(cpu);
      const grown = meter.peak - heap;
      if (process.env.BUDGET_DEBUG) console.error(`    heap peak +${(grown / 2 ** 20).toFixed(1)} MiB`);
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
        // The highest live heap above the start, at every subrequest and at the end (sampleHeap).
        heapMiB: Math.max(0, Math.round((grown / 2 ** 20) * 10) / 10),
        limit: options.free ? `≤ ${LIMITS.freeSubrequests} subrequests (free plan)` : `≤ ${BUDGET.subrequests} subrequests, ${BUDGET.cpuMs} ms CPU, ${BUDGET.memoryMiB} MiB, ${BUDGET.responseMiB} MiB response`,
        within: false,
        ...(options.free ? { free: true } : {}),
        ...(failure ? { failed: failure } : {}),
      };
      services.tenants.close();
      costs.push(cost);
      return meter;
    };
    const call = (app: ReturnType<typeof createApp>, method: string, path: string, token: string, body?: unknown) =>
      Promise.resolve(app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) })).then(async (r) => {
        if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${(await r.text()).slice(0, 200)}`);
        return r.text();
      });

    const rollupPath = `/api/programs/${PROGRAM}/rollup?year=${YEAR}`;
    const first = await measure(`request: program rollup, first read (judges ${JUDGE_INLINE}, queues the rest)`, (_, app) => call(app, "GET", rollupPath, coordinator));
    const judges = first.sent.filter((m) => m.job === "judge");
    if (judges.length === 0 && !only) throw new Error("the first rollup queued no judgements");
    if (judges[0]) await measure(`queue: judge, up to ${JUDGE_PER_MESSAGE} units`, (s) => handleJobMessage(s, judges[0]!));
    // Every unit judged (the queued messages handled before the isolate's first request).
    await measure("request: program rollup, every unit judged (cold isolate)", (_, app) => call(app, "GET", rollupPath, coordinator), { warm: async (s) => { for (const m of judges.slice(1)) await handleJobMessage(s, m); } });
    await measure("request: program rollup, a later page of 20 units (as the web asks)", (_, app) => call(app, "GET", `${rollupPath}&cursor=40&limit=20&sort=-in`, coordinator));
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
    // As after the run's unit messages, each of which stores its unit's judgement for the period.
    const judgedForReport = async (s: Services) => {
      if (programReport.job !== "quarterly" && programReport.job !== "annual") return;
      const slugs = (await s.platform.select({ unit: groupMembers.unit }).from(groupMembers)).map((r) => r.unit);
      await judgeAndStore(s, PROGRAM, await judgingInputs(s, PROGRAM, programReport.period, today()), slugs);
    };
    await measure(`queue: the program's quarterly report (${n} units)`, (s) => handleJobMessage(s, programReport), { warm: judgedForReport });
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
