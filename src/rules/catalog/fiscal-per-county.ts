/**
 * 2016-guangdong-east-west-poverty-collaboration.txt §10
 * 「按平均每县（市、区）每年1000万元安排财政支援资金」
 * 「帮扶广西百色市、河池市的财政支援资金由深圳市全额安排，帮扶四川、云南、贵州等省 5 个市（州）的财政支援资金由省和帮扶市两级财政按 3：7 的比例共同分担。」
 * 10,000,000 yuan of fiscal assistance per county a year; Shenzhen pays Baise's and Hechi's in full,
 * the province and the helping city share the five prefectures' in Sichuan, Yunnan and Guizhou 3 : 7.
 *
 * The clause binds each county, and the document names none: a coordinator registers the counties of
 * each prefecture's group in the structure (group_counties; GroupArea.counties). Only the seven prefectures of
 * §10 are in scope (`sharedAreas`, `cityInFullAreas`), and only as pairings (groups.basis): 甘孜 is
 * supported "按对口支援方式", and the §5 areas (林芝, 昌都's funds, 喀什, 兵团第三师) likewise, so none is.
 * Each registered county of the unit's prefectures must have allocations (area = that county, dated
 * in the year up to the evaluated quarter) of perCountyFen, pro rata by quarter; in the five shared
 * prefectures the province-source part of each county's allocations must be provinceShare% ±
 * tolerancePercent, in Baise and Hechi 0% ± tolerancePercent. Compared in integers. Until counties are
 * registered the rule is not applicable and says so. A county behind or off the split warns, and
 * once the year is over fails. A coordinator may count only the money the county confirmed arrived
 * (`confirmedOnly`, off by default): then an allocation counts once the recipient confirmed it.
 */
import { z } from "zod";
import { areaPrefix, behindStatus, expectedByNow, noGroupArea, notApplicable, percentText, sum, toDate, wan, yuan } from "../progress";
import { areaName, defineRule } from "../types";

const code = z.string().regex(/^\d{6}$/);
const covers = (area: string, c: string) => c.startsWith(areaPrefix(area));

