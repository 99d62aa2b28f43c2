/**
 * API throughput and p99 latency on loopback with autocannon (bounded: a few seconds per run), for a
 * list route and a write route of the product, against a bare Hono + libSQL server doing the same
 * query and the same write. Both servers run as child processes over the same data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";

export interface ThroughputFigures {
  route: string;
  appRps: number;
  appP99: number;
  bareRps: number;
  bareP99: number;
  ratio: number;
  errors: number;
}

async function startServer(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, port };
}

function load(opts: { url: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string; seconds: number }) {
  return autocannon({ url: opts.url, method: opts.method ?? "GET", headers: opts.headers ?? {}, ...(opts.body ? { body: opts.body } : {}), connections: 10, duration: opts.seconds });
}

export async function benchApi(dataDir: string, unit: string, token: string, jwtSecret: string, seconds = 5): Promise<ThroughputFigures[]> {
  const env = { DATA_DIR: dataDir, JWT_SECRET: jwtSecret, BENCH_TENANT_FILE: join(dataDir, "tenants", `${unit}.db`) };
  const app = await startServer("bench/servers/app-server.ts", env);
  const bare = await startServer("bench/servers/bare-server.ts", env);
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const body = JSON.stringify({ kind: "other", date: "2026-06-01", title: "基准写入" });
  const figures: ThroughputFigures[] = [];
  try {
    for (const route of ["list", "write"] as const) {
      const appRun = await load(
        route === "list"
          ? { url: `http://127.0.0.1:${app.port}/api/t/${unit}/activities?limit=50`, headers: auth, seconds }
          : { url: `http://127.0.0.1:${app.port}/api/t/${unit}/activities`, method: "POST", headers: auth, body, seconds },
      );
      const bareRun = await load(
        route === "list" ? { url: `http://127.0.0.1:${bare.port}/list`, seconds } : { url: `http://127.0.0.1:${bare.port}/write`, method: "POST", headers: auth, body, seconds },
      );
      figures.push({
        route: route === "list" ? `GET /api/t/{unit}/activities?limit=50` : "POST /api/t/{unit}/activities",
        appRps: appRun.requests.average,
        appP99: appRun.latency.p99,
        bareRps: bareRun.requests.average,
        bareP99: bareRun.latency.p99,
        ratio: appRun.requests.average / bareRun.requests.average,
        errors: appRun.errors + appRun.non2xx + bareRun.errors + bareRun.non2xx,
      });
    }
  } finally {
    app.child.kill("SIGTERM");
    bare.child.kill("SIGTERM");
  }
  return figures;
}
