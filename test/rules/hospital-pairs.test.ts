import { describe, expect, it } from "vitest";
import { hospitalContacts, hospitalExchanges, hospitalSeminars } from "../../src/rules/catalog/hospital-pairs";
import type { Row } from "./fixtures";
import { evaluate, activity, pairing, periodData } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §三(五): every hospital pair has ≥ 2 contacts, ≥ 1 seminar
// and ≥ 20 person-times of staff exchange a year.
const contactsParams = hospitalContacts.params.parse({});
const seminarsParams = hospitalSeminars.params.parse({});
const exchangesParams = hospitalExchanges.params.parse({});

const hospitals = (): [Row, Row] => [pairing("hospital", { counterpart: "乳源县人民医院" }), pairing("hospital", { counterpart: "新丰县中医院" })];

describe("hospital-contacts", () => {
  it("passes when every pair has two contacts of the kinds that count", async () => {
    const [a, b] = hospitals();
    const result = await evaluate(hospitalContacts, 
      periodData({
        pairings: [a, b],
        activities: [
          activity("visit", { pairingId: a.id }),
          activity("seminar", { pairingId: a.id }),
          activity("joint_meeting", { pairingId: b.id }),
          activity("exchange", { pairingId: b.id, people: 3 }),
          activity("training", { pairingId: b.id, people: 10 }),
        ],
      }),
      contactsParams,
    );
    // a: 2 contacts, b: 3 contacts; both ≥ 2 → 2 of 2 pairs
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2, unit: "pairs" });
    // 2 pairings + 5 activities
    // the five activities of the kinds that count, on either pair
    expect(result.evidence).toHaveLength(5);
  });

  it("fails at year end when one pair has one contact, names it, and ignores other kinds and other pairs", async () => {
    const [a, b] = hospitals();
    const result = await evaluate(hospitalContacts, 
      periodData({
        pairings: [a, b],
        activities: [
          activity("visit", { pairingId: a.id }),
          activity("visit", { pairingId: a.id }),
          activity("visit", { pairingId: b.id }),
          activity("performance", { pairingId: b.id, quantity: 1 }),
          activity("visit", { pairingId: null }),
        ],
      }),
      contactsParams,
    );
    // a: 2, b: 1 (the performance and the unpaired visit do not count) → 1 of 2 pairs
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2 });
    expect(result.explanation.zh).toContain("新丰县中医院 1 次");
    expect(result.explanation.en).toContain("behind: 新丰县中医院 (1)");
  });

  it("is pro rata per pair: by Q2 one contact is enough (ceil(2 × 2/4) = 1), none warns", async () => {
    const [a, b] = hospitals();
    const data = { quarter: 2 as const, pairings: [a, b] };
    expect(await evaluate(hospitalContacts, periodData({ ...data, activities: [activity("visit", { pairingId: a.id }), activity("visit", { pairingId: b.id })] }), contactsParams)).toMatchObject({
      status: "pass",
      actual: 2,
    });
    expect(await evaluate(hospitalContacts, periodData({ ...data, activities: [activity("visit", { pairingId: a.id })] }), contactsParams)).toMatchObject({ status: "warn", actual: 1, expected: 2 });
  });

  it("is not applicable without hospital pairs", async () => {
    expect(await evaluate(hospitalContacts, periodData({ pairings: [pairing("school")] }), contactsParams)).toMatchObject({ status: "not_applicable", actual: null, unit: "pairs" });
  });
});

describe("hospital-seminars", () => {
  it("passes with one seminar per pair, fails at year end with a pair without one", async () => {
    const [a, b] = hospitals();
    const seminarsFor = (...ids: unknown[]) => ids.map((pairingId) => activity("seminar", { pairingId }));
    expect(await evaluate(hospitalSeminars, periodData({ pairings: [a, b], activities: seminarsFor(a.id, b.id) }), seminarsParams)).toMatchObject({ status: "pass", actual: 2, expected: 2 });
    // b has a visit, not a seminar → 1 of 2 pairs
    const result = await evaluate(hospitalSeminars, periodData({ pairings: [a, b], activities: [...seminarsFor(a.id), activity("visit", { pairingId: b.id })] }), seminarsParams);
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2 });
    expect(result.explanation.zh).toContain("新丰县中医院 0 次");
  });

  it("already expects the seminar at Q1 (ceil(1 × 1/4) = 1): none warns", async () => {
    const [a] = hospitals();
    expect(await evaluate(hospitalSeminars, periodData({ quarter: 1, pairings: [a] }), seminarsParams)).toMatchObject({ status: "warn", actual: 0, expected: 1 });
  });

  it("is not applicable without hospital pairs", async () => {
    expect(await evaluate(hospitalSeminars, periodData(), seminarsParams)).toMatchObject({ status: "not_applicable" });
  });
});

describe("hospital-exchanges", () => {
  const exchange = (pairingId: unknown, people: number) => activity("exchange", { pairingId, people, direction: "from_recipient" });

  it("passes at exactly 20 person-times, counting only exchanges", async () => {
    const [a] = hospitals();
    const result = await evaluate(hospitalExchanges, periodData({ pairings: [a], activities: [exchange(a.id, 12), exchange(a.id, 8), activity("training", { pairingId: a.id, people: 30 })] }), exchangesParams);
    // 12 + 8 = 20 ≥ 20; the training's 30 people are not an exchange
    expect(result).toMatchObject({ status: "pass", actual: 1, expected: 1 });
  });

  it("fails at year end at 19 person-times", async () => {
    const [a] = hospitals();
    const result = await evaluate(hospitalExchanges, periodData({ pairings: [a], activities: [exchange(a.id, 12), exchange(a.id, 7)] }), exchangesParams);
    // 12 + 7 = 19 < 20
    expect(result).toMatchObject({ status: "fail", actual: 0, expected: 1 });
    expect(result.explanation.zh).toContain("乳源县人民医院 19 人次");
  });

  it("is pro rata: by Q2 10 person-times pass (20 × 2/4 = 10), 9 warn; by Q3 15 are due", async () => {
    const [a] = hospitals();
    const at = (quarter: 2 | 3, people: number) => evaluate(hospitalExchanges, periodData({ quarter, pairings: [a], activities: [exchange(a.id, people)] }), exchangesParams);
    expect(await at(2, 10)).toMatchObject({ status: "pass" });
    expect(await at(2, 9)).toMatchObject({ status: "warn", actual: 0 });
    expect((await at(3, 14)).explanation.en).toContain("reached the 15 person-time(s)");
  });

  it("is not applicable without hospital pairs", async () => {
    expect(await evaluate(hospitalExchanges, periodData({ pairings: [pairing("culture")] }), exchangesParams)).toMatchObject({ status: "not_applicable" });
  });
});
