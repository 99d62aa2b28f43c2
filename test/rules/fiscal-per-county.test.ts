import { describe, expect, it } from "vitest";
import { fiscalPerCounty } from "../../src/rules/catalog/fiscal-per-county";
import { evaluate, fund, periodData } from "./fixtures";

// 2016-guangdong-east-west-poverty-collaboration.txt §10: 10,000,000 yuan (1,000,000,000 fen) per county a year;
// Baise and Hechi paid by Shenzhen in full; the five prefectures in Sichuan, Yunnan and Guizhou shared 3 : 7 by province and city.
const params = fiscalPerCounty.params.parse({});
const eastWest = (areas: string[], over: Parameters<typeof periodData>[0] = {}) =>
  periodData({ program: "gd-east-west-2016", groupAreas: areas.map((areaCode) => ({ areaCode, role: "lead" as const })), ...over });
const allocation = (amountFen: number, areaCode: string, source: "province" | "city") => fund("allocation", amountFen, { areaCode, source });

describe("fiscal-per-county", () => {
  it("passes when each area reaches its amount and a shared prefecture splits 3 : 7", async () => {
    const result = await evaluate(fiscalPerCounty, 
      eastWest(["522700", "451000"], {
        funds: [
          allocation(300_000_000, "522701", "province"),
          allocation(700_000_000, "522702", "city"),
          allocation(1_000_000_000, "451021", "city"),
          fund("disbursement", 5_000_000_000, { areaCode: "522701" }),
          allocation(1_000_000_000, "530602", "city"),
        ],
      }),
      params,
    );
    // 黔南 300,000,000 + 700,000,000 = 1,000,000,000 ≥ 1,000,000,000, province 30.00%; 百色 1,000,000,000, province 0%;
    // the disbursement and the 昭通 allocation (outside the unit's areas) do not count → 2 of 2
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2, unit: "count" });
    expect(result.evidence).toHaveLength(3);
    expect(result.explanation.zh).toContain("省级分担 30.00%");
  });

  it("fails at year end one fen short of an area's amount", async () => {
    const result = await evaluate(fiscalPerCounty, eastWest(["522700"], { funds: [allocation(300_000_000, "522701", "province"), allocation(699_999_999, "522702", "city")] }), params);
    // 999,999,999 < 1,000,000,000 (province 300,000,000 / 999,999,999 = 30.00…% is within 30 ± 1)
    expect(result).toMatchObject({ status: "fail", actual: 0, expected: 1 });
  });

  it("multiplies by the counties of an area", async () => {
    const funds = [allocation(3_600_000_000, "522701", "province"), allocation(8_400_000_000, "522702", "city")];
    // 12 counties × 1,000,000,000 = 12,000,000,000; 3,600,000,000 + 8,400,000,000 = 12,000,000,000, province 30%
    expect(await evaluate(fiscalPerCounty, eastWest(["522700"], { funds }), { ...params, countiesByArea: { "522700": 12 } })).toMatchObject({ status: "pass" });
    // 13 counties → 13,000,000,000 due
    expect(await evaluate(fiscalPerCounty, eastWest(["522700"], { funds }), { ...params, countiesByArea: { "522700": 13 } })).toMatchObject({ status: "fail" });
  });

  it("holds the split to 30% ± 1: exactly 31.00% passes, one fen more does not", async () => {
    const at = [allocation(310_000_000, "522701", "province"), allocation(690_000_000, "522702", "city")];
    // 310,000,000 × 100 = 31,000,000,000 ≤ 31 × 1,000,000,000
    expect(await evaluate(fiscalPerCounty, eastWest(["522700"], { funds: at }), params)).toMatchObject({ status: "pass", actual: 1 });
    const over = [allocation(310_000_001, "522701", "province"), allocation(690_000_000, "522702", "city")];
    // 310,000,001 × 100 = 31,000,000,100 > 31 × 1,000,000,001 = 31,000,000,031 → off the split at year end
    expect(await evaluate(fiscalPerCounty, eastWest(["522700"], { funds: over }), params)).toMatchObject({ status: "fail", actual: 0 });
  });

  it("expects no province part in Baise and Hechi, and no split in Ganzi", async () => {
    const baise = [allocation(200_000_000, "451021", "province"), allocation(800_000_000, "451022", "city")];
    // 200,000,000 / 1,000,000,000 = 20% > 0% + 1%
    expect(await evaluate(fiscalPerCounty, eastWest(["451000"], { funds: baise }), params)).toMatchObject({ status: "fail" });
    // 甘孜 513300: the province's own, 100% province is fine
    expect(await evaluate(fiscalPerCounty, eastWest(["513300"], { funds: [allocation(1_000_000_000, "513321", "province")] }), params)).toMatchObject({ status: "pass" });
  });

  it("is pro rata by quarter: at Q2 an area owes ceil(1,000,000,000 × 2/4) = 500,000,000", async () => {
    const q2 = (funds: ReturnType<typeof fund>[]) => eastWest(["522700"], { quarter: 2, to: "2026-06-30", funds });
    // 150,000,000 + 350,000,000 = 500,000,000 ≥ 500,000,000, province 30%
    expect(await evaluate(fiscalPerCounty, q2([allocation(150_000_000, "522701", "province"), allocation(350_000_000, "522702", "city")]), params)).toMatchObject({ status: "pass" });
    // 120,000,000 + 280,000,000 = 400,000,000 < 500,000,000 → warn
    const behind = await evaluate(fiscalPerCounty, q2([allocation(120_000_000, "522701", "province"), allocation(280_000_000, "522702", "city")]), params);
    expect(behind).toMatchObject({ status: "warn", actual: 0 });
    expect(behind.explanation.zh).toContain("截至本期应达 5,000,000.00 元");
    // 500,000,000 all from the city: province 0% off 30 ± 1 → warn before year end
    expect(await evaluate(fiscalPerCounty, q2([allocation(500_000_000, "522702", "city")]), params)).toMatchObject({ status: "warn" });
  });

  it("is not applicable to a unit with no paired area in the program", async () => {
    expect(await evaluate(fiscalPerCounty, eastWest([], { funds: [allocation(1_000_000_000, "522701", "city")] }), params)).toMatchObject({ status: "not_applicable", actual: null });
  });
});
