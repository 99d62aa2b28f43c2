/**
 * The coordinating office's reports, from the federated rollup: the quarterly program report (by
 * area, group and unit; who has not submitted; who lags on which rule; who excels — the documents
 * ask the office to name both, 2022-dongguan-shaoguan-three-year-action-plan.txt §五(五)) and the
 * annual assessment (five dimensions, ranking, annual rule results). Pure.
 */
import { sectionText } from "../rules/clause-label";
import { REPORT_UNITS_LISTED, UNITS_NAMED, type ProgramRollup, type UnitTableRow } from "../rollup/rollup";
import { DIMENSIONS, type Scored, type Weights } from "./assessment";
import type { AssessmentBasis } from "./assessment-basis";
import type { Cell, ReportDocument, ReportSection } from "./document";
import { STATUS_LABELS } from "./labels";

export interface ProgramInput {
  program: { slug: string; name: string; coordinator: string; docNumber: string };
  rollup: ProgramRollup;
  /** Every member unit's row (the rollup itself answers a page). */
  units: UnitTableRow[];
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  date: string;
}

const QUARTER = ["", "一", "二", "三", "四"];
const wan = (fen: number) => (fen / 1_000_000).toFixed(2);
const names = (input: ProgramInput) => new Map([...Object.entries(input.rollup.names), ...input.units.map((u): [string, string] => [u.unit, u.name])]);

/** A group's members (besides its lead) by name; a group larger than the rollup lists says how many. */
function membersText(g: ProgramRollup["areas"][number]["group"]): string {
  const listed = g.members.filter((m) => m.role === "member").map((m) => m.name);
  const members = g.memberCount - (g.lead ? 1 : 0);
  return members > listed.length ? `${listed.join("、")}等 ${members} 个单位` : listed.join("、");
}

function areaSection(r: ProgramRollup): ReportSection {
  return {
    heading: "分受援地（帮扶集团）情况",
    paragraphs: ["各受援地数据为该帮扶集团牵头单位与成员单位各自登记数据之和，不重复计算。"],
    tables: [
      {
        title: "分受援地汇总（本年累计，万元）",
        columns: ["受援地", "牵头单位", "成员单位", "投入资金", "其中基层民生", "基层民生占比", "项目数", "在岗挂职干部"],
        rows: r.areas.map((a): Cell[] => [
          a.group.area.fullName,
          a.group.lead?.name ?? "",
          membersText(a.group),
          { fen: a.sums.inFen },
          { fen: a.sums.grassrootsInFen },
          a.sums.grassrootsSharePercent === null ? "—" : `${a.sums.grassrootsSharePercent}%`,
          a.sums.projects,
          a.sums.cadresInPost,
        ]),
        total: ["合计", "", "", { fen: r.areas.reduce((s, a) => s + a.sums.inFen, 0) }, { fen: r.areas.reduce((s, a) => s + a.sums.grassrootsInFen, 0) }, "", r.areas.reduce((s, a) => s + a.sums.projects, 0), r.areas.reduce((s, a) => s + a.sums.cadresInPost, 0)],
      },
    ],
  };
}

function unitSection(input: ProgramInput): ReportSection {
  const r = input.rollup;
  return {
    heading: "分帮扶单位情况",
    paragraphs: [
      ...(input.units.length < r.totals.units ? [`本期共 ${r.totals.units} 个帮扶单位，下表列出政策要求滞后最多的 ${input.units.length} 个；各单位数据见帮扶工作汇总。`] : []),
      ...(r.totals.staleUnits ? [`另有 ${r.totals.staleUnits} 个单位的数据未能及时更新，表中为其最近一次数据，已标注。`] : []),
    ],
    tables: [
      {
        title: "分帮扶单位汇总（本年累计，万元）",
        columns: ["帮扶单位", "投入资金", "已拨付", "项目数", "在岗挂职干部", "达标", "滞后", "未达标", "数据时间"],
        rows: input.units.map((u): Cell[] => [
          u.name,
          { fen: u.inFen },
          { fen: u.disbursedFen },
          u.projects,
          u.cadresInPost,
          u.pass,
          u.warn,
          u.fail,
          `${(u.takenAt ?? "").slice(0, 16).replace("T", " ")}${u.stale ? "（未及时更新）" : ""}`,
        ]),
      },
    ],
  };
}

