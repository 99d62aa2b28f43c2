/** Program-wide data (rollups, rule sets) is for the program's coordinators and platform admins only. */
import { createMiddleware } from "hono/factory";
import { z } from "@hono/zod-openapi";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { findProgram } from "../../directory/programs";
import { currentPeriod, today } from "../../periods/period";

/** Must run after requireAuth(). Unknown programs answer 404 to admins and 403 to everyone else. */
export function requireProgramAccess() {
  return createMiddleware<AppEnv>(async function requireProgramAccessMiddleware(c, next) {
    const program = c.req.param("program") ?? "";
    const auth = c.get("auth");
    const allowed = auth.role === "admin" || (auth.role === "coordinator" && auth.programs.includes(program));
    if (!allowed) throw new ApiError("FORBIDDEN", "error.forbidden_program");
    if (!(await findProgram(c.get("services").platform, program))) throw new ApiError("NOT_FOUND", "error.program_not_found", { program: program.slice(0, 40) });
    await next();
  });
}

/** ?year=&quarter= — a whole year, or the year to the end of a quarter; the current year by default. */
export const PeriodQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2016)
    .max(2100)
    .default(() => new Date().getUTCFullYear()),
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
