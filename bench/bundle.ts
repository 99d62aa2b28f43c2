/** The Worker bundle's size as `wrangler deploy --dry-run` reports it (gzip). */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function benchBundle(): { totalKiB: number; gzipKiB: number } {
  mkdirSync("web/dist", { recursive: true }); // the assets directory wrangler checks for
  const out = mkdtempSync(join(tmpdir(), "duikou-bundle-"));
  try {
    const text = execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", out], { encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
    const m = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(text);
    if (!m) throw new Error(`cannot read the bundle size from wrangler's output:\n${text.slice(0, 500)}`);
    return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
