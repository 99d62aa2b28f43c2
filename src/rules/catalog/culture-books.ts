/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(六)
 * 「开展精准结对帮扶，统筹“十组团”所在镇（街道）与韶关对应县（市、区）文化单位继续开展精准结对，由东莞结对单位协调落实扶持资金，
 *  支持韶关结对单位每年 10 万元用于“风度书房”购置书籍，进一步丰富各结对单位基层公共文化服务供给。」
 * Each paired cultural unit in Shaoguan receives 100,000 yuan a year from its Dongguan partner for books
 * in its 风度书房.
 *
 * Per pairing of kind `culture`, adds up the money put in — allocations, social donations and
 * enterprise investment, dated in the year up to the evaluated quarter — on the projects carrying the
 * pairing's id. Disbursements are left out: they pay out money already allocated, and counting both
 * would count it twice. Each pair is held to the pro-rata figure (ceil(target × quarter/4)); the rule
 * passes when every pair keeps up, and otherwise warns while the year runs and fails at its end.
 * Actual and expected count pairs.
 */
import { z } from "zod";
import { judgePairs } from "../pairs";
import { expectedByNow, yuan } from "../progress";
import { defineRule, type Evidence } from "../types";

const MONEY_IN: readonly unknown[] = ["allocation", "social_donation", "enterprise_investment"];

export const cultureBooks = defineRule({
  id: "culture-books",
  title: { zh: "每个结对文化单位每年10万元用于“风度书房”购置书籍", en: "100,000 yuan a year per paired cultural unit for books" },
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §三(六)",
  quote:
    "开展精准结对帮扶，统筹“十组团”所在镇（街道）与韶关对应县（市、区）文化单位继续开展精准结对，由东莞结对单位协调落实扶持资金，支持韶关结对单位每年 10 万元用于“风度书房”购置书籍，进一步丰富各结对单位基层公共文化服务供给。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ minFen: z.number().int().min(0).max(100_000_000_000).default(10_000_000) }),
  evaluate(data, params) {
    const due = expectedByNow(params.minFen, data);
    return judgePairs(
      data,
      "culture",
      { zh: "本单位没有结对文化单位。", en: "The unit has no paired cultural units." },
      (pairing) => {
        const projects = data.projects.filter((p) => p.pairingId === pairing.id);
        const titles = new Map(projects.map((p) => [p.id, String(p.title)]));
        const funds = data.funds.filter((f) => titles.has(f.projectId) && MONEY_IN.includes(f.kind));
        const fen = funds.reduce((sum, f) => sum + Number(f.amountFen), 0);
        const counterpart = String(pairing.counterpart);
        return {
          ok: fen >= due,
          value: fen,
          evidence: funds.map((f): Evidence => ({ entity: "fund", id: String(f.id), label: `${String(f.date)} ${titles.get(f.projectId) ?? ""}`, value: Number(f.amountFen) })),
          behind: { zh: `${counterpart} ${yuan(fen)} 元`, en: `${counterpart} (${yuan(fen)} yuan)` },
        };
      },
      (kept, total, behind) => ({
        zh:
          `结对文化单位 ${total} 个，其中 ${kept} 个“风度书房”扶持资金达到截至本期应有的 ${yuan(due)} 元（全年每个不少于 ${yuan(params.minFen)} 元）` +
          (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("、")}。` : "。"),
        en:
          `${kept} of ${total} paired cultural unit(s) received the ${yuan(due)} yuan for books due by this period (at least ${yuan(params.minFen)} yuan a year each)` +
          (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
      }),
    );
  },
});
