/**
 * A program's rule set, read from the platform database (seeded from the catalog's defaults).
 * Parameters are parsed with the rule's own schema, so a stored set always yields valid parameters.
 */
import { and, eq } from "drizzle-orm";
import { programRules, programs } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { RULES, ruleById } from "./catalog";
import type { Rule } from "./types";

export interface ConfiguredRule {
  rule: Rule;
  enabled: boolean;
  params: Record<string, unknown>;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Inserts the catalog's default rule rows that an existing program lacks (idempotent). */
export async function seedRuleSets(db: PlatformDb): Promise<void> {
  const existing = new Set((await db.select({ slug: programs.slug }).from(programs)).map((p) => p.slug));
  const rows = RULES.flatMap((rule) =>
    rule.programs.filter((program) => existing.has(program)).map((program) => ({ program, rule: rule.id, enabled: true, params: rule.params.parse({}) as Record<string, unknown> })),
  );
  if (rows.length) await db.insert(programRules).values(rows).onConflictDoNothing();
}

/** The rules configured for a program, in catalog order. */
export async function ruleSet(db: PlatformDb, program: string): Promise<ConfiguredRule[]> {
  const rows = await db.select().from(programRules).where(eq(programRules.program, program));
  const out: ConfiguredRule[] = [];
  for (const rule of RULES) {
    const row = rows.find((r) => r.rule === rule.id);
    if (!row) continue;
    const parsed = rule.params.safeParse(row.params ?? {});
    out.push({
      rule,
      enabled: row.enabled,
      params: (parsed.success ? parsed.data : rule.params.parse({})) as Record<string, unknown>,
      version: row.version,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    });
  }
  return out;
}

/**
 * A rule's parameters in a program's set, or the catalog's defaults when the program has no such
 * rule — so a figure outside the rule (alert days, "ending soon") reads the same number the rule does.
 */
export function paramsFor<T>(rules: readonly ConfiguredRule[], rule: { id: string; params: { parse(v: unknown): T } }): T {
  const configured = rules.find((r) => r.rule.id === rule.id);
  return (configured?.params as T | undefined) ?? rule.params.parse({});
}

/** One configured rule of a program, or undefined. */
export async function configuredRule(db: PlatformDb, program: string, ruleId: string): Promise<ConfiguredRule | undefined> {
  const rule = ruleById(ruleId);
  if (!rule) return undefined;
  const [row] = await db.select().from(programRules).where(and(eq(programRules.program, program), eq(programRules.rule, ruleId)));
  if (!row) return undefined;
  return (await ruleSet(db, program)).find((r) => r.rule.id === ruleId);
}
