import { describe, expect, it } from "vitest";
import { normalizeDay, periodContext, periodWindow, quarterDue, quarterIsOver, quarterShare, termEnd, today } from "../src/periods/period";

describe("the period module", () => {
  it("takes today as the Beijing day: a quarter ends at midnight in China (16:00 UTC)", () => {
    expect(today(Date.parse("2026-03-31T15:59:59.999Z"))).toBe("2026-03-31");
    expect(today(Date.parse("2026-03-31T16:00:00.000Z"))).toBe("2026-04-01");
    expect(today(Date.parse("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01");
    // Q1 is not over on its last day, and is on the next.
    expect(quarterIsOver(2026, 1, today(Date.parse("2026-03-31T15:59:59.999Z")))).toBe(false);
    expect(quarterIsOver(2026, 1, today(Date.parse("2026-03-31T16:00:00.000Z")))).toBe(true);
    expect(quarterIsOver(2026, 4, "2026-12-31")).toBe(false);
  });

  it("puts a quarter's report due `dueDays` after its last day", () => {
    expect(quarterDue(2026, 1, 5)).toBe("2026-04-05");
    expect(quarterDue(2026, 3, 5)).toBe("2026-10-05");
    expect(quarterDue(2026, 4, 5)).toBe("2027-01-05");
    expect(quarterDue(2026, 1, 0)).toBe("2026-03-31");
  });

  it("ends a period's window at its own end and judges a period not over as of today", () => {
    expect(periodWindow({ year: 2026, quarter: 3 })).toEqual({ from: "2026-01-01", to: "2026-09-30" });
    expect(periodContext({ year: 2026, quarter: 4 }, "2026-12-01")).toMatchObject({ to: "2026-12-31", asOf: "2026-12-01", yearOver: false });
    expect(periodContext({ year: 2026, quarter: 4 }, "2027-01-01")).toMatchObject({ asOf: "2026-12-31", yearOver: true });
    // A quarter before the last is judged as of its end, when the year was still running.
    expect(periodContext({ year: 2026, quarter: 2 }, "2027-03-01")).toMatchObject({ asOf: "2026-06-30", yearOver: false });
  });

  it("ends a term the day before its anniversary (a 3-year term from 2022-03-01 ends 2025-02-28)", () => {
    expect(termEnd("2022-03-01", 36)).toBe("2025-02-28");
    expect(termEnd("2024-03-01", 12)).toBe("2025-02-28");
    expect(termEnd("2023-03-01", 12)).toBe("2024-02-29");
    // The 31st has no counterpart in a shorter month: the month's last day ends the term.
    expect(termEnd("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("holds a pairing that starts mid-year to the quarters since its start", () => {
    expect(quarterShare({ year: 2026, quarter: null }, 3)).toBe(0.5);
    expect(quarterShare({ year: 2026, quarter: 2 }, 3)).toBe(0);
    expect(quarterShare({ year: 2026, quarter: 2 })).toBe(0.5);
  });
});

describe("normalizeDay", () => {
  it.each([
    ["2026-03-01", "2026-03-01"],
    ["2026/3/1", "2026-03-01"],
    ["2026.03.1", "2026-03-01"],
    ["2026年3月1日", "2026-03-01"],
    [" 2024-02-29 ", "2024-02-29"],
    ["2026-02-29", null],
    ["2026-13-01", null],
    ["03/01/2026", null],
    ["", null],
  ])("%s → %s", (text, day) => {
    expect(normalizeDay(text)).toBe(day);
  });
});
