/** Evaluates a program's rule set over a unit's period data. Pure given its inputs. */
import type { ConfiguredRule } from "./rule-sets";
import type { PeriodData, RuleResult } from "./types";

export interface EvaluatedRule extends RuleResult {
  rule: string;
  title: { zh: string; en: string };
  clause: string;
  period: string;
  params: Record<string, unknown>;
}

export function evaluateRules(data: PeriodData, rules: readonly ConfiguredRule[]): EvaluatedRule[] {
  return rules
    .filter((r) => r.enabled)
    .map(({ rule, params }) => {
      // A quarter-only rule (e.g. quarterly submissions) and annual/term rules all read the same data.
      const result = rule.evaluate(data, params as never);
      return { rule: rule.id, title: rule.title, clause: rule.clause, period: rule.period, params, ...result };
    });
}
