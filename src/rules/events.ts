/** Counting events of one kind of activity (an entry stands for its quantity of events, at least one). */
import type { ActivityFact } from "../figures/facts";
import { sum, toDate } from "./progress";
import type { RuleInput } from "./types";

/** Events of a kind (and direction, when given) by the judging day. */
export function countEvents(input: RuleInput, kind: ActivityFact["kind"], direction?: ActivityFact["direction"]): number {
  return sum(
    toDate(input.facts.activities, input).filter((a) => a.kind === kind && (direction === undefined || a.direction === direction)),
    (a) => a.events,
  );
}

/** The summed quantity of a kind in one direction by the judging day (job postings). */
export function sumQuantity(input: RuleInput, kind: ActivityFact["kind"], direction: ActivityFact["direction"]): number {
  return sum(
    toDate(input.facts.activities, input).filter((a) => a.kind === kind && a.direction === direction),
    (a) => a.quantity,
  );
}
