import { describe, expect, it } from "vitest";
import { cultureBooks } from "../../src/rules/catalog/culture-books";
import { evaluate, fund, pairing, periodData, project } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §三(六): 100,000 yuan (10,000,000 fen) a year per paired
// cultural unit for books in its 风度书房.
const params = cultureBooks.params.parse({});

function library(counterpart = "乳源县图书馆") {
  const pair = pairing("culture", { counterpart });
  const books = project({ title: "风度书房购书", category: "culture", pairingId: pair.id });
  return { pair, books };
}

describe("culture-books", () => {
  it("passes at exactly 100,000 yuan put in, counting allocations, donations and enterprise investment but not disbursements", async () => {
    const { pair, books } = library();
    const result = await evaluate(cultureBooks, 
      periodData({
        pairings: [pair],
        projects: [books],
        funds: [
          fund("allocation", 6_000_000, { projectId: books.id }),
          fund("social_donation", 3_000_000, { projectId: books.id }),
          fund("enterprise_investment", 1_000_000, { projectId: books.id }),
          fund("disbursement", 6_000_000, { projectId: books.id }),
        ],
      }),
      params,
    );
    // 6,000,000 + 3,000,000 + 1,000,000 = 10,000,000 fen ≥ 10,000,000 (the disbursement pays out the allocation)
    expect(result).toMatchObject({ status: "pass", actual: 1, expected: 1, target: 1, unit: "pairs" });
    expect(result.evidence.filter((e) => e.entity === "fund")).toHaveLength(3);
  });

  it("fails at year end one fen short, naming the unit and its figure", async () => {
    const { pair, books } = library();
    const other = project({ pairingId: "pair-elsewhere" });
    const result = await evaluate(cultureBooks, 
      periodData({ pairings: [pair], projects: [books, other], funds: [fund("allocation", 9_999_999, { projectId: books.id }), fund("allocation", 5_000_000, { projectId: other.id })] }),
      params,
    );
    // 9,999,999 fen < 10,000,000; the other pairing's project does not count
    expect(result).toMatchObject({ status: "fail", actual: 0, expected: 1 });
    expect(result.explanation.zh).toContain("乳源县图书馆 99,999.99 元");
    expect(result.explanation.zh).toContain("不少于 100,000.00 元");
  });

  it("is pro rata: by Q2 50,000 yuan are due (10,000,000 × 2/4 = 5,000,000 fen); a unit one fen short warns", async () => {
    const a = library("乳源县图书馆");
    const b = library("新丰县文化馆");
    const result = await evaluate(cultureBooks, 
      periodData({
        quarter: 2,
        pairings: [a.pair, b.pair],
        projects: [a.books, b.books],
        funds: [fund("allocation", 5_000_000, { projectId: a.books.id }), fund("allocation", 4_999_999, { projectId: b.books.id })],
      }),
      params,
    );
    // a: 5,000,000 ≥ 5,000,000; b: 4,999,999 < 5,000,000 → 1 of 2
    expect(result).toMatchObject({ status: "warn", actual: 1, expected: 2 });
    expect(result.explanation.en).toContain("behind: 新丰县文化馆 (49,999.99 yuan)");
  });

  it("is not applicable without paired cultural units", async () => {
    expect(await evaluate(cultureBooks, periodData({ pairings: [pairing("hospital")] }), params)).toMatchObject({ status: "not_applicable", unit: "pairs" });
  });
});
