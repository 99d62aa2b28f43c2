/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)
 * 「莞韶对口帮扶“十组团”指挥部要因地制宜实施全面帮扶共建，东莞每个对口帮扶的镇（街道）每年安排不少于200万的
 * 民生帮扶资金，重点突出对韶关相应县（市、区）的教育、医疗、劳动力就业创业等民生事业帮扶。」
 * Each Dongguan town (sub-district) gives at least 2,000,000 yuan of livelihood funds a year to its county.
 *
 * Counts, per town (a sub-unit of kind `town` with an area code): money put in (allocations, social
 * donations, enterprise investment) with source `town`, marked grassroots (民生), dated in the year up
 * to the evaluated quarter. A fund belongs to the town its project's pairing names; without such a
 * link, to the one town grouped with the fund's county — several towns share a county in a 十组团
 * group, so a fund at a shared county with no link is credited to none of them (not to all). Each
 * town must reach its pro-rata figure (ceil(minFen × quarter/4)); a town behind warns, and once the
 * year is over fails.
 */
import { z } from "zod";
import { expectedByNow, toDate, wan, yuan } from "../progress";
import { creditedTown, judgeTowns } from "../towns";
import { defineRule } from "../types";

export const townLivelihoodFunds = defineRule({
  id: "town-livelihood-funds",
  title: (p) => ({ zh: `东莞每个对口帮扶镇街每年安排不少于${wan(p.minFen)}万元民生帮扶资金`, en: `Each Dongguan town gives at least ${yuan(p.minFen).replace(/\.00$/, "")} yuan of livelihood funds a year` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)",
  quote:
    "莞韶对口帮扶“十组团”指挥部要因地制宜实施全面帮扶共建，东莞每个对口帮扶的镇（街道）每年安排不少于200万的民生帮扶资金，重点突出对韶关相应县（市、区）的教育、医疗、劳动力就业创业等民生事业帮扶。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ minFen: z.number().int().min(0).default(200_000_000) }),
  facts: ["towns", "pairings", "fundPairs"],
  evaluate(input, params) {
    const towns = input.facts.towns;
    const townOfPairing = new Map(input.facts.pairings.map((p) => [p.id, p.subUnitId]));
    const sums = new Map(towns.map((t) => [t.id, 0]));
    let unattributed = 0;
    for (const f of toDate(input.facts.fundPairs, input)) {
      if (f.townLivelihoodFen === 0) continue;
      // The town its project's pairing names, else the one town of the fund's county.
      const town = creditedTown(towns, f.pairingId !== null ? townOfPairing.get(f.pairingId) : null, f.areaCode);
      if (town === undefined) unattributed += f.townLivelihoodFen;
      else sums.set(town.id, sums.get(town.id)! + f.townLivelihoodFen);
    }
    const perTown = expectedByNow(params.minFen, input);
    const unattributedText = unattributed > 0 ? { zh: `另有 ${yuan(unattributed)} 元无法确定所属镇街（未关联结对项目）。`, en: ` ${yuan(unattributed)} yuan could not be credited to a town (no linked pairing project).` } : { zh: "", en: "" };
    return judgeTowns(
      input,
      (town) => sums.get(town.id)! >= perTown,
      (kept, total, behind) => ({
        zh:
          `${total} 个镇街中 ${kept} 个达到截至本期应安排的 ${yuan(perTown)} 元（全年不少于 ${yuan(params.minFen)} 元）` +
          (behind.length ? `；未达到：${behind.map((t) => `${t.name} ${yuan(sums.get(t.id)!)} 元`).join("、")}。` : "。") +
          unattributedText.zh,
        en:
          `${kept} of ${total} town(s) reached the ${yuan(perTown)} yuan due by this period (at least ${yuan(params.minFen)} yuan a year)` +
          (behind.length ? `; behind: ${behind.map((t) => `${t.name} ${yuan(sums.get(t.id)!)} yuan`).join(", ")}.` : ".") +
          unattributedText.en,
      }),
    );
  },
  evidence: (input) => ({ entity: "fund", from: input.period.from, to: input.period.to, kinds: ["allocation", "social_donation", "enterprise_investment"], source: "town", grassroots: true }),
});
