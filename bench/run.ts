/**
 * `npm run bench [-- --units 1000] [-- --quick]`: measures in one run and prints a table (and
 * writes bench/results.json). Not part of `npm test`: figures vary with the machine, so nothing here
 * fails on a missed target — a missed target is said, with its figure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { userPrograms, users } from "../db/platform/schema";
import { tokenForUser } from "../src/auth/users";
import { DEV_JWT_SECRET, parseEnv, toConfig } from "../src/env";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import { benchApi } from "./api";
import { benchBudget, LIMITS } from "./budget";
import { benchBundle } from "./bundle";
import { benchEvaluation } from "./evaluation";
import { BENCH_PROGRAM, buildFederation, DEFAULT_VOLUMES } from "./federation";
import { benchImport } from "./import";
import { benchQuarterlyJob } from "./jobs";
import { benchRollup } from "./rollup";
import { seedDocuments } from "../src/seed/seed";

interface Line {
  measure: string;
  figure: string;
  target: string;
  met: boolean;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = process.argv.includes("--quick");
const unitCount = Number(arg("units") ?? (quick ? 12 : 150));
const volumes = quick ? { projects: 200, funds: 500, activities: 2000, cadres: 20 } : DEFAULT_VOLUMES;
const log = (s: string) => console.error(`· ${s}`);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "duikou-bench-"));
  // `--cache N` keeps N tenant connections open (a closed libSQL client releases its file handles only
  // when collected, so cycling 1,000 units through a small cache can exhaust the process's file handles).
  const cache = arg("cache");
  const env = parseEnv({ DUIKOU_ENV: "test", DATA_DIR: dir, DEMO_USERS: "false", DEMO_LEDGER: "false", LOG_LEVEL: "error", JWT_SECRET: DEV_JWT_SECRET, ...(cache ? { TENANT_CONNECTION_CACHE: cache } : {}) });
  const services = await createNodeServices(env, toConfig(env), createLogger("error"));
  const lines: Line[] = [];
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    federation: { units: unitCount, volumesPerUnit: volumes },
  };
  try {
    await bootstrap(services, { seed: seedDocuments, migrateTenants: true });
    log(`generating ${unitCount} units…`);
    const slugs = await buildFederation(services, dir, unitCount, volumes, log);

    log("rollup vs floor…");
    const rollup = await benchRollup(services, slugs);
    results.rollup = rollup;
    const rollupTarget = unitCount <= 150 ? 150 : Infinity;
    lines.push({ measure: `rollup, ${unitCount} units (stored facts, judged on read)`, figure: `${rollup.rollupMs.toFixed(1)} ms`, target: unitCount <= 150 ? "< 150 ms" : "—", met: rollup.rollupMs < rollupTarget });
    lines.push({ measure: `floor: direct SQL over ${unitCount} databases`, figure: `${rollup.floorMs.toFixed(1)} ms`, target: "", met: true });
    lines.push({ measure: "rollup / floor", figure: `${rollup.ratio.toFixed(3)}×`, target: "≤ 1.5×", met: rollup.ratio <= 1.5 });
    lines.push({ measure: `facts refresh of ${unitCount} units (every unit from scratch)`, figure: `${(rollup.snapshotRefreshMs / 1000).toFixed(1)} s`, target: "", met: true });
    lines.push({ measure: "  refresh / floor", figure: `${rollup.refreshRatio.toFixed(2)}×`, target: "≤ 1.5×", met: rollup.refreshRatio <= 1.5 });

    log("one unit's evaluation and freshness…");
    const editorId = "bench-evaluator";
    const coordinatorId = "bench-coordinator";
    await services.platform.insert(users).values([
      { id: editorId, username: editorId, displayName: "bench", passwordHash: "x", role: "unit_editor", unit: slugs[0]! },
      { id: coordinatorId, username: coordinatorId, displayName: "bench", passwordHash: "x", role: "coordinator", unit: null },
    ]).onConflictDoNothing();
    await services.platform.insert(userPrograms).values({ userId: coordinatorId, program: BENCH_PROGRAM }).onConflictDoNothing();
    const editorToken = (await tokenForUser(services.platform, services.config.jwt, editorId)).token;
    const coordinatorToken = (await tokenForUser(services.platform, services.config.jwt, coordinatorId)).token;
    const evaluation = await benchEvaluation(services, slugs[0]!, editorToken, coordinatorToken);
    results.evaluation = evaluation;
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
    lines.push({ measure: "one unit's facts: largest query result", figure: mib(evaluation.largestResultBytes), target: "< 1 MiB", met: evaluation.largestResultBytes < 2 ** 20 });
    lines.push({ measure: "  facts stored (JSON)", figure: `${(evaluation.factsBytes / 1024).toFixed(1)} KiB`, target: "", met: true });
    lines.push({ measure: "  heap growth of the evaluation", figure: mib(evaluation.heapGrowthBytes), target: "< 32 MiB", met: evaluation.heapGrowthBytes < 32 * 2 ** 20 });
    lines.push({ measure: "ledger write → rollup shows it (stale-marked at once; figures after the refresh)", figure: `${evaluation.writeToRollupMs.toFixed(0)} ms`, target: "", met: true });
    lines.push({ measure: "rule-parameter change → next rollup read uses it", figure: `${evaluation.ruleChangeToRollupMs.toFixed(0)} ms`, target: "", met: true });

    log("API throughput…");
    const id = "bench-editor";
    await services.platform.insert(users).values({ id, username: id, displayName: "bench", passwordHash: "x", role: "unit_editor", unit: slugs[0]! }).onConflictDoNothing();
    const { token } = await tokenForUser(services.platform, services.config.jwt, id);
    const api = await benchApi(dir, slugs[0]!, token, env.JWT_SECRET, quick ? 2 : 5);
    results.api = api;
    for (const a of api) {
      lines.push({ measure: `${a.route}: req/s (p99)`, figure: `${a.appRps.toFixed(0)} (${a.appP99} ms)`, target: "", met: a.errors === 0 });
      lines.push({ measure: "  bare Hono + libSQL: req/s (p99)", figure: `${a.bareRps.toFixed(0)} (${a.bareP99} ms)`, target: "", met: true });
      lines.push({ measure: "  product / bare", figure: `${(a.ratio * 100).toFixed(0)}%`, target: "≥ 70%", met: a.ratio >= 0.7 });
    }

    log("quarterly job…");
    closeServices(services);
    const job = benchQuarterlyJob(dir, env.JWT_SECRET, cache ? Number(cache) : undefined);
    results.quarterlyJob = job;
    lines.push({ measure: `quarterly job, ${unitCount} units: wall time`, figure: `${(job.ms / 1000).toFixed(1)} s`, target: unitCount <= 150 ? "≤ 60 s" : "—", met: unitCount > 150 || job.ms <= 60_000 });
    lines.push({ measure: "  job / floor", figure: `${(job.ms / rollup.floorMs).toFixed(2)}×`, target: "≤ 2×", met: job.ms / rollup.floorMs <= 2 });
    lines.push({ measure: "  peak memory (RSS)", figure: `${(job.peakRssBytes / 2 ** 20).toFixed(0)} MB`, target: "< 256 MB", met: job.peakRssBytes < 256 * 2 ** 20 });
    lines.push({ measure: "  outcome", figure: `${job.status}, ${job.targets - job.failed}/${job.targets}`, target: "all issued", met: job.failed === 0 });

    log("worker bundle…");
    const bundle = await benchBundle();
    results.bundle = bundle;
    lines.push({ measure: "  Worker start-up (load and evaluate the module)", figure: `${bundle.startupMs.toFixed(0)} ms`, target: "< 400 ms", met: bundle.startupMs < 400 });
    lines.push({ measure: "Worker bundle (wrangler --dry-run)", figure: `${bundle.gzipKiB.toFixed(0)} KiB gz`, target: "≤ 250 KiB", met: bundle.gzipKiB <= 250 });

    log("XLSX import…");
    const importServices = await createNodeServices(env, toConfig(env), createLogger("error"));
    const imported = await benchImport(importServices, 5000);
    closeServices(importServices);
    results.import = imported;
    lines.push({ measure: `XLSX import, ${imported.rows} rows (${Math.round(imported.fileBytes / 1024)} KiB)`, figure: `${imported.ms.toFixed(0)} ms`, target: `≤ ${imported.target} ms`, met: imported.ms <= imported.target });

    const budgetSizes = arg("budget") ? arg("budget")!.split(",").map(Number) : quick ? [1_000] : [1_000, 10_000];
    log(`edge budget at ${budgetSizes.join(", ")} units…`);
    const budget = await benchBudget(budgetSizes, log);
    results.budget = { limits: LIMITS, costs: budget };
    for (const c of budget) {
      lines.push({
        measure: `edge ${c.units}: ${c.path}`,
        figure: c.failed ? `failed: ${c.failed.slice(0, 40)}` : `${c.subrequests} sub, ${c.cpuMs} ms, ${c.heapMiB} MiB`,
        target: c.limit.startsWith("≤ 50") ? "≤ 50 sub" : "10× headroom",
        met: c.within,
      });
    }
  } finally {
    closeServices(services);
    if (!process.argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/results.json", `${JSON.stringify({ ...results, lines }, null, 2)}\n`);
  const width = Math.max(...lines.map((l) => l.measure.length));
  console.log(`\n${"measure".padEnd(width)}  ${"figure".padEnd(18)}  ${"target".padEnd(12)}`);
  for (const l of lines) console.log(`${l.measure.padEnd(width)}  ${l.figure.padEnd(18)}  ${l.target.padEnd(12)}  ${l.target ? (l.met ? "met" : "MISSED") : ""}`);
  console.log("\nwritten: bench/results.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
