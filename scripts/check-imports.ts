/**
 * The import graph's two rules, checked by `npm run check:imports` and the suite (test/import-graph.test.ts):
 * no cycle among the modules under src/ and db/ (a value import either way; `import type` is erased and
 * does not count), and nothing under db/ — schemas and migrations only — imports from src/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+["']([^"']+)["']/gm;

function modules(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) modules(path, into);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) into.push(path);
  }
  return into;
}

function target(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), base]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

export interface ImportProblems {
  cycles: string[][];
  dbToSrc: string[];
}

export function checkImports(root = ROOT): ImportProblems {
  const files = [...modules(join(root, "src")), ...modules(join(root, "db"))];
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const out: string[] = [];
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      if (m[1] || !m[2]!.startsWith(".")) continue;
      const t = target(file, m[2]!);
      if (t) out.push(t);
    }
    edges.set(file, out);
  }
  // Tarjan's strongly connected components: each of more than one module is a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(relative(root, w));
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  const dbToSrc = [...edges].flatMap(([from, to]) => (relative(root, from).startsWith("db/") ? to.filter((t) => relative(root, t).startsWith("src/")).map((t) => `${relative(root, from)} → ${relative(root, t)}`) : []));
  return { cycles, dbToSrc };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { cycles, dbToSrc } = checkImports();
  for (const c of cycles) console.error(`cycle: ${c.join(" ⇄ ")}`);
  for (const e of dbToSrc) console.error(`db/ imports src/: ${e}`);
  if (cycles.length || dbToSrc.length) process.exit(1);
  console.log("imports: no cycle, and db/ imports nothing from src/");
}
