/**
 * Why a record does not count, in words: 「类型为 互访调研，本项只计 联席会议」「日期 2024-12-30 不在
 * 2025 年内」. Pure: the names of areas and programs are handed in, as the rules' own texts get them.
 * Both languages name the values by the ledger's own labels (联席会议 / Joint meeting), never by code.
 */
import { ACTIVITY_KIND_LABELS, ACTIVITY_KIND_LABELS_EN, DIRECTION_LABELS, DIRECTION_LABELS_EN, LEADER_LEVEL_LABELS, LEADER_LEVEL_LABELS_EN, PLAN_DOCUMENT_LABELS, PLAN_DOCUMENT_LABELS_EN } from "../ledger/resources/activities";
import { FUND_KIND_LABELS, FUND_KIND_LABELS_EN, FUND_SOURCE_LABELS, FUND_SOURCE_LABELS_EN } from "../ledger/resources/funds";
import { PAIRING_KIND_LABELS, PAIRING_KIND_LABELS_EN } from "../ledger/resources/pairings";
import type { Text } from "../rules/types";
import type { Reason } from "./evidence-plan";

export interface WordsContext {
  areaName(code: string): string;
  programName(slug: string): Text;
  entity: string;
}

/** A choice's labels in both languages. */
interface Names {
  zh: Record<string, string>;
  en: Record<string, string>;
}

const DIRECTION: Names = { zh: DIRECTION_LABELS, en: DIRECTION_LABELS_EN };
const LEADER_LEVEL: Names = { zh: LEADER_LEVEL_LABELS, en: LEADER_LEVEL_LABELS_EN };
const PLAN_DOCUMENT: Names = { zh: PLAN_DOCUMENT_LABELS, en: PLAN_DOCUMENT_LABELS_EN };
const PAIRING_KIND: Names = { zh: PAIRING_KIND_LABELS, en: PAIRING_KIND_LABELS_EN };
const FUND_SOURCE: Names = { zh: FUND_SOURCE_LABELS, en: FUND_SOURCE_LABELS_EN };
const KIND: Record<string, Names> = {
  activity: { zh: ACTIVITY_KIND_LABELS, en: ACTIVITY_KIND_LABELS_EN },
  fund: { zh: FUND_KIND_LABELS, en: FUND_KIND_LABELS_EN },
  pairing: PAIRING_KIND,
};
const NONE: Names = { zh: {}, en: {} };

const blank = (v: unknown) => v === null || v === undefined || v === "";
/** One value by name: 联席会议 / Joint meeting. */
const one = (names: Names, v: unknown): Text => (blank(v) ? { zh: "（未填）", en: "(not given)" } : { zh: names.zh[String(v)] ?? String(v), en: names.en[String(v)] ?? String(v) });
/** Several: 联席会议、培训 / Joint meeting, Training. */
const list = (names: Names, vs: readonly unknown[]): Text => ({ zh: vs.map((v) => one(names, v).zh).join("、"), en: vs.map((v) => one(names, v).en).join(", ") });
/** 「方向为 X，本项只计 Y」 and its English. */
const onlyCounts = (what: Text, names: Names, actual: unknown, expected: readonly unknown[]): Text => {
  const a = one(names, actual);
  const e = list(names, expected);
  return { zh: `${what.zh}为 ${a.zh}，本项只计 ${e.zh}`, en: `${what.en} is ${a.en}; only ${e.en} counts` };
};

/** Where a window is, as people say it: a whole year 「2025 年内」, else 「2025-01-01 至 2025-09-30 之间」. */
function windowWords(from: string, to: string): Text {
  const y = from.slice(0, 4);
  if (from === `${y}-01-01` && to === `${y}-12-31`) return { zh: `${y} 年内`, en: y };
  if (!from) return { zh: `${to} 及以前`, en: `on or before ${to}` };
  if (!to) return { zh: `${from} 及以后`, en: `on or after ${from}` };
  return { zh: `${from} 至 ${to} 之间`, en: `${from} to ${to}` };
}

/** One reason as a sentence in both languages. */
export function reasonWords(reason: Reason, ctx: WordsContext): Text {
  const { actual, expected } = reason;
  switch (reason.code) {
    case "voided":
      return { zh: actual ? `已作废（${actual}）` : "已作废", en: actual ? `voided (${actual})` : "voided" };
    case "program": {
      const other = actual ? ctx.programName(String(actual)) : { zh: "", en: "" };
      return { zh: `属于其他计划（${other.zh}）`, en: `belongs to another program (${other.en})` };
    }
    case "window": {
      const w = windowWords(String(expected[0] ?? ""), String(expected[1] ?? ""));
      return { zh: `日期 ${actual ?? "（未填）"} 不在 ${w.zh}`, en: `dated ${actual ?? "(no date)"}, outside ${w.en}` };
    }
    case "kind":
      return onlyCounts({ zh: "类型", en: "kind" }, KIND[ctx.entity] ?? NONE, actual, expected);
    case "direction":
      return onlyCounts({ zh: "方向", en: "direction" }, DIRECTION, actual, expected);
    case "leader_level":
      return onlyCounts({ zh: "领导级别", en: "leader level" }, LEADER_LEVEL, actual, expected);
    case "area": {
      const name = actual ? ctx.areaName(String(actual)) : null;
      return { zh: name ? `地区 ${name} 不在结对地区内` : "未填地区，不在结对地区内", en: name ? `area ${name} is outside the paired areas` : "no area given, so outside the paired areas" };
    }
    case "agreement_year":
      return { zh: `协议年度为 ${actual ?? "（未填）"}，本项只计 ${expected.join("、")} 年`, en: `agreement year is ${actual ?? "(not given)"}; only ${expected.join(", ")} counts` };
    case "document_type":
      return onlyCounts({ zh: "文件", en: "document" }, PLAN_DOCUMENT, actual, expected);
    case "pairing_kind":
      return actual
        ? onlyCounts({ zh: "所属结对", en: "its pairing" }, PAIRING_KIND, actual, expected)
        : { zh: `未关联 ${list(PAIRING_KIND, expected).zh}`, en: `not linked to a ${list(PAIRING_KIND, expected).en} pairing` };
    case "source":
      return onlyCounts({ zh: "来源", en: "source" }, FUND_SOURCE, actual, expected);
    case "grassroots":
      return expected[0] === 1 ? { zh: "未标为基层/民生", en: "not marked grassroots/livelihood" } : { zh: "标为基层/民生，本项只计其他", en: "marked grassroots/livelihood; only others count" };
    case "in_force":
      return { zh: `结对期限 ${actual ?? ""} 在 ${expected[0]} 不在有效期内`, en: `pairing term ${actual ?? ""} is not in force on ${expected[0]}` };
    case "in_post":
      return { zh: `任期 ${actual ?? ""} 在 ${expected[0]} 不在岗`, en: `term ${actual ?? ""}: not in post on ${expected[0]}` };
    case "ends_by":
      return { zh: `计划期满 ${actual} 晚于 ${expected[0]}`, en: `planned end ${actual} is after ${expected[0]}` };
    case "year":
      return { zh: `属于 ${actual} 年，本项只计 ${expected[0]} 年`, en: `of ${actual}; only ${expected[0]} counts` };
  }
}
