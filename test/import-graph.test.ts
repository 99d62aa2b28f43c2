/** The import graph's rules (scripts/check-imports.ts): no cycle, and db/ imports nothing from src/. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkImports } from "../scripts/check-imports";

describe("the import graph", () => {
  it("has no cycle under src/ and db/, and db/ holds no import of src/", () => {
    expect(checkImports()).toEqual({ cycles: [], dbToSrc: [] });
  });

  it("finds a cycle and a db/ → src/ import where there is one (the check can fail)", () => {
    const root = mkdtempSync(join(tmpdir(), "duikou-imports-"));
    try {
      mkdirSync(join(root, "src"));
      mkdirSync(join(root, "db"));
      writeFileSync(join(root, "src", "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
      writeFileSync(join(root, "src", "b.ts"), 'import { a } from "./a";\nimport type { T } from "./c";\nexport const b = () => a;\n');
      writeFileSync(join(root, "src", "c.ts"), 'import { b } from "./b";\nexport type T = typeof b;\n');
      writeFileSync(join(root, "db", "seed.ts"), 'import { a } from "../src/a";\nexport const seed = a;\n');
      // b ⇄ a is a cycle; c → b with b ⇢ c only as a type is not.
      expect(checkImports(root)).toEqual({ cycles: [["src/a.ts", "src/b.ts"]], dbToSrc: ["db/seed.ts → src/a.ts"] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
