/**
 * The Worker bundle: its size as `wrangler deploy --dry-run` reports it (gzip), and its start-up —
 * the time to load and evaluate the module (what an isolate does before its first event), measured
 * by importing the same build in Node. Workers allow 1 s of start-up (400 ms before 2025).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleWorker } from "../scripts/worker-bundle";

export async function benchBundle(): Promise<{ totalKiB: number; gzipKiB: number; startupMs: number }> {
  mkdirSync("web/dist", { recursive: true }); // the assets directory wrangler checks for
  const out = mkdtempSync(join(tmpdir(), "duikou-bundle-"));
  try {
    const text = execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", out], { encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
    const m = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(text);
    if (!m) throw new Error(`cannot read the bundle size from wrangler's output:\n${text.slice(0, 500)}`);
    const file = join(out, "startup.mjs");
    writeFileSync(file, await bundleWorker());
    const started = performance.now();
    await import(pathToFileURL(file).href);
    const startupMs = performance.now() - started;
    return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]), startupMs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
