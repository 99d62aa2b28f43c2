/**
 * The one Worker build: bundles src/worker.ts the way workerd runs it (ESM, worker/browser
 * conditions, minified). Used in memory by the workerd tests, `npm run dev:edge` and the bench, and
 * run as a script by wrangler's `[build] command` for a deploy (writing dist/worker/worker.js).
 *
 * Why our own esbuild rather than wrangler's: zod bundles all 64 of its message locales (258 KiB
 * minified) through a relative import that wrangler's `alias` cannot reach; the Worker needs only
 * English (zod's default) and Simplified Chinese.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** zod's locale index → one that carries English and Simplified Chinese only. */
const zodLocales: Plugin = {
  name: "zod-locales-en-zh",
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: join(ROOT, "src/zod-locales.ts") } : undefined));
  },
};

export async function bundleWorker(entry = "src/worker.ts"): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    target: "es2022",
    external: ["node:*", "cloudflare:*"],
    minify: true,
    plugins: [zodLocales],
    write: false,
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error("esbuild produced no output for the Worker");
  return file.text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = join(ROOT, "dist/worker/worker.js");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await bundleWorker());
  console.log(`Worker bundle written: ${out}`);
}
