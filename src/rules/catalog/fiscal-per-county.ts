/**
 * 2016-guangdong-east-west-poverty-collaboration.txt §10
 * 「按平均每县（市、区）每年1000万元安排财政支援资金」
 * 「帮扶广西百色市、河池市的财政支援资金由深圳市全额安排，帮扶四川、云南、贵州等省 5 个市（州）的财政支援资金由省和帮扶市两级财政按 3：7 的比例共同分担。」
 * 10,000,000 yuan of fiscal assistance per county a year; Shenzhen pays Baise's and Hechi's in full,
 * the province and the helping city share the five prefectures' in Sichuan, Yunnan and Guizhou 3 : 7.
 *
 * Counts, per recipient area of the unit's groups: allocation funds whose area code lies in it (a
 * prefecture "522700" covers "5227xx") dated in the year up to the evaluated quarter. An area expects
 * perCountyFen × its counties (countiesByArea, 1 when not given), pro rata by quarter. In the five
 * shared prefectures the province-source part must be provinceShare% ± tolerancePercent of the
 * allocations; in Baise and Hechi it must be 0% ± tolerancePercent. Other areas (Ganzi, supported by
 * the province itself in the manner of 对口支援) have no split. Everything is compared in integers.
 * An area behind or off the split warns, and at year end fails.
 */
import { z } from "zod";
import { expectedByNow, notApplicable, yearIsOver, yuan } from "../progress";
import { defineRule, type Evidence } from "../types";

/** Whether `code` lies in `area`: "522700" covers "5227xx", "520000" covers "52xxxx". */
const covers = (area: string, code: string) => code.startsWith(area.replace(/(00)+$/, ""));

const code = z.string().regex(/^\d{6}$/);
const percentText = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}%`;

export const fiscalPerCounty = defineRule({
  id: "fiscal-per-county",
  title: { zh: "每县每年1000万元财政支援资金，省市按3:7分担", en: "10,000,000 yuan of fiscal assistance per county a year, shared 3 : 7 by province and city" },
  clause: "2016-guangdong-east-west-poverty-collaboration.txt §10",
  quote:
    "按平均每县（市、区）每年1000万元安排财政支援资金 / 帮扶广西百色市、河池市的财政支援资金由深圳市全额安排，帮扶四川、云南、贵州等省 5 个市（州）的财政支援资金由省和帮扶市两级财政按 3：7 的比例共同分担。",
  period: "year",
  programs: ["gd-east-west-2016"],
  params: z.object({
    perCountyFen: z.number().int().min(0).default(1_000_000_000),
    /** Counties (市、区) per recipient area; an area not listed counts as one. */
    countiesByArea: z.record(code, z.number().int().min(1)).default({}),
    provinceShare: z.number().int().min(0).max(100).default(30),
    tolerancePercent: z.number().int().min(0).max(100).default(1),
    /** 黔南州、毕节市、怒江州、凉山州、昭通市: shared by province and city. */
    sharedAreas: z.array(code).default(["522700", "520500", "533300", "513400", "530600"]),
    /** 百色市、河池市: the city's in full. */
    cityInFullAreas: z.array(code).default(["451000", "451200"]),
  }),
  evaluate(data, params) {
    if (data.groupAreas.length === 0) {
      return notApplicable("count", "本单位在本项目中没有结对地区，不适用。", "The unit has no paired area in this program: not applicable.");
    }
    const allocations = data.funds.filter((f) => f.kind === "allocation");
    const evidence: Evidence[] = [];
    const lines = data.groupAreas.map(({ areaCode }) => {
      const funds = allocations.filter((f) => covers(areaCode, String(f.areaCode)));
      const total = funds.reduce((sum, f) => sum + Number(f.amountFen), 0);
      const province = funds.filter((f) => f.source === "province").reduce((sum, f) => sum + Number(f.amountFen), 0);
      for (const f of funds) {
        evidence.push({ entity: "fund", id: String(f.id), label: `${String(f.date)} ${String(f.source)} → ${String(f.areaCode)}`, value: Number(f.amountFen) });
      }
      const counties = params.countiesByArea[areaCode] ?? 1;
      const target = params.perCountyFen * counties;
      const expected = expectedByNow(target, data);
      const share = params.sharedAreas.some((a) => covers(a, areaCode))
        ? params.provinceShare
        : params.cityInFullAreas.some((a) => covers(a, areaCode))
          ? 0
          : null;
      // |province / total − share%| ≤ tolerance%, in integers: (share − tol) × total ≤ province × 100 ≤ (share + tol) × total.
      const splitOk =
        share === null || total === 0 || ((share - params.tolerancePercent) * total <= province * 100 && province * 100 <= (share + params.tolerancePercent) * total);
      const bp = total === 0 ? 0 : Math.floor((province * 10_000) / total);
      const splitZh = share === null || total === 0 ? "" : `，省级分担 ${percentText(bp)}（应为 ${share}% ± ${params.tolerancePercent}%）`;
      const splitEn = share === null || total === 0 ? "" : `, province part ${percentText(bp)} (due ${share}% ± ${params.tolerancePercent}%)`;
      return {
        ok: total >= expected && splitOk,
        zh: `${areaCode}：${yuan(total)} 元，截至本期应达 ${yuan(expected)} 元（全年 ${yuan(target)} 元，${counties} 县）${splitZh}${total >= expected && splitOk ? "" : "，未达到"}`,
        en: `${areaCode}: ${yuan(total)} yuan, ${yuan(expected)} due by this period (${yuan(target)} a year, ${counties} count${counties === 1 ? "y" : "ies"})${splitEn}${total >= expected && splitOk ? "" : ", not met"}`,
      };
    });
    const actual = lines.filter((l) => l.ok).length;
    const status = actual === lines.length ? "pass" : yearIsOver(data) ? "fail" : "warn";
    return {
      status,
      actual,
      expected: lines.length,
      target: lines.length,
      unit: "count",
      explanation: {
        zh: `${lines.length} 个结对地区中 ${actual} 个达到要求：${lines.map((l) => l.zh).join("；")}。`,
        en: `${actual} of ${lines.length} paired area(s) meet the clause: ${lines.map((l) => l.en).join("; ")}.`,
      },
      evidence,
    };
  },
});
