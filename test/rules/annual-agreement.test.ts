import { describe, expect, it } from "vitest";
import { annualAgreement } from "../../src/rules/catalog/annual-agreement";
import { evaluate, activity, periodData } from "./fixtures";

// 2022-guangdong-guizhou-pairing-opinions.txt §(十九): an annual collaboration agreement is signed every year.
const params = annualAgreement.params.parse({});
const guizhou = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "gd-guizhou", groupAreas: [{ areaCode: "520324", role: "lead" }], ...over });
const agreement = (agreementYear: number, over = {}) => activity("agreement", { title: `${agreementYear} 年度协作协议`, agreementYear, ...over });

describe("annual-agreement", () => {
  it("passes with this year's agreement", async () => {
    const result = await evaluate(annualAgreement, guizhou({ activities: [agreement(2026)] }), params);
    expect(result).toMatchObject({ status: "pass", actual: 1, expected: 1, target: 1, unit: "count" });
    expect(result.evidence).toHaveLength(1);
  });

  it("fails at year end when only last year's agreement was signed this year", async () => {
    expect(await evaluate(annualAgreement, guizhou({ activities: [agreement(2025, { date: "2026-01-15" })] }), params)).toMatchObject({ status: "fail", actual: 0 });
  });

  it("warns while missing before Q4 (ceil(1 × 3/4) = 1 due), fails when missing at Q4: the boundary", async () => {
    expect(await evaluate(annualAgreement, guizhou({ quarter: 1, activities: [] }), params)).toMatchObject({ status: "warn", expected: 1 });
    expect(await evaluate(annualAgreement, guizhou({ quarter: 3, activities: [] }), params)).toMatchObject({ status: "warn", expected: 1 });
    expect(await evaluate(annualAgreement, guizhou({ quarter: 4, activities: [] }), params)).toMatchObject({ status: "fail", expected: 1 });
  });

  it("passes at Q1 once signed", async () => {
    expect(await evaluate(annualAgreement, guizhou({ quarter: 1, activities: [agreement(2026, { date: "2026-02-20" })] }), params)).toMatchObject({ status: "pass" });
  });

  it("is not applicable to a unit with no paired area in the program", async () => {
    expect(await evaluate(annualAgreement, guizhou({ groupAreas: [] }), params)).toMatchObject({ status: "not_applicable", actual: null });
  });

  it("with requireSignedCopy, counts an agreement only once its signed copy is attached (a voided one does not count)", async () => {
    const strict = annualAgreement.params.parse({ requireSignedCopy: true });
    const signed = agreement(2026, { id: "agreement-2026" });
    const copy = (over = {}) => ({ id: `att-${Math.random().toString(36).slice(2)}`, entity: "activity", recordId: "agreement-2026", name: "协议签字盖章件.pdf", kind: "pdf", contentType: "application/pdf", size: 100, sha256: "x", createdBy: "clerk", ...over });
    const unsigned = await evaluate(annualAgreement, guizhou({ activities: [signed] }), strict);
    expect(unsigned).toMatchObject({ status: "fail", actual: 0 });
    expect(unsigned.explanation.zh).toContain("未附签字盖章件");
    expect(await evaluate(annualAgreement, guizhou({ activities: [signed], attachments: [copy({ voidedAt: "2026-06-01T00:00:00Z", voidedBy: "clerk", voidReason: "错传" })] }), strict)).toMatchObject({ status: "fail", actual: 0 });
    expect(await evaluate(annualAgreement, guizhou({ activities: [signed], attachments: [copy(), copy()] }), strict)).toMatchObject({ status: "pass", actual: 1 });
    // Off by default: the recorded agreement counts as before.
    expect(await evaluate(annualAgreement, guizhou({ activities: [signed] }), params)).toMatchObject({ status: "pass", actual: 1 });
  });
});
