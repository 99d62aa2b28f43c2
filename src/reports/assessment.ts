/**
 * The annual assessment (年度考核) on the five dimensions of
 * 2016-guangdong-east-west-poverty-collaboration.txt §14:
 * 「重点考核减贫成效、劳务协作、产业合作、人才支援、资金支持 5 个方面。」
 *
 * Each dimension is measured by named indicators taken from a unit's year summary. An indicator
 * scores 100 for the best unit of the program and proportionally less for the others (0 when no unit
 * has any); a dimension is the weighted mean of its indicators; the total is the weighted sum of the
 * dimensions. Weights are the coordinator's to tune and are kept with each issued assessment.
 */
import { z } from "zod";
import type { Summary as UnitSummary } from "../figures/summary";

export interface Indicator {
  key: string;
  label: string;
  /** The figure of one unit's year. */
  value: (s: UnitSummary) => number;
}

export interface Dimension {
  key: "poverty" | "labour" | "industry" | "talent" | "funds";
  label: string;
  indicators: Indicator[];
}

const activity = (s: UnitSummary, kind: string, field: "count" | "people" | "quantity" | "amountFen") => s.activities[kind]?.[field] ?? 0;

export const DIMENSIONS: readonly Dimension[] = [
  {
    key: "poverty",
    label: "减贫成效",
    indicators: [
      { key: "beneficiaries_lifted", label: "项目带动脱贫人口", value: (s) => s.projects.beneficiariesLifted ?? 0 },
      { key: "beneficiaries", label: "项目受益人数", value: (s) => s.projects.beneficiaries ?? 0 },
      { key: "grassroots_projects", label: "基层民生项目数", value: (s) => s.projects.grassroots },
    ],
  },
  {
    key: "labour",
    label: "劳务协作",
    indicators: [
      { key: "job_postings", label: "推送就业岗位数", value: (s) => activity(s, "job_posting", "quantity") },
      { key: "employment_projects", label: "就业类项目数", value: (s) => s.projects.byCategory?.employment ?? 0 },
      { key: "training_people", label: "培训人数", value: (s) => activity(s, "training", "people") },
    ],
  },
  {
    key: "industry",
    label: "产业合作",
    indicators: [
      { key: "industry_projects", label: "产业合作项目数", value: (s) => s.projects.byCategory?.industry ?? 0 },
      { key: "enterprise_investment", label: "企业投资额", value: (s) => s.funds.investmentFen },
      { key: "consumption", label: "消费帮扶采购额", value: (s) => activity(s, "purchase", "amountFen") },
    ],
  },
  {
    key: "talent",
    label: "人才支援",
    indicators: [
      { key: "cadres", label: "在岗挂职干部", value: (s) => s.cadres.inPost },
      { key: "exchanges", label: "人员交流人次", value: (s) => activity(s, "exchange", "people") },
      { key: "teaching_research", label: "教研与专题活动", value: (s) => activity(s, "teaching_research", "count") + activity(s, "seminar", "count") },
    ],
  },
  {
    key: "funds",
    label: "资金支持",
    indicators: [
      { key: "funds_in", label: "投入资金", value: (s) => s.funds.inFen },
      { key: "grassroots_funds", label: "基层民生资金", value: (s) => s.funds.grassrootsInFen },
      { key: "disbursed", label: "已拨付资金", value: (s) => s.funds.disbursedFen },
    ],
  },
];

/** Weights: per dimension (summing to 100) and per indicator within its dimension (relative). */
export const weightsSchema = z
  .object({
    dimensions: z.record(z.enum(["poverty", "labour", "industry", "talent", "funds"]), z.number().min(0).max(100)),
    indicators: z.record(z.string(), z.number().min(0).max(100)).default({}),
  })
  .refine((w) => Math.abs(Object.values(w.dimensions).reduce((a, b) => a + b, 0) - 100) < 1e-6, "五个方面的权重之和应为 100 | The five dimension weights must add up to 100");

export type Weights = z.infer<typeof weightsSchema>;

export const DEFAULT_WEIGHTS: Weights = {
  dimensions: { poverty: 20, labour: 20, industry: 20, talent: 20, funds: 20 },
  indicators: Object.fromEntries(DIMENSIONS.flatMap((d) => d.indicators.map((i) => [i.key, 1]))),
};

export interface Scored {
  unit: string;
  name: string;
  total: number;
  dimensions: Record<Dimension["key"], number>;
  rank: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Every indicator's figure for one unit's year: stored with each judgement, so ranking a program
 * reads a dozen numbers per unit, not its summary.
 */
export function indicatorValues(s: UnitSummary): Record<string, number> {
  return Object.fromEntries(DIMENSIONS.flatMap((d) => d.indicators.map((i) => [i.key, i.value(s)])));
}

/**
 * Scores and ranks the units of a program from their indicator values.
 * @example score([{ unit: "a", name: "甲", values: indicatorValues(summary) }], DEFAULT_WEIGHTS)
 */
export function score(units: { unit: string; name: string; values: Record<string, number> }[], weights: Weights): Scored[] {
  const max: Record<string, number> = {};
  const value = (u: { values: Record<string, number> }, key: string) => u.values[key] ?? 0;
  for (const d of DIMENSIONS) for (const i of d.indicators) max[i.key] = units.reduce((m, u) => Math.max(m, value(u, i.key)), 0);
  const scored = units.map((u) => {
    const dimensions = {} as Record<Dimension["key"], number>;
    let total = 0;
    for (const d of DIMENSIONS) {
      let weighted = 0;
      let weightSum = 0;
      for (const i of d.indicators) {
        const w = weights.indicators[i.key] ?? 1;
        const top = max[i.key] ?? 0;
        weighted += w * (top > 0 ? (100 * value(u, i.key)) / top : 0);
        weightSum += w;
      }
      const dimension = weightSum > 0 ? weighted / weightSum : 0;
      dimensions[d.key] = round1(dimension);
      total += ((weights.dimensions[d.key] ?? 0) * dimension) / 100;
    }
    return { unit: u.unit, name: u.name, total: round1(total), dimensions, rank: 0 };
  });
  scored.sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit));
  // Equal totals share a rank (1, 2, 2, 4).
  scored.forEach((s, i) => (s.rank = i > 0 && s.total === scored[i - 1]!.total ? scored[i - 1]!.rank : i + 1));
  return scored;
}
