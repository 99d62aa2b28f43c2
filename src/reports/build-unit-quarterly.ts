/**
 * 季度工作进展报告: one unit's quarter for one program — the quarter's and the year's funds,
 * projects, cadres (counts only), activities against targets, rule results with their explanations,
 * and the unit's own narrative. Pure: the issuing code gathers the inputs.
 */
import { clauseLabel, type DocumentInfo } from "../rules/clause-label";
import { ACTIVITY_KIND_LABELS } from "../ledger/resources/activities";
import { CADRE_LEVEL_LABELS } from "../ledger/resources/cadres";
import { PROJECT_STATUS_LABELS } from "../ledger/resources/projects";
import type { TargetFact } from "../figures/facts";
import type { EvaluatedRule } from "../figures/judge";
import type { Summary } from "../figures/summary";

type UnitSummary = Summary & { targets?: TargetFact[] };
import { INDICATORS } from "../rules/indicators";
import type { Cell, ReportDocument, ReportTable } from "./document";
import { STATUS_LABELS } from "./labels";

export interface UnitQuarterlyInput {
  unit: { slug: string; name: string };
  program: { slug: string; name: string; coordinator: string };
  year: number;
  quarter: 1 | 2 | 3 | 4;
  date: string;
  quarterOnly: UnitSummary;
  yearToDate: UnitSummary;
  rules: EvaluatedRule[];
  submission: { progress: string; problems: string; nextSteps: string; status: string; submittedAt: string | null } | null;
  projects: { title: string; area: string; status: string; budgetFen: number; grassroots: boolean }[];
  areaNames: Record<string, string>;
  /** Every program's document, so a rule's clause is cited by title and number (a rule may cite another program's document). */
  documents: readonly DocumentInfo[];
  /** The window "ending soon" was counted with (the program's cadre-terms parameter). */
  cadreWarnDays: number;
}

const QUARTER = ["", "一", "二", "三", "四"];

function fundsTable(q: UnitSummary, y: UnitSummary): ReportTable {
  const row = (label: string, pick: (s: UnitSummary["funds"]) => number): Cell[] => [label, { fen: pick(q.funds) }, { fen: pick(y.funds) }];
  return {
    title: "资金情况（万元）",
    columns: ["项目", "本季度", "本年累计"],
    rows: [
      row("安排（拨入）资金", (f) => f.allocatedFen),
      row("拨付资金", (f) => f.disbursedFen),
      row("其中：受援地确认到位", (f) => f.confirmedFen ?? 0),
      row("社会捐赠", (f) => f.donationsFen),
      row("企业投资", (f) => f.investmentFen),
      row("其中：用于基层和民生", (f) => f.grassrootsInFen),
    ],
    total: ["投入合计", { fen: q.funds.inFen }, { fen: y.funds.inFen }],
  };
}

function fundsByArea(y: UnitSummary, names: Record<string, string>): ReportTable {
  const rows = Object.entries(y.byArea)
    .filter(([, s]) => s.inFen || s.disbursedFen || s.projects)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, s]): Cell[] => [names[code] ?? code, { fen: s.inFen }, { fen: s.grassrootsInFen }, { fen: s.disbursedFen }, { fen: s.confirmedFen ?? 0 }, s.projects]);
  return { title: "分受援地情况（本年累计，万元）", columns: ["受援地", "投入资金", "其中基层民生", "已拨付", "受援地确认到位", "项目数"], rows };
}

function activitiesTable(q: UnitSummary, y: UnitSummary): ReportTable {
  const kinds = Object.keys({ ...y.activities }).sort();
  return {
    title: "工作台账（本季度 / 本年累计）",
    columns: ["事项", "本季度次数", "本年次数", "本年人数/人次", "本年数量"],
    rows: kinds.map((k): Cell[] => [
      ACTIVITY_KIND_LABELS[k as keyof typeof ACTIVITY_KIND_LABELS] ?? k,
      q.activities[k]?.count ?? 0,
      y.activities[k]?.count ?? 0,
      y.activities[k]?.people ?? 0,
      y.activities[k]?.quantity ?? 0,
    ]),
  };
}

function rulesTable(rules: EvaluatedRule[], documents: readonly DocumentInfo[]): ReportTable {
  return {
    title: "政策要求核查结果",
    columns: ["要求", "依据", "结果", "说明"],
    rows: rules.map((r): Cell[] => [r.title.zh, clauseLabel(r.clause, documents), STATUS_LABELS[r.status], r.explanation.zh]),
  };
}

