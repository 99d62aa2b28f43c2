import { describe, expect, it } from "vitest";
import { schoolLeaderExchanges, schoolTeachingResearch } from "../../src/rules/catalog/school-pairs";
import type { Row } from "./fixtures";
import { evaluate, activity, pairing, periodData } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §三(四): each school of a pair sends 1 leader or middle manager
// to the other a year; each pair holds ≥ 5 teaching-research events a year.
const leaderParams = schoolLeaderExchanges.params.parse({});
const researchParams = schoolTeachingResearch.params.parse({});

const schools = (): [Row, Row] => [pairing("school", { counterpart: "乳源高级中学" }), pairing("school", { counterpart: "翁源中学" })];
const leaderExchange = (pairingId: unknown, direction: "to_recipient" | "from_recipient", over: Row = {}) =>
  activity("exchange", { pairingId, direction, leaderLevel: "deputy", people: 1, ...over });

describe("school-leader-exchanges", () => {
  it("passes when every pair has one leader each way", async () => {
    const [a, b] = schools();
    const result = await evaluate(schoolLeaderExchanges, 
      periodData({
        pairings: [a, b],
        activities: [leaderExchange(a.id, "to_recipient"), leaderExchange(a.id, "from_recipient", { leaderLevel: "main" }), leaderExchange(b.id, "to_recipient"), leaderExchange(b.id, "from_recipient")],
      }),
      leaderParams,
    );
    // a: sent 1, received 1; b: sent 1, received 1 → 2 of 2 pairs
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2, unit: "pairs" });
    expect(result.evidence.filter((e) => e.entity === "activity")).toHaveLength(4);
  });

  it("fails at year end when a pair only sends, and does not count exchanges without a leader level", async () => {
    const [a] = schools();
    const result = await evaluate(schoolLeaderExchanges, 
      periodData({ pairings: [a], activities: [leaderExchange(a.id, "to_recipient"), leaderExchange(a.id, "from_recipient", { leaderLevel: null, people: 6 })] }),
      leaderParams,
    );
    // sent 1, received 0 (the teachers' exchange has no leader level) → 0 of 1 pairs
    expect(result).toMatchObject({ status: "fail", actual: 0, expected: 1 });
    expect(result.explanation.zh).toContain("乳源高级中学 我方派出 1 名、对方派来 0 名");
    expect(result.explanation.en).toContain("乳源高级中学 (sent 1, received 0)");
  });

  it("counts the people of an entry, at least one: two leaders in one entry meet perDirection 2", async () => {
    const [a] = schools();
    const data = periodData({ pairings: [a], activities: [leaderExchange(a.id, "to_recipient", { people: 2 }), leaderExchange(a.id, "from_recipient", { people: 0 }), leaderExchange(a.id, "from_recipient")] });
    // sent 2; received max(1, 0) + 1 = 2
    expect(await evaluate(schoolLeaderExchanges, data, { perDirection: 2 })).toMatchObject({ status: "pass", actual: 1 });
  });

  it("already expects one each way at Q1 (ceil(1 × 1/4) = 1): a pair with none warns", async () => {
    const [a] = schools();
    expect(await evaluate(schoolLeaderExchanges, periodData({ quarter: 1, pairings: [a] }), leaderParams)).toMatchObject({ status: "warn", actual: 0, expected: 1 });
  });

  it("is not applicable without school pairs", async () => {
    expect(await evaluate(schoolLeaderExchanges, periodData({ pairings: [pairing("hospital")] }), leaderParams)).toMatchObject({ status: "not_applicable", actual: null });
  });
});

describe("school-teaching-research", () => {
  const events = (pairingId: unknown, n: number) => Array.from({ length: n }, () => activity("teaching_research", { pairingId }));

  it("passes at exactly 5 events per pair", async () => {
    const [a, b] = schools();
    const result = await evaluate(schoolTeachingResearch, periodData({ pairings: [a, b], activities: [...events(a.id, 5), ...events(b.id, 6)] }), researchParams);
    // a: 5 ≥ 5, b: 6 ≥ 5 → 2 of 2
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2 });
  });

  it("fails at year end with 4, naming the pair", async () => {
    const [a, b] = schools();
    const result = await evaluate(schoolTeachingResearch, periodData({ pairings: [a, b], activities: [...events(a.id, 5), ...events(b.id, 4), activity("seminar", { pairingId: b.id })] }), researchParams);
    // b: 4 teaching-research events (the seminar is another kind) < 5 → 1 of 2
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2 });
    expect(result.explanation.zh).toContain("未达到：翁源中学 4 次");
  });

  it("is pro rata: by Q2 3 are due (ceil(5 × 2/4) = ceil(2.5) = 3): 3 pass, 2 warn", async () => {
    const [a] = schools();
    expect(await evaluate(schoolTeachingResearch, periodData({ quarter: 2, pairings: [a], activities: events(a.id, 3) }), researchParams)).toMatchObject({ status: "pass" });
    const behind = await evaluate(schoolTeachingResearch, periodData({ quarter: 2, pairings: [a], activities: events(a.id, 2) }), researchParams);
    expect(behind).toMatchObject({ status: "warn", actual: 0, expected: 1 });
    expect(behind.explanation.en).toContain("held the 3 teaching-research event(s) due by this period");
  });

  it("is not applicable without school pairs", async () => {
    expect(await evaluate(schoolTeachingResearch, periodData(), researchParams)).toMatchObject({ status: "not_applicable" });
  });
});
