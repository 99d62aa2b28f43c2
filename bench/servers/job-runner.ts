/** Runs the quarterly report job over the bench federation in a clean process and prints its time and peak memory. */
import { parseEnv, toConfig } from "../../src/env";
import { createLogger } from "../../src/log";
import { startReportRun } from "../../src/jobs/report-jobs";
import { runSummary } from "../../src/jobs/runs";
import { createNodeServices } from "../../src/node-services";

const env = parseEnv({ ...process.env, DUIKOU_ENV: "test", LOG_LEVEL: "error" });
const services = await createNodeServices(env, toConfig(env), createLogger("error"));
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
const runId = await startReportRun(services, services.queue, "quarterly", { year: 2026, quarter: 4 }, { programs: [process.env.BENCH_PROGRAM!] });
const ms = performance.now() - started;
clearInterval(sampler);
const summary = await runSummary(services.platform, runId);
console.log(JSON.stringify({ ms, peakRssBytes: Math.max(peak, process.memoryUsage().rss), status: summary.status, targets: summary.outcomes.length, failed: summary.outcomes.filter((o) => !o.ok).length }));
process.exit(0);
