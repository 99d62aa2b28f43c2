/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)
 * 「莞韶对口帮扶“十组团”指挥部要因地制宜实施全面帮扶共建，东莞每个对口帮扶的镇（街道）每年安排不少于200万的
 * 民生帮扶资金，重点突出对韶关相应县（市、区）的教育、医疗、劳动力就业创业等民生事业帮扶。」
 * Each Dongguan town (sub-district) gives at least 2,000,000 yuan of livelihood funds a year to its county.
 *
 * Counts, per town (a sub-unit of kind `town` with an area code): fund records of kind allocation,
 * social_donation or enterprise_investment with source `town`, marked grassroots (民生), dated in the
 * year up to the evaluated quarter. A fund belongs to the town its project's pairing names; without
 * such a link, to the one town grouped with the fund's county — several towns share a county in a
 * 十组团 group, so a fund at a shared county with no link is credited to none of them (not to all).
 * Each town must reach its pro-rata figure (ceil(minFen × quarter/4)); a town behind warns, and at
 * year end fails.
 */
import { z } from "zod";
import { expectedByNow, notApplicable, yearIsOver, yuan } from "../progress";
import { defineRule, type Evidence, type PeriodData, type Row } from "../types";

const MONEY_IN = ["allocation", "social_donation", "enterprise_investment"];

/** The town a fund is credited to, or undefined when it cannot be told. */
function townOf(fund: Row, towns: Row[], data: PeriodData): Row | undefined {
  const project = fund.projectId ? data.projects.find((p) => p.id === fund.projectId) : undefined;
  const pairing = project?.pairingId ? data.pairings.find((p) => p.id === project.pairingId) : undefined;
  const linked = pairing?.subUnitId ? towns.find((t) => t.id === pairing.subUnitId) : undefined;
  if (linked) return linked;
  const sameCounty = towns.filter((t) => t.areaCode === fund.areaCode);
  return sameCounty.length === 1 ? sameCounty[0] : undefined;
}

export const townLivelihoodFunds = defineRule({
  id: "town-livelihood-funds",
  title: { zh: "东莞每个对口帮扶镇街每年安排不少于200万元民生帮扶资金", en: "Each Dongguan town gives at least 2,000,000 yuan of livelihood funds a year" },
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)",
  quote:
    "莞韶对口帮扶“十组团”指挥部要因地制宜实施全面帮扶共建，东莞每个对口帮扶的镇（街道）每年安排不少于200万的民生帮扶资金，重点突出对韶关相应县（市、区）的教育、医疗、劳动力就业创业等民生事业帮扶。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ minFen: z.number().int().min(0).default(200_000_000) }),
  evaluate(data, params) {
    const towns = data.subUnits.filter((s) => s.kind === "town" && typeof s.areaCode === "string" && s.areaCode !== "");
    if (towns.length === 0) {
      return notApplicable("count", "本单位没有登记对口帮扶镇街，不适用。", "The unit has no paired towns recorded: not applicable.");
    }
    const livelihood = data.funds.filter((f) => MONEY_IN.includes(String(f.kind)) && f.source === "town" && f.grassroots === true);
    const sums = new Map<unknown, number>(towns.map((t) => [t.id, 0]));
    const evidence: Evidence[] = [];
    let unattributed = 0;
    for (const f of livelihood) {
      const town = townOf(f, towns, data);
      if (!town) {
        unattributed += Number(f.amountFen);
        continue;
      }
      sums.set(town.id, (sums.get(town.id) ?? 0) + Number(f.amountFen));
      evidence.push({ entity: "fund", id: String(f.id), label: `${String(f.date)} ${String(town.name)} → ${String(f.areaCode)}`, value: Number(f.amountFen) });
    }
    const perTown = expectedByNow(params.minFen, data);
    const behind = towns.filter((t) => (sums.get(t.id) ?? 0) < perTown);
    const actual = towns.length - behind.length;
    const status = behind.length === 0 ? "pass" : yearIsOver(data) ? "fail" : "warn";
    const behindZh = behind.map((t) => `${String(t.name)} ${yuan(sums.get(t.id) ?? 0)} 元`).join("、");
    const behindEn = behind.map((t) => `${String(t.name)} ${yuan(sums.get(t.id) ?? 0)} yuan`).join(", ");
    const unattributedZh = unattributed > 0 ? `另有 ${yuan(unattributed)} 元无法确定所属镇街（未关联结对项目）。` : "";
    const unattributedEn = unattributed > 0 ? ` ${yuan(unattributed)} yuan could not be credited to a town (no linked pairing project).` : "";
    return {
      status,
      actual,
      expected: towns.length,
      target: towns.length,
      unit: "count",
      explanation: {
        zh:
          `${towns.length} 个镇街中 ${actual} 个达到截至本期应安排的 ${yuan(perTown)} 元（全年不少于 ${yuan(params.minFen)} 元）` +
          (behind.length ? `；未达到：${behindZh}。` : "。") +
          unattributedZh,
        en:
          `${actual} of ${towns.length} town(s) reached the ${yuan(perTown)} yuan due by this period (at least ${yuan(params.minFen)} yuan a year)` +
          (behind.length ? `; behind: ${behindEn}.` : ".") +
          unattributedEn,
      },
      evidence,
    };
  },
});
