/**
 * `npm run bench`: measures in one run and prints a table (and bench/results.json). Not part of
 * `npm test`: figures vary with the machine, so nothing here fails on a missed target — a missed
 * target is said, with its figure.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseEnv, toConfig } from "../src/env";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import { benchImport } from "./import";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Line {
  measure: string;
  figure: string;
  target: string;
  met: boolean;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "duikou-bench-"));
  const env = parseEnv({ DUIKOU_ENV: "test", DATA_DIR: dir, DEMO_USERS: "false", DEMO_LEDGER: "false", LOG_LEVEL: "warn" });
  const services = await createNodeServices(env, toConfig(env), createLogger("warn"));
  const lines: Line[] = [];
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import("node:os")).cpus().length }, at: new Date().toISOString() };
  try {
    await bootstrap(services, { seed: true, migrateTenants: true });
    const imported = await benchImport(services, 5000);
    results.import = imported;
    lines.push({ measure: `XLSX import, ${imported.rows} rows (${Math.round(imported.fileBytes / 1024)} KiB)`, figure: `${imported.ms.toFixed(0)} ms`, target: `≤ ${imported.target} ms`, met: imported.ms <= imported.target });
  } finally {
    closeServices(services);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
  const width = Math.max(...lines.map((l) => l.measure.length));
  console.log(`\n${"measure".padEnd(width)}  figure      target        `);
  for (const l of lines) console.log(`${l.measure.padEnd(width)}  ${l.figure.padEnd(10)}  ${l.target.padEnd(12)}  ${l.met ? "met" : "MISSED"}`);
  console.log("\nwritten: bench/results.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
