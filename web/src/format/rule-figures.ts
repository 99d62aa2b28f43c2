/** A rule result's figures in words: "4,200 / 10,000", money in 万元, shares in %. */
import type { RuleResult, RuleUnit } from "../api/types";
import { t, type MessageKey } from "../i18n";
import { count, fenToWan } from "./money";

const SUFFIX: Record<RuleUnit, MessageKey | null> = {
  count: null,
  person_times: "unit.personTimes",
  pairs: "unit.pairs",
  cadres: "unit.cadres",
  percent: null,
  fen: "unit.wan",
};

/** One figure of a rule with its unit. */
export function ruleFigure(value: number | null, unit: RuleUnit): string {
  if (value === null) return "—";
  if (unit === "fen") return `${fenToWan(value)} ${t("unit.wan")}`;
  if (unit === "percent") return `${value}%`;
  const suffix = SUFFIX[unit];
  return suffix ? `${count(value)} ${t(suffix)}` : count(value);
}

/** "完成 1 · 截至本期应达 2 · 全年 2" */
export function ruleProgressText(r: Pick<RuleResult, "actual" | "expected" | "target" | "unit">): string {
  const parts = [t("rule.actual", { value: ruleFigure(r.actual, r.unit) })];
  if (r.expected !== null && r.expected !== r.target) parts.push(t("rule.expected", { value: ruleFigure(r.expected, r.unit) }));
  if (r.target !== null) parts.push(t("rule.target", { value: ruleFigure(r.target, r.unit) }));
  return parts.join(" · ");
}

const SEVERITY: Record<string, number> = { fail: 0, warn: 1, pass: 2, not_applicable: 3 };

/** Results with the most urgent first (stable within a status). */
export function bySeverity<T extends { status: string }>(results: T[]): T[] {
  return [...results].sort((a, b) => (SEVERITY[a.status] ?? 9) - (SEVERITY[b.status] ?? 9));
}
