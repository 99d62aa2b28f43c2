import { describe, expect, it } from "vitest";
import { fiscalPerCounty } from "../../src/rules/catalog/fiscal-per-county";
import { evaluate, fund, periodData } from "./fixtures";

// 2016-guangdong-east-west-poverty-collaboration.txt §10: 10,000,000 yuan (1,000,000,000 fen) per county a year;
// Baise and Hechi paid by Shenzhen in full; the five prefectures in Sichuan, Yunnan and Guizhou shared 3 : 7 by
// province and city. The document names no county: the coordinator registers them in the structure
// (group_counties), and each group area carries its registered counties.
const params = fiscalPerCounty.params.parse({});
const REGISTERED: Record<string, string[]> = { "522700": ["522701", "522702"], "451000": ["451002"] };
const eastWest = (areas: string[], over: Parameters<typeof periodData>[0] = {}, registered = REGISTERED) =>
  periodData({ program: "gd-east-west-2016", term: { startYear: 2016, endYear: 2030 }, groupAreas: areas.map((areaCode) => ({ areaCode, role: "member" as const, counties: registered[areaCode] ?? [] })), ...over });
const allocation = (amountFen: number, areaCode: string, source: "province" | "city") => fund("allocation", amountFen, { areaCode, source });

describe("fiscal-per-county", () => {
  it("judges each registered county: 1,000,000,000 fen each, shared 3 : 7 in a shared prefecture", async () => {
    const result = await evaluate(
      fiscalPerCounty,
      eastWest(["522700", "451000"], {
        funds: [
          allocation(300_000_000, "522701", "province"),
          allocation(700_000_000, "522701", "city"),
          allocation(300_000_000, "522702", "province"),
          allocation(700_000_000, "522702", "city"),
          allocation(1_000_000_000, "451002", "city"),
          fund("disbursement", 5_000_000_000, { areaCode: "522701" }),
          allocation(1_000_000_000, "530602", "city"),
        ],
      }),
      params,
    );
    // 522701: 300,000,000 + 700,000,000 = 1,000,000,000, province 30.00%; 522702 the same; 451002 1,000,000,000 at 0%;
    // the disbursement and the 昭通 allocation (outside the unit's areas) do not count → 3 of 3 counties
    expect(result).toMatchObject({ status: "pass", actual: 3, expected: 3, target: 3, unit: "count" });
    expect(result.evidence).toHaveLength(5);
    expect(result.explanation.zh).toContain("省级分担 30.00%");
  });

  it("fails once the year is over when one county is a fen short, though the prefecture's total would be enough", async () => {
    const funds = [allocation(300_000_000, "522701", "province"), allocation(699_999_999, "522701", "city"), allocation(300_000_001, "522702", "province"), allocation(700_000_000, "522702", "city")];
    // 522701: 999,999,999 < 1,000,000,000; 522702: 1,000,000,001 (province 30.00…%) → 1 of 2
    expect(await evaluate(fiscalPerCounty, eastWest(["522700"], { funds }), params)).toMatchObject({ status: "fail", actual: 1, expected: 2 });
  });

  it("is not applicable, and says why, until the prefecture's counties are registered", async () => {
    const result = await evaluate(fiscalPerCounty, eastWest(["522700"], { funds: [allocation(1_000_000_000, "522701", "city")] }, {}), params);
    expect(result.status).toBe("not_applicable");
    expect(result.explanation.zh).toContain("尚未登记 522700 的受援县");
  });

  it("holds each county's split to 30% ± 1: exactly 31.00% passes, one fen more does not", async () => {
    const one = { "522700": ["522701"] };
    const at = [allocation(310_000_000, "522701", "province"), allocation(690_000_000, "522701", "city")];
    // 310,000,000 × 100 = 31,000,000,000 ≤ 31 × 1,000,000,000
    expect(await evaluate(fiscalPerCounty, eastWest(["522700"], { funds: at }, one), params)).toMatchObject({ status: "pass", actual: 1 });
    const over = [allocation(310_000_001, "522701", "province"), allocation(690_000_000, "522701", "city")];
    // 310,000,001 × 100 = 31,000,000,100 > 31 × 1,000,000,001 = 31,000,000,031 → off the split at year end
    expect(await evaluate(fiscalPerCounty, eastWest(["522700"], { funds: over }, one), params)).toMatchObject({ status: "fail", actual: 0 });
  });

  it("expects no province part in Baise, and leaves Ganzi (supported 按对口支援方式) outside §10", async () => {
    const baise = [allocation(200_000_000, "451002", "province"), allocation(800_000_000, "451002", "city")];
    // 200,000,000 / 1,000,000,000 = 20% > 0% + 1%
    expect(await evaluate(fiscalPerCounty, eastWest(["451000"], { funds: baise }), params)).toMatchObject({ status: "fail" });
    expect(await evaluate(fiscalPerCounty, eastWest(["513300"], { funds: [allocation(1, "513301", "province")] }, { "513300": ["513301"] }), params)).toMatchObject({ status: "not_applicable" });
    // 甘孜 as the structure has it: a 对口支援 group, never a §10 pairing even inside the rule's scope.
    const supported = periodData({ program: "gd-east-west-2016", term: { startYear: 2016, endYear: 2030 }, groupAreas: [{ areaCode: "522700", role: "member", basis: "support", counties: ["522701"] }] });
    expect(await evaluate(fiscalPerCounty, supported, params)).toMatchObject({ status: "not_applicable" });
  });

  it("is pro rata by quarter: at Q2 a county owes ceil(1,000,000,000 × 2/4) = 500,000,000", async () => {
    const one = { "451000": ["451002"] };
    const funds = [fund("allocation", 500_000_000, { areaCode: "451002", source: "city", date: "2026-05-01" })];
    expect(await evaluate(fiscalPerCounty, eastWest(["451000"], { quarter: 2, funds }, one), params)).toMatchObject({ status: "pass" });
    expect(await evaluate(fiscalPerCounty, eastWest(["451000"], { quarter: 2, funds: [fund("allocation", 499_999_999, { areaCode: "451002", source: "city", date: "2026-05-01" })] }, one), params)).toMatchObject({ status: "warn" });
  });

  it("is not applicable without a paired area", async () => {
    expect(await evaluate(fiscalPerCounty, eastWest([]), params)).toMatchObject({ status: "not_applicable" });
  });

  it("with confirmedOnly, counts only the allocations the county confirmed arrived (on their current version)", async () => {
    const strict = { ...params, confirmedOnly: true };
    const one = { "451000": ["451002"] };
    const full = { ...allocation(1_000_000_000, "451002", "city"), id: "alloc-1", version: 1 };
    const verdict = (recordVersion: number) => ({ entity: "fund", recordId: "alloc-1", recordVersion, verdict: "confirmed", areaCode: "451002", by: "county", byName: "县联络员" });
    expect(await evaluate(fiscalPerCounty, eastWest(["451000"], { funds: [full] }, one), strict)).toMatchObject({ status: "fail", actual: 0 });
    const confirmed = await evaluate(fiscalPerCounty, eastWest(["451000"], { funds: [full], verdicts: [verdict(1)] }, one), strict);
    expect(confirmed).toMatchObject({ status: "pass", actual: 1 });
    expect(confirmed.explanation.zh).toContain("只计受援县确认到位的资金");
    // A confirmation of an earlier version is no confirmation of this one.
    expect(await evaluate(fiscalPerCounty, eastWest(["451000"], { funds: [{ ...full, version: 2 }], verdicts: [verdict(1)] }, one), strict)).toMatchObject({ status: "fail", actual: 0 });
    expect(await evaluate(fiscalPerCounty, eastWest(["451000"], { funds: [full] }, one), params)).toMatchObject({ status: "pass", actual: 1 });
  });
});