/** Names, and past `UNITS_NAMED` how many more. */
function named(slugs: readonly string[], count: number, n: Map<string, string>): string {
  const list = slugs.slice(0, UNITS_NAMED).map((s) => n.get(s) ?? s).join("、");
  return count > UNITS_NAMED ? `${list}等 ${count} 个单位` : list;
}

function lagSection(input: ProgramInput): ReportSection {
  const r = input.rollup;
  const n = names(input);
  return {
    heading: "先进与滞后",
    paragraphs: [
      r.totals.excellingUnits ? `各项要求均达标的单位：${named(r.excelling, r.totals.excellingUnits, n)}。` : "本期无全部要求均达标的单位。",
      r.totals.laggingUnits ? `有 ${r.totals.laggingUnits} 个单位存在进度滞后或未达标的要求，见下表。` : "本期无进度滞后或未达标的单位。",
    ],
    tables: r.lagging.length ? [lagByRule(r, n)] : [],
  };
}

/**
 * One row per requirement and result, most units first, naming the units (up to a limit) — not one
 * row per unit and requirement, which for a large program repeats the same requirement thousands of times.
 */
function lagByRule(r: ProgramRollup, n: Map<string, string>) {
  return {
    title: "滞后的要求及单位",
    columns: ["要求", "结果", "单位数", "单位"],
    rows: r.lagging.map((g): Cell[] => [g.title.zh, STATUS_LABELS[g.status as keyof typeof STATUS_LABELS] ?? g.status, g.count, named(g.units, g.count, n)]),
  };
}

/** Who has not submitted the quarter's report and who submitted it late — the late are never "on time". */
function submissionParagraph(r: ProgramRollup, quarter: string, n: Map<string, string>): string {
  const list = (slugs: string[], count: number) => `${slugs.map((s) => n.get(s) ?? s).join("、")}${count > slugs.length ? `等 ${count} 个单位` : ""}`;
  const late = r.submittedLate.length ? `逾期提交：${list(r.submittedLate, r.totals.submittedLateUnits)}` : "";
  if (r.notSubmitted.length) return `截至报告日，以下单位尚未提交第${quarter}季度报送：${list(r.notSubmitted, r.totals.notSubmittedUnits)}${late ? `；${late}` : ""}。`;
  return late ? `各单位均已提交第${quarter}季度报送，其中${late}。` : `各单位均已按期提交第${quarter}季度报送。`;
}

export function buildProgramQuarterly(input: ProgramInput): ReportDocument {
  const { program, rollup: r, year, quarter } = input;
  const n = names(input);
  const q = quarter ?? 4;
  return {
    title: `${program.name}${year}年第${QUARTER[q]}季度工作进展情况`,
    issuer: program.coordinator,
    recipient: "各帮扶单位、各受援地",
    date: input.date,
    subtitle: `${year}年1月1日至第${QUARTER[q]}季度末，${r.totals.units} 个帮扶单位`,
    sections: [
      {
        heading: "总体情况",
        paragraphs: [
          `截至本季度末，各帮扶单位累计投入资金 ${wan(r.totals.funds.inFen)} 万元，其中用于基层和民生 ${wan(r.totals.funds.grassrootsInFen)} 万元（占 ${r.totals.grassrootsSharePercent ?? "—"}%），已拨付 ${wan(r.totals.funds.disbursedFen)} 万元（受援地确认到位 ${wan(r.totals.funds.confirmedFen ?? 0)} 万元，到位率 ${r.totals.confirmedSharePercent ?? "—"}%）；实施项目 ${r.totals.projects.total} 个；在岗挂职干部 ${r.totals.cadres.inPost} 人。`,
          `政策要求核查：达标 ${r.totals.rules.pass} 项次，进度滞后 ${r.totals.rules.warn} 项次，未达标 ${r.totals.rules.fail} 项次。`,
        ],
        tables: [],
      },
      areaSection(r),
      unitSection(input),
      {
        heading: "季度报送情况",
        paragraphs: [submissionParagraph(r, QUARTER[q]!, n)],
        tables: [],
      },
      lagSection(input),
    ],
  };
}

