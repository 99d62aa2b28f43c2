/**
 * Bundles src/worker.ts the way wrangler does for workerd (ESM, worker/browser conditions), in
 * memory, so tests and `npm run dev:edge` run the real Worker code without a deploy step.
 */
import { build } from "esbuild";

export async function bundleWorker(entry = "src/worker.ts"): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    target: "es2022",
    external: ["node:*", "cloudflare:*"],
    write: false,
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error("esbuild produced no output for the Worker");
  return file.text;
}
