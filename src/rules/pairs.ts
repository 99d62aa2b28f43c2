/**
 * The common shape of a per-pair rule (hospital, school, cultural-unit pairs): every pairing of a
 * kind is held to its own figure; the rule passes when every pair keeps up, and otherwise warns
 * while the year runs and fails at its end. Actual and expected count pairs; the evidence lists each
 * pair with its figure, then the records behind it.
 */
import { notApplicable, yearIsOver } from "./progress";
import type { Evidence, PeriodData, Row, RuleResult } from "./types";

/** One pair judged: whether it keeps up, its figure, the records that count, how it reads when behind. */
export interface PairCheck {
  ok: boolean;
  value: number;
  evidence: Evidence[];
  behind: { zh: string; en: string };
}

/** Evidence of an activity that counts toward a pair. */
export function activityEvidence(a: Row, value: number): Evidence {
  return { entity: "activity", id: String(a.id), label: `${String(a.date)} ${String(a.title)}`, value };
}

/**
 * @param none what to say when the unit has no pair of this kind
 * @param check judges one pair, given the activities carrying its id
 * @param explain the explanation from the pairs kept and those behind
 */
export function judgePairs(
  data: PeriodData,
  kind: string,
  none: { zh: string; en: string },
  check: (pairing: Row, activities: Row[]) => PairCheck,
  explain: (kept: number, total: number, behind: { zh: string; en: string }[]) => { zh: string; en: string },
): RuleResult {
  const pairs = data.pairings.filter((p) => p.kind === kind);
  if (pairs.length === 0) return notApplicable("pairs", none.zh, none.en);
  const evidence: Evidence[] = [];
  const behind: { zh: string; en: string }[] = [];
  for (const pairing of pairs) {
    const result = check(pairing, data.activities.filter((a) => a.pairingId === pairing.id));
    evidence.push({ entity: "pairing", id: String(pairing.id), label: String(pairing.counterpart), value: result.value }, ...result.evidence);
    if (!result.ok) behind.push(result.behind);
  }
  const actual = pairs.length - behind.length;
  return {
    status: behind.length === 0 ? "pass" : yearIsOver(data) ? "fail" : "warn",
    actual,
    expected: pairs.length,
    target: pairs.length,
    unit: "pairs",
    explanation: explain(actual, pairs.length, behind),
    evidence,
  };
}
