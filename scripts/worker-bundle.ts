/**
 * The one Worker build: bundles src/worker.ts the way workerd runs it (ESM, worker/browser
 * conditions, minified). Used in memory by the workerd tests, `npm run dev:edge` and the bench, and
 * run as a script by wrangler's `[build] command` for a deploy (writing dist/worker/worker.js).
 *
 * Why our own esbuild rather than wrangler's: zod bundles all 64 of its message locales (258 KiB
 * minified) through a relative import that wrangler's `alias` cannot reach; the Worker needs only
 * English (zod's default) and Simplified Chinese. The same reach leaves out two parts of zod the
 * product never calls but the `z` namespace keeps (tools given `z` itself, such as zod-to-openapi,
 * defeat tree-shaking): the opt-in ahead-of-time compiler (`z.compile`, 30 KiB minified; zod's parser
 * never imports it, and it generates code with `new Function`, which Workers refuse anyway) and
 * `z.fromJSONSchema` (12 KiB). Both are replaced by stand-ins that throw if ever called;
 * test/worker-bundle.test.ts checks that nothing in src/ calls them.
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

/** zod modules the Worker leaves out → what stands in for them (the same exports, throwing). */
const ZOD_LEFT_OUT: Record<string, string> = {
  "core/compile.js": [
    'export const INVALID = Symbol.for("zod.compile.invalid");',
    "export class ZodCompileAsyncError extends Error {}",
    "export class ZodCompileUnsupportedError extends Error {}",
    ...["compile", "compileFn", "withParser"].map((name) => `export function ${name}() { throw new Error("z.${name} is left out of the Worker build (scripts/worker-bundle.ts)"); }`),
  ].join("\n"),
  "classic/from-json-schema.js": 'export function fromJSONSchema() { throw new Error("z.fromJSONSchema is left out of the Worker build (scripts/worker-bundle.ts)"); }',
};

const zodLeftOut: Plugin = {
  name: "zod-left-out",
  setup(b) {
    b.onResolve({ filter: /^\.\/(compile|from-json-schema)\.js$/ }, (args) => {
      const dir = /[\\/]zod[\\/]v4[\\/](core|classic)$/.exec(args.resolveDir)?.[1];
      const key = `${dir}/${args.path.slice(2)}`;
      return key in ZOD_LEFT_OUT ? { path: key, namespace: "zod-left-out" } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "zod-left-out" }, (args) => ({ contents: ZOD_LEFT_OUT[args.path]!, loader: "js" }));
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
    plugins: [zodLocales, zodLeftOut],
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
