/** The period a figures route is asked for: the query's shape, and what it means. */
import { z } from "@hono/zod-openapi";
import { currentPeriod, today } from "../periods/period";

/** ?year=&quarter= — a whole year, or the year to the end of a quarter; the current year by default. */
export const PeriodQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2016)
    .max(2100)
    // The current year as Beijing counts it (the day every figure is judged on).
    .default(() => Number(today().slice(0, 4))),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});

/**
 * The period asked for. A year still under way without a quarter means the year to date — through
 * the current quarter — so annual figures are judged pro rata, not failed before the year is over.
 */
export function toPeriod(q: { year: number; quarter?: number | undefined }, day = today()) {
  if (q.quarter) return { year: q.year, quarter: q.quarter as 1 | 2 | 3 | 4 };
  const current = currentPeriod(day);
  return { year: q.year, quarter: q.year === current.year ? current.quarter : null };
}