function targetsTable(y: UnitSummary): ReportTable | null {
  if (!y.targets?.length) return null;
  return {
    title: "年度目标",
    columns: ["指标", "年度目标", "来源"],
    rows: y.targets.map((t): Cell[] => {
      const indicator = INDICATORS.find((i) => i.key === t.indicator);
      const value: Cell = indicator?.unit === "fen" ? { fen: t.target } : t.target;
      return [indicator?.label.zh ?? t.indicator, value, t.source === "manual" ? "本单位调整" : "政策文件"];
    }),
  };
}

export function buildUnitQuarterly(input: UnitQuarterlyInput): ReportDocument {
  const { unit, program, year, quarter, quarterOnly: q, yearToDate: y } = input;
  const counts = { pass: 0, warn: 0, fail: 0, not_applicable: 0 };
  for (const r of input.rules) counts[r.status] += 1;
  const narrative = input.submission;
  const overview = [
    `${year}年第${QUARTER[quarter]}季度，本单位围绕《${program.name}》确定的任务推进对口帮扶工作。本季度投入资金 ${(q.funds.inFen / 1_000_000).toFixed(2)} 万元，本年累计 ${(y.funds.inFen / 1_000_000).toFixed(2)} 万元，其中用于基层和民生 ${(y.funds.grassrootsInFen / 1_000_000).toFixed(2)} 万元。`,
    `政策要求核查 ${input.rules.length} 项：达标 ${counts.pass} 项，进度滞后 ${counts.warn} 项，未达标 ${counts.fail} 项，不适用 ${counts.not_applicable} 项。`,
  ];
  const statusRows = Object.entries(y.projects.byStatus).map(([s, n]): Cell[] => [PROJECT_STATUS_LABELS[s as keyof typeof PROJECT_STATUS_LABELS] ?? s, n]);
  const cadreRows = Object.entries(y.cadres.byLevel).map(([l, n]): Cell[] => [CADRE_LEVEL_LABELS[l as keyof typeof CADRE_LEVEL_LABELS] ?? l, n]);
  const targets = targetsTable(y);
  return {
    title: `${unit.name}${year}年第${QUARTER[quarter]}季度对口帮扶工作进展报告`,
    issuer: unit.name,
    recipient: program.coordinator,
    date: input.date,
    subtitle: `${program.name}（${year}年1月1日至第${QUARTER[quarter]}季度末）`,
    sections: [
      { heading: "总体情况", paragraphs: [...overview, ...(narrative?.progress ? [narrative.progress] : ["本季度报送尚未填写工作进展。"])], tables: [] },
      { heading: "资金投入", paragraphs: [], tables: [fundsTable(q, y), fundsByArea(y, input.areaNames)] },
      {
        heading: "项目实施",
        paragraphs: [`本年项目 ${y.projects.total} 个，其中基层民生项目 ${y.projects.grassroots} 个，预算合计 ${(y.projects.budgetFen / 1_000_000).toFixed(2)} 万元。`],
        tables: [
          { title: "项目状态", columns: ["状态", "项目数"], rows: statusRows, total: ["合计", y.projects.total] },
          {
            title: "本年项目清单",
            columns: ["项目名称", "受援地", "状态", "预算（万元）", "基层民生"],
            rows: input.projects.map((p): Cell[] => [p.title, p.area, PROJECT_STATUS_LABELS[p.status as keyof typeof PROJECT_STATUS_LABELS] ?? p.status, { fen: p.budgetFen }, p.grassroots ? "是" : "否"]),
          },
        ],
      },
      {
        heading: "干部人才",
        paragraphs: [`在岗挂职干部 ${y.cadres.inPost} 人，其中 ${input.cadreWarnDays} 日内期满 ${y.cadres.endingSoon} 人，已超期 ${y.cadres.overdue} 人。`],
        tables: cadreRows.length ? [{ title: "在岗挂职干部（按职级）", columns: ["职级", "人数"], rows: cadreRows, total: ["合计", y.cadres.inPost] }] : [],
      },
      { heading: "工作台账与年度目标", paragraphs: [], tables: [activitiesTable(q, y), ...(targets ? [targets] : [])] },
      { heading: "政策要求落实情况", paragraphs: [], tables: [rulesTable(input.rules, input.documents)] },
      { heading: "存在问题", paragraphs: [narrative?.problems || "无。"], tables: [] },
      { heading: "下一步工作", paragraphs: [narrative?.nextSteps || "无。"], tables: [] },
    ],
  };
}
