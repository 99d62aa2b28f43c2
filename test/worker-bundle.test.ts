/**
 * The Worker build leaves out two parts of zod the product never calls (scripts/worker-bundle.ts):
 * the bundle holds the stand-ins, not the code, and nothing the Worker is built from calls them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleWorker } from "../scripts/worker-bundle";

const LEFT_OUT = ["compile", "compileFn", "withParser", "fromJSONSchema"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A use of a left-out zod function: z.compile(…), a named import of it from zod, or zod/compile. */
function callsLeftOut(text: string): string[] {
  const names = LEFT_OUT.join("|");
  const found = [
    ...text.matchAll(new RegExp(`\\bz\\.(${names})\\b`, "g")),
    ...[...text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*["'](zod|@hono\/zod-openapi)[^"']*["']/g)].flatMap((m) =>
      m[1]!.split(",").map((s) => s.trim().split(/\s+as\s+/)[0]!).filter((n) => LEFT_OUT.includes(n)).map((n) => [n]),
    ),
    ...text.matchAll(/["']zod\/(v4\/)?compile["']/g),
  ];
  return found.map((m) => m[0]!);
}

describe("the Worker bundle", () => {
  it("carries the stand-ins for zod's compiler and fromJSONSchema, not their code", async () => {
    const text = await bundleWorker();
    expect(text).toContain("z.compile is left out of the Worker build");
    expect(text).toContain("z.fromJSONSchema is left out of the Worker build");
    // Messages of the real modules (zod/v4/core/compile.js, classic/from-json-schema.js).
    expect(text).not.toContain("this schema must use the runtime parser");
    expect(text).not.toContain("External $ref is not supported");
  });

  it("is built from sources that never call what it leaves out", () => {
    const uses = ["src", "db"].flatMap((dir) => sources(dir).flatMap((file) => callsLeftOut(readFileSync(file, "utf8")).map((use) => `${file}: ${use}`)));
    expect(uses).toEqual([]);
  });

  it("would see such a call (the check can fail)", () => {
    expect(callsLeftOut('const f = z.compile(schema);\nimport { fromJSONSchema as j, z } from "zod";\nimport "zod/compile";')).toEqual(["z.compile", "fromJSONSchema", '"zod/compile"']);
    expect(callsLeftOut("const compiled = compileRules(x); z.object({ compile: z.string() })")).toEqual([]);
  });
});
