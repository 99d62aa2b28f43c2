/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(六)
 * 「开展精准结对帮扶，统筹“十组团”所在镇（街道）与韶关对应县（市、区）文化单位继续开展精准结对，由东莞结对单位协调落实
 *  扶持资金，支持韶关结对单位每年 10 万元用于“风度书房”购置书籍，进一步丰富各结对单位基层公共文化服务供给。」
 * Each paired Shaoguan cultural unit receives 100,000 yuan a year for books.
 *
 * Per pairing of kind `culture` in force: money put in (allocations, donations, investment) through
 * projects carrying the pairing's id, dated in the year up to the evaluated quarter, against the
 * pair's pro-rata figure (from its start quarter when it started this year).
 */
import { z } from "zod";
import { dueForPair, judgePairs } from "../pairs";
import { expectedByNow, sum, toDate, wan, yuan } from "../progress";
import { defineRule } from "../types";

export const cultureBooks = defineRule({
  id: "culture-books",
  title: (p) => ({ zh: `每个结对文化单位每年${wan(p.minFen)}万元用于“风度书房”购置书籍`, en: `${yuan(p.minFen).replace(/\.00$/, "")} yuan a year per paired cultural unit for books` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §三(六)",
  quote:
    "开展精准结对帮扶，统筹“十组团”所在镇（街道）与韶关对应县（市、区）文化单位继续开展精准结对，由东莞结对单位协调落实扶持资金，支持韶关结对单位每年 10 万元用于“风度书房”购置书籍，进一步丰富各结对单位基层公共文化服务供给。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ minFen: z.number().int().min(0).max(100_000_000_000).default(10_000_000) }),
  facts: ["pairings", "fundPairs"],
  evaluate(input, params) {
    const funds = toDate(input.facts.fundPairs, input);
    return judgePairs(
      input,
      "culture",
      { zh: "本单位没有在期内的结对文化单位。", en: "The unit has no paired cultural units in force." },
      (pairing) => {
        const fen = sum(funds.filter((f) => f.pairingId === pairing.id), (f) => f.inFen);
        const due = dueForPair(params.minFen, pairing, input);
        return { ok: fen >= due, behind: { zh: `${pairing.counterpart} ${yuan(fen)} 元`, en: `${pairing.counterpart} (${yuan(fen)} yuan)` } };
      },
      (kept, total, behind) => ({
        zh: `结对文化单位 ${total} 个，其中 ${kept} 个“风度书房”扶持资金达到截至本期应有的 ${yuan(expectedByNow(params.minFen, input))} 元（全年每个不少于 ${yuan(params.minFen)} 元）` + (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("、")}。` : "。"),
        en: `${kept} of ${total} paired cultural unit(s) received the ${yuan(expectedByNow(params.minFen, input))} yuan for books due by this period (at least ${yuan(params.minFen)} yuan a year each)` + (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
      }),
    );
  },
  evidence: (input) => ({ entity: "fund", from: input.period.from, to: input.period.to, kinds: ["allocation", "social_donation", "enterprise_investment"], pairingKinds: ["culture"] }),
});
