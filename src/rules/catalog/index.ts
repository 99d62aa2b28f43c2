/** Every rule, by id. Each program's rule set (which rules, which parameters) starts from `programs` of each rule. */
import type { Rule } from "../types";
import { mainLeaderVisits } from "./main-leader-visits";

export const RULES: readonly Rule[] = [mainLeaderVisits];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
