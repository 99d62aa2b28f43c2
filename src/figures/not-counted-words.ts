/**
 * Why a record does not count, in words: 「类型为 互访调研，本项只计 联席会议」「日期 2024-12-30 不在
 * 2025 年内」. Pure: the names of areas and programs are handed in, as the rules' own texts get them.
 * Chinese names the ledger's labels; English names the values themselves (the API's codes read as
 * words: joint_meeting → "joint meeting").
 */
import { ACTIVITY_KIND_LABELS, DIRECTION_LABELS, LEADER_LEVEL_LABELS, PLAN_DOCUMENT_LABELS } from "../ledger/resources/activities";
import { FUND_KIND_LABELS, FUND_SOURCE_LABELS } from "../ledger/resources/funds";
import { PAIRING_KIND_LABELS } from "../ledger/resources/pairings";
import type { Text } from "../rules/types";
import type { Reason } from "./evidence-plan";

export interface WordsContext {
  areaName(code: string): string;
  programName(slug: string): Text;
  entity: string;
}

const KIND_LABELS: Record<string, Record<string, string>> = { activity: ACTIVITY_KIND_LABELS, fund: FUND_KIND_LABELS, pairing: PAIRING_KIND_LABELS };

const zhOf = (labels: Record<string, string>, v: unknown) => (v === null || v === undefined || v === "" ? "（未填）" : (labels[String(v)] ?? String(v)));
const enOf = (v: unknown) => (v === null || v === undefined || v === "" ? "(not given)" : String(v).replace(/_/g, " "));
const zhList = (labels: Record<string, string>, vs: readonly unknown[]) => vs.map((v) => zhOf(labels, v)).join("、");
const enList = (vs: readonly unknown[]) => vs.map(enOf).join(", ");

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
    case "kind": {
      const labels = KIND_LABELS[ctx.entity] ?? {};
      return { zh: `类型为 ${zhOf(labels, actual)}，本项只计 ${zhList(labels, expected)}`, en: `kind is ${enOf(actual)}; only ${enList(expected)} counts` };
    }
    case "direction":
      return { zh: `方向为 ${zhOf(DIRECTION_LABELS, actual)}，本项只计 ${zhList(DIRECTION_LABELS, expected)}`, en: `direction is ${enOf(actual)}; only ${enList(expected)} counts` };
    case "leader_level":
      return { zh: `领导级别为 ${zhOf(LEADER_LEVEL_LABELS, actual)}，本项只计 ${zhList(LEADER_LEVEL_LABELS, expected)}`, en: `leader level is ${enOf(actual)}; only ${enList(expected)} counts` };
    case "area": {
      const name = actual ? ctx.areaName(String(actual)) : null;
      return { zh: name ? `地区 ${name} 不在结对地区内` : "未填地区，不在结对地区内", en: name ? `area ${name} is outside the paired areas` : "no area given, so outside the paired areas" };
    }
    case "agreement_year":
      return { zh: `协议年度为 ${actual ?? "（未填）"}，本项只计 ${expected.join("、")} 年`, en: `agreement year is ${actual ?? "(not given)"}; only ${expected.join(", ")} counts` };
    case "document_type":
      return { zh: `文件为 ${zhOf(PLAN_DOCUMENT_LABELS, actual)}，本项只计 ${zhList(PLAN_DOCUMENT_LABELS, expected)}`, en: `document is ${enOf(actual)}; only ${enList(expected)} counts` };
    case "pairing_kind":
      return actual
        ? { zh: `所属结对为 ${zhOf(PAIRING_KIND_LABELS, actual)}，本项只计 ${zhList(PAIRING_KIND_LABELS, expected)}`, en: `its pairing is ${enOf(actual)}; only ${enList(expected)} counts` }
        : { zh: `未关联 ${zhList(PAIRING_KIND_LABELS, expected)}`, en: `not linked to a ${enList(expected)} pairing` };
    case "source":
      return { zh: `来源为 ${zhOf(FUND_SOURCE_LABELS, actual)}，本项只计 ${zhList(FUND_SOURCE_LABELS, expected)}`, en: `source is ${enOf(actual)}; only ${enList(expected)} counts` };
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
