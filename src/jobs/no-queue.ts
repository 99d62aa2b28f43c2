/** A queue that drops what it is given: for writes with no follow-up work to do (the seed's demo ledger, which no one watches). */
import type { JobQueue } from "./queue";

export const NO_QUEUE: JobQueue = {
  delays: false,
  async send() {},
  async settled() {},
};
