import { describe, expect, it } from "vitest";
import { townLivelihoodFunds } from "../../src/rules/catalog/town-livelihood-funds";
import { evaluate, fund, pairing, periodData, project, subUnit } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §五(四): each Dongguan town gives at least 2,000,000 yuan
// (200,000,000 fen) of livelihood funds a year to its Shaoguan county.
const params = townLivelihoodFunds.params.parse({});
const dongguan = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "dongguan-shaoguan", groupAreas: [{ areaCode: "440232", role: "lead" }], ...over });
const livelihood = (amountFen: number, areaCode: string, over = {}) => fund("allocation", amountFen, { source: "town", grassroots: true, areaCode, ...over });

describe("town-livelihood-funds", () => {
  const shilong = subUnit({ name: "石龙镇", areaCode: "440232" });
  const humen = subUnit({ name: "虎门镇", areaCode: "440282" });

  it("passes when every town reaches exactly 2,000,000 yuan: the boundary", async () => {
    const result = await evaluate(townLivelihoodFunds, 
      dongguan({
        subUnits: [shilong, humen],
        funds: [livelihood(150_000_000, "440232"), livelihood(50_000_000, "440232", { kind: "social_donation" }), livelihood(200_000_000, "440282", { kind: "enterprise_investment" })],
      }),
      params,
    );
    // 石龙 150,000,000 + 50,000,000 = 200,000,000 fen; 虎门 200,000,000 fen → 2 of 2
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2, unit: "count" });
    expect(result.evidence).toHaveLength(3);
  });

  it("fails at year end one fen short, naming the town and its sum in yuan", async () => {
    const result = await evaluate(townLivelihoodFunds, dongguan({ subUnits: [shilong, humen], funds: [livelihood(199_999_999, "440232"), livelihood(200_000_000, "440282")] }), params);
    // 石龙 199,999,999 fen = 1,999,999.99 yuan < 2,000,000.00 → 1 of 2
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2 });
    expect(result.explanation.zh).toContain("石龙镇 1,999,999.99 元");
    expect(result.explanation.zh).not.toContain("虎门镇");
  });

  it("counts only town-source livelihood money put in, at the town's county", async () => {
    const result = await evaluate(townLivelihoodFunds, 
      dongguan({
        subUnits: [shilong],
        funds: [
          livelihood(200_000_000, "440232", { source: "city" }),
          livelihood(200_000_000, "440232", { grassroots: false }),
          livelihood(200_000_000, "440232", { kind: "disbursement" }),
          livelihood(200_000_000, "440282"),
        ],
      }),
      params,
    );
    // none of the four counts for 石龙 (city source, not livelihood, a disbursement, another county) → 0 of 1;
    // the evidence shows the town-source livelihood money put in — here only the one at another county
    expect(result).toMatchObject({ status: "fail", actual: 0 });
    expect(result.evidence).toHaveLength(1);
  });

  it("credits a fund at a county two towns share to the town its project's pairing names, and an unlinked one to neither", async () => {
    const changan = subUnit({ name: "长安镇", areaCode: "440232" });
    const pair = pairing("town_county", { subUnitId: shilong.id, areaCode: "440232" });
    const proj = project({ pairingId: pair.id, areaCode: "440232" });
    const result = await evaluate(townLivelihoodFunds, 
      dongguan({ subUnits: [shilong, changan], pairings: [pair], projects: [proj], funds: [livelihood(200_000_000, "440232", { projectId: proj.id }), livelihood(300_000_000, "440232")] }),
      params,
    );
    // 石龙 200,000,000 (linked) meets; 长安 0; the unlinked 300,000,000 is credited to no one → 1 of 2
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2 });
    // evidence: every town-source livelihood fund, the unlinked one too (the explanation says it is credited to none)
    expect(result.evidence).toHaveLength(2);
    expect(result.explanation.zh).toContain("长安镇 0.00 元");
    expect(result.explanation.zh).toContain("另有 3,000,000.00 元无法确定所属镇街");
  });

  it("is pro rata by quarter: at Q2 each town owes ceil(200,000,000 × 2/4) = 100,000,000 fen", async () => {
    const result = await evaluate(townLivelihoodFunds, 
      dongguan({ quarter: 2, subUnits: [shilong, humen], funds: [livelihood(100_000_000, "440232"), livelihood(99_999_999, "440282")] }),
      params,
    );
    // 石龙 100,000,000 ≥ 100,000,000; 虎门 99,999,999 < 100,000,000 → warn, 1 of 2
    expect(result).toMatchObject({ status: "warn", actual: 1, expected: 2 });
    expect(result.explanation.zh).toContain("1,000,000.00 元");
    expect(result.explanation.zh).toContain("虎门镇 999,999.99 元");
  });

  it("is not applicable without town sub-units that have a county", async () => {
    const data = dongguan({ subUnits: [subUnit({ kind: "school", name: "东莞中学" }), subUnit({ name: "未分组镇", areaCode: null })], funds: [livelihood(200_000_000, "440232")] });
    expect(await evaluate(townLivelihoodFunds, data, params)).toMatchObject({ status: "not_applicable", actual: null });
  });

  it("takes a coordinator's parameter", async () => {
    // 1,500,000 yuan against a minimum of 1,500,000 yuan
    expect(await evaluate(townLivelihoodFunds, dongguan({ subUnits: [shilong], funds: [livelihood(150_000_000, "440232")] }), { minFen: 150_000_000 })).toMatchObject({ status: "pass" });
  });
});
