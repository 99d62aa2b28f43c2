import { describe, expect, it } from "vitest";
import { PROGRAMS } from "../../src/seed/structure";
import { ASSESSMENT_BASIS } from "../../src/reports/assessment-basis";
import { RULES } from "../../src/rules/catalog";
import { INDICATORS } from "../../src/rules/indicators";

import { documentSays, flat, policyText } from "../support/policy";

describe("the rule catalog", () => {
  it("has unique ids and every rule in at least one real program", async () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const programs = new Set(PROGRAMS.map((p) => p.slug));
    for (const rule of RULES) {
      expect(rule.programs.length, rule.id).toBeGreaterThan(0);
      for (const p of rule.programs) expect(programs.has(p), `${rule.id} → ${p}`).toBe(true);
    }
  });

  it("gives every rule default parameters that its own schema accepts", async () => {
    for (const rule of RULES) expect(() => rule.params.parse({}), rule.id).not.toThrow();
  });

  it("quotes each clause word for word from the document it cites (policy/, vendored: never skipped)", () => {
    for (const rule of RULES) {
      const files = rule.clause.split(";").map((c) => c.trim().split(" ")[0]!);
      const texts = files.map((file) => flat(policyText(file)));
      for (const part of rule.quote.split(" / ")) {
        expect(texts.some((text) => text.includes(flat(part))), `${rule.id}: "${part.slice(0, 30)}…" not found in ${files.join(", ")}`).toBe(true);
      }
    }
  });
});

describe("the indicators", () => {
  it("take each rule-checked figure from that rule's parameter, which exists and holds a number", () => {
    for (const indicator of INDICATORS) {
      if (!indicator.param) {
        expect(indicator.target, indicator.key).toBeTypeOf("number");
        continue;
      }
      const rule = RULES.find((r) => r.id === indicator.param!.rule);
      expect(rule?.programs, `${indicator.key} → ${indicator.param.rule}`).toContain(indicator.program);
      expect((rule!.params.parse({}) as Record<string, unknown>)[indicator.param.key], indicator.key).toBeTypeOf("number");
    }
  });
});

describe("the annual assessment's basis", () => {
  it("names, for every program, the clause its assessment rests on, quoted word for word", () => {
    for (const program of PROGRAMS) {
      const basis = ASSESSMENT_BASIS[program.slug];
      expect(basis, program.slug).toBeDefined();
      expect(basis!.clause.split(" ")[0], program.slug).toBe(program.document);
      expect(documentSays(program.document, basis!.quote), program.slug).toBe(true);
    }
    // Only the 2016 document sets dimensions to score (§14).
    expect(PROGRAMS.filter((p) => ASSESSMENT_BASIS[p.slug]!.dimensions).map((p) => p.slug)).toEqual(["gd-east-west-2016"]);
  });
});
