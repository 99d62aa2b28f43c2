/** One yuan parser for the API, the importer and the web form (the web once accepted "￥100" that the importer refused). */
import { describe, expect, it } from "vitest";
import { yuanToFen } from "../src/ledger/money";
import { parseYuan } from "../web/src/format/money";

describe("parsing yuan", () => {
  it.each([
    ["￥100", 10_000],
    ["¥1,234.5", 123_450],
    ["100元", 10_000],
    ["12,345.60", 1_234_560],
    ["０", null],
    ["1.2e3", null],
    ["12.345", null],
    [12.34, 1_234],
    ["-5", -500],
  ] as const)("%s → %s fen on the server", (input, fen) => {
    expect(yuanToFen(input)).toBe(fen);
  });

  it("gives the form the same amounts, and refuses a negative one with its reason", () => {
    for (const input of ["￥100", "¥1,234.5", "100元", "12,345.60", "1.2e3", "12.345", "0.1"]) {
      const web = parseYuan(input);
      expect(web.ok ? web.fen : null).toBe(yuanToFen(input));
    }
    expect(parseYuan("-5")).toEqual({ ok: false, reason: "negative" });
    expect(parseYuan("12.345")).toEqual({ ok: false, reason: "decimals" });
  });
});
