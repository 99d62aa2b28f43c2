/**
 * The common shape of a per-town rule (十组团: each Dongguan town with its Shaoguan county): which town
 * a record is credited to, and the judgement — every town holds its figure, else the rule warns while
 * the year runs and fails once it is over. Actual and expected count towns.
 */
import type { TownFact } from "../figures/facts";
import { behindStatus, notApplicable } from "./progress";
import type { RuleInput, RuleResult, Text } from "./types";

/**
 * The town a record belongs to: the town it names (its sub-unit), else the one town grouped with its
 * county. Several towns share a county in a 十组团 group, so a record at a shared county that names no
 * town is credited to none of them (not to all).
 */
export function creditedTown(towns: readonly TownFact[], subUnitId: string | null | undefined, areaCode: string | null): TownFact | undefined {
  const named = subUnitId ? towns.find((t) => t.id === subUnitId) : undefined;
  if (named) return named;
  const sameCounty = towns.filter((t) => t.areaCode === areaCode);
  return sameCounty.length === 1 ? sameCounty[0] : undefined;
}

/**
 * @param keepsUp whether a town holds its figure
 * @param explain the explanation from the towns kept and those behind
 */
export function judgeTowns(input: RuleInput, keepsUp: (town: TownFact) => boolean, explain: (kept: number, total: number, behind: TownFact[]) => Text): RuleResult {
  const towns = input.facts.towns;
  if (towns.length === 0) return notApplicable("count", "本单位没有登记对口帮扶镇街，不适用。", "The unit has no paired towns recorded: not applicable.");
  const behind = towns.filter((t) => !keepsUp(t));
  const kept = towns.length - behind.length;
  return {
    status: behind.length === 0 ? "pass" : behindStatus(input),
    actual: kept,
    expected: towns.length,
    target: towns.length,
    unit: "count",
    explanation: explain(kept, towns.length, behind),
  };
}