export const fiscalPerCounty = defineRule({
  id: "fiscal-per-county",
  title: (p) => ({
    zh: `每县每年${wan(p.perCountyFen)}万元财政支援资金，省市按${p.provinceShare / 10}:${(100 - p.provinceShare) / 10}分担`,
    en: `${yuan(p.perCountyFen).replace(/\.00$/, "")} yuan of fiscal assistance per county a year, shared ${p.provinceShare} : ${100 - p.provinceShare} by province and city`,
  }),
  clause: "2016-guangdong-east-west-poverty-collaboration.txt §10",
  quote:
    "按平均每县（市、区）每年1000万元安排财政支援资金 / 帮扶广西百色市、河池市的财政支援资金由深圳市全额安排，帮扶四川、云南、贵州等省 5 个市（州）的财政支援资金由省和帮扶市两级财政按 3：7 的比例共同分担。",
  period: "year",
  programs: ["gd-east-west-2016"],
  params: z.object({
    perCountyFen: z.number().int().min(0).default(1_000_000_000),
    provinceShare: z.number().int().min(0).max(100).default(30),
    tolerancePercent: z.number().int().min(0).max(100).default(1),
    /** 黔南州、毕节市、怒江州、凉山州、昭通市: shared by province and city. */
    sharedAreas: z.array(code).default(["522700", "520500", "533300", "513400", "530600"]),
    /** 百色市、河池市: the city's in full. */
    cityInFullAreas: z.array(code).default(["451000", "451200"]),
    /** Count only allocations the recipient county confirmed arrived (资金到位, as the recipient says). */
    confirmedOnly: z.boolean().default(false),
  }),
  facts: ["fundAreas"],
  evaluate(input, params) {
    if (input.groupAreas.length === 0) return noGroupArea();
    // A group the document has helped "按对口支援方式" or with funds only (groups.basis) is never a §10 pairing.
    const inScope = input.groupAreas.filter((g) => (g.basis ?? "pairing") === "pairing" && [...params.sharedAreas, ...params.cityInFullAreas].some((a) => covers(a, g.areaCode) || covers(g.areaCode, a)));
    if (inScope.length === 0) {
      return notApplicable("count", "本单位的结对地区不在第10条财政援助范围内（如甘孜州按对口支援方式实施），不适用。", "The unit's paired areas are outside §10 (e.g. Ganzi is supported as 对口支援): not applicable.");
    }
    const counties = inScope.flatMap((g) => (g.areaCode.endsWith("00") ? (g.counties ?? []) : [g.areaCode]).map((county) => ({ county, prefecture: g.areaCode })));
    const unregistered = inScope.filter((g) => g.areaCode.endsWith("00") && (g.counties ?? []).length === 0).map((g) => areaName(input, g.areaCode));
    if (counties.length === 0) {
      return notApplicable(
        "count",
        `尚未登记 ${unregistered.join("、")} 的受援县；文件未列明县名，请牵头部门在“结对关系”中登记后按县核查。`,
        `No recipient counties are registered for ${unregistered.join(", ")}; the document names none — the coordinator registers them under Pairings, then each county is judged.`,
      );
    }
    const allocations = toDate(input.facts.fundAreas, input);
    const lines = counties.map(({ county, prefecture }) => {
      const rows = allocations.filter((f) => f.areaCode === county);
      const total = sum(rows, (f) => (params.confirmedOnly ? (f.allocatedConfirmedFen ?? 0) : f.allocatedFen));
      const province = sum(rows, (f) => (params.confirmedOnly ? (f.allocatedProvinceConfirmedFen ?? 0) : f.allocatedProvinceFen));
      const expected = expectedByNow(params.perCountyFen, input);
      const share = params.sharedAreas.some((a) => covers(a, prefecture)) ? params.provinceShare : 0;
      // |province / total − share%| ≤ tolerance%, in integers: (share − tol) × total ≤ province × 100 ≤ (share + tol) × total.
      const splitOk = total === 0 || ((share - params.tolerancePercent) * total <= province * 100 && province * 100 <= (share + params.tolerancePercent) * total);
      const split = total === 0 ? { zh: "", en: "" } : { zh: `，省级分担 ${percentText(Math.floor((province * 10_000) / total))}（应为 ${share}% ± ${params.tolerancePercent}%）`, en: `, province part ${percentText(Math.floor((province * 10_000) / total))} (due ${share}% ± ${params.tolerancePercent}%)` };
      const ok = total >= expected && splitOk;
      return {
        ok,
        zh: `${areaName(input, county)}：${yuan(total)} 元，截至本期应达 ${yuan(expected)} 元${split.zh}${ok ? "" : "，未达到"}`,
        en: `${areaName(input, county)}: ${yuan(total)} yuan, ${yuan(expected)} due by this period${split.en}${ok ? "" : ", not met"}`,
      };
    });
    const actual = lines.filter((l) => l.ok).length;
    const pending = unregistered.length ? { zh: `（另有 ${unregistered.join("、")} 尚未登记受援县）`, en: ` (no counties registered yet for ${unregistered.join(", ")})` } : { zh: "", en: "" };
    return {
      status: actual === lines.length ? "pass" : behindStatus(input),
      actual,
      expected: lines.length,
      target: lines.length,
      unit: "count",
      explanation: {
        zh: `${lines.length} 个受援县中 ${actual} 个达到要求（每县全年 ${yuan(params.perCountyFen)} 元${params.confirmedOnly ? "，只计受援县确认到位的资金" : ""}）：${lines.map((l) => l.zh).join("；")}。${pending.zh}`,
        en: `${actual} of ${lines.length} recipient count${lines.length === 1 ? "y" : "ies"} meet the clause (${yuan(params.perCountyFen)} yuan a year each${params.confirmedOnly ? ", counting only money the county confirmed arrived" : ""}): ${lines.map((l) => l.en).join("; ")}.${pending.en}`,
      },
    };
  },
  evidence: (input) => ({ entity: "fund", from: input.period.from, to: input.period.to, kinds: ["allocation"], areaPrefixes: input.groupAreas.map((g) => areaPrefix(g.areaCode)) }),
});