/**
 * The annual requirements each unit was judged on: per unit, how many passed and which lag or fail
 * (each requirement's explanation is in the unit's own figures and report) — one row a unit, so the
 * report of a large program stays a readable size.
 */
function annualRulesSection(input: ProgramInput): ReportSection {
  const titles = input.rollup.ruleTitles;
  const which = (u: UnitTableRow, status: string) => u.lagging.filter((l) => l.status === status).map((l) => titles[l.rule]?.zh ?? l.rule).join("；") || "—";
  return {
    heading: "年度政策要求核查",
    paragraphs: ["各单位逐项要求的核查说明见其单位报告与汇总中的单位详情。"],
    tables: [
      {
        title: "年度要求核查结果",
        columns: ["帮扶单位", "达标", "进度滞后的要求", "未达标的要求"],
        rows: input.units.map((u): Cell[] => [u.name, u.pass, which(u, "warn"), which(u, "fail")]),
      },
    ],
  };
}

/**
 * The annual assessment, on the basis the program's own document gives: scored and ranked on the
 * five dimensions where the document sets them (2016 §14), else the year's requirements unit by unit
 * and who excels or lags, without a score the document does not define.
 */
export function buildAnnualAssessment(input: ProgramInput & { basis: AssessmentBasis; scoring?: { scored: Scored[]; weights: Weights } }): ReportDocument {
  const { program, rollup: r, year, basis, scoring } = input;
  const cited = `依据《${program.name}》（${program.docNumber}）${sectionText(basis.clause)}：“${basis.quote}”`;
  const head = { title: `${program.name}${year}年度考核结果`, issuer: program.coordinator, recipient: "各帮扶单位", date: input.date };
  if (!basis.dimensions || !scoring) {
    return {
      ...head,
      subtitle: `${year}年度，${r.totals.units} 个帮扶单位，逐项核查年度政策要求`,
      sections: [
        { heading: "考核办法", paragraphs: [`${cited}该文件未规定考核的具体方面和指标，本年度考核逐项列示各单位年度政策要求的核查结果，并列出先进与滞后单位，不计总分、不排名。`], tables: [] },
        annualRulesSection(input),
        lagSection(input),
        areaSection(r),
      ],
    };
  }
  const { scored, weights } = scoring;
  return {
    ...head,
    subtitle: `${year}年度，${scored.length} 个帮扶单位，按减贫成效、劳务协作、产业合作、人才支援、资金支持五个方面考核`,
    sections: [
      {
        heading: "考核办法",
        paragraphs: [
          `${cited}各指标以本帮扶工作中最高值为100分、其余按比例计分；各方面得分为其指标的加权平均，总分为五个方面的加权和。`,
          `本次权重：${DIMENSIONS.map((d) => `${d.label} ${weights.dimensions[d.key] ?? 0}%`).join("，")}。`,
        ],
        tables: [
          {
            title: "考核指标",
            columns: ["方面", "指标", "指标权重"],
            rows: DIMENSIONS.flatMap((d) => d.indicators.map((i): Cell[] => [d.label, i.label, weights.indicators[i.key] ?? 1])),
          },
        ],
      },
      {
        heading: "考核结果与排名",
        paragraphs: [
          ...(scored.length ? [`总分第一名：${scored[0]!.name}（${scored[0]!.total} 分）。`] : ["本年度无可考核的单位。"]),
          ...(scored.length > REPORT_UNITS_LISTED ? [`共 ${scored.length} 个单位参加排名，下表列出前 ${REPORT_UNITS_LISTED} 名。`] : []),
        ],
        tables: [
          {
            title: "年度考核得分",
            columns: ["名次", "帮扶单位", "总分", ...DIMENSIONS.map((d) => d.label)],
            rows: scored.slice(0, REPORT_UNITS_LISTED).map((s): Cell[] => [s.rank, s.name, s.total.toFixed(1), ...DIMENSIONS.map((d) => s.dimensions[d.key].toFixed(1))]),
          },
        ],
      },
      annualRulesSection(input),
      areaSection(r),
    ],
  };
}
