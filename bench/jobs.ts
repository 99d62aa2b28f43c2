/** The quarterly job over every unit of the bench federation, in a clean child process: wall time and peak memory. */
import { execFileSync } from "node:child_process";
import { BENCH_PROGRAM } from "./federation";

export interface JobFigures {
  ms: number;
  peakRssBytes: number;
  status: string;
  targets: number;
  failed: number;
}

export function benchQuarterlyJob(dataDir: string, jwtSecret: string, connectionCache?: number): JobFigures {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/servers/job-runner.ts"], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, JWT_SECRET: jwtSecret, BENCH_PROGRAM, ...(connectionCache ? { TENANT_CONNECTION_CACHE: String(connectionCache) } : {}) },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.split("\n").find((l) => l.startsWith("{"));
  if (!line) throw new Error(`job runner printed no figures:\n${out.slice(0, 500)}`);
  return JSON.parse(line) as JobFigures;
}
