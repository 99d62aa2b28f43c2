/**
 * Who is in post on a day, and whose term is ending — the one definition the summary, the
 * cadre-terms rule and the deadline alerts share. A cadre is in post from the start date until the
 * actual end date (exclusive); one marked completed or recalled without an actual end date is taken
 * to have left at the planned end.
 */
import { addDays } from "../periods/period";
import type { CadreFact } from "./facts";

type Term = Pick<CadreFact, "startDate" | "plannedEndDate" | "actualEndDate" | "status">;

/** The day a cadre's post ended, or null while in post. */
export function leftOn(c: Term): string | null {
  // Marked ended without a date: not placed in post on any day rather than guessed.
  return c.actualEndDate ?? (c.status === "in_post" ? null : c.startDate);
}

export function inPostOn(c: Term, day: string): boolean {
  const left = leftOn(c);
  return c.startDate <= day && (left === null || left > day);
}

export type TermState = "overdue" | "ending" | "ok";

/** Past the planned end on `day` (overdue), ending within `warnDays` days after it, or fine. */
export function termState(c: Term, day: string, warnDays: number): TermState {
  if (c.plannedEndDate < day) return "overdue";
  return c.plannedEndDate <= addDays(day, warnDays) ? "ending" : "ok";
}
