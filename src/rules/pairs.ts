/**
 * The common shape of a per-pair rule (hospital, school, cultural-unit pairs): every pairing of a
 * kind in force on the judging day is held to its own figure — a pairing that started this year to
 * the part of the year since its start quarter (ceil(target × quarters since start / 4)); one that
 * has not started yet is not judged. The rule passes when every pair keeps up, and otherwise warns
 * while the year runs and fails at its end. Actual and expected count pairs.
 */
import type { PairActivityFact, PairingFact } from "../figures/facts";
import { quarterOf, type Quarter } from "../periods/period";
import { behindStatus, expectedByNow, notApplicable, toDate } from "./progress";
import type { RuleInput, RuleResult, Text } from "./types";

/** One pair judged: whether it keeps up, and how it reads when behind. */
export interface PairCheck {
  ok: boolean;
  behind: Text;
}

/** The pairings of a kind in force on the judging day. */
export function pairsInForce(input: RuleInput, kind: PairingFact["kind"]): PairingFact[] {
  const { asOf, from } = input.period;
  return input.facts.pairings.filter((p) => p.kind === kind && p.startDate <= asOf && (p.endDate === null || p.endDate >= from));
}

/** The quarter from which a pairing is held to the year's figure. */
export function startQuarter(pairing: PairingFact, input: RuleInput): Quarter {
  return pairing.startDate < input.period.from ? 1 : quarterOf(pairing.startDate);
}

/** What a pairing must have reached by the judging day, of a yearly `target`. */
export function dueForPair(target: number, pairing: PairingFact, input: RuleInput): number {
  return expectedByNow(target, input, startQuarter(pairing, input));
}

/** The period's activity facts that name a pairing. */
export function pairActivities(input: RuleInput, pairingId: string): PairActivityFact[] {
  return toDate(input.facts.pairActivities, input).filter((a) => a.pairingId === pairingId);
}

/**
 * @param none what to say when the unit has no pair of this kind
 * @param check judges one pair
 * @param explain the explanation from the pairs kept and those behind
 */
export function judgePairs(
  input: RuleInput,
  kind: PairingFact["kind"],
  none: Text,
  check: (pairing: PairingFact) => PairCheck,
  explain: (kept: number, total: number, behind: Text[]) => Text,
): RuleResult {
  const pairs = pairsInForce(input, kind);
  if (pairs.length === 0) return notApplicable("pairs", none.zh, none.en);
  const behind: Text[] = [];
  for (const pairing of pairs) {
    const result = check(pairing);
    if (!result.ok) behind.push(result.behind);
  }
  const actual = pairs.length - behind.length;
  return {
    status: behind.length === 0 ? "pass" : behindStatus(input),
    actual,
    expected: pairs.length,
    target: pairs.length,
    unit: "pairs",
    explanation: explain(actual, pairs.length, behind),
  };
}
