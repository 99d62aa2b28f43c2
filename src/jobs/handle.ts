/**
 * Where every queued job message is handled, on both runtimes: the Worker's queue() consumer and
 * Node's in-process queue call the same function.
 */
import { JUDGE_PER_MESSAGE, judgeAndStore, judgingInputs } from "../figures/judgements";
import { unjudgedUnits } from "../figures/standing";
import { refreshUnit } from "../figures/refresh";
import type { Services } from "../services";
import { DAILY_ATTEMPTS, handleDailyMessage } from "./daily";
import { InProcessQueue, type JobMessage } from "./queue";
import { handleReportMessage, REPORT_ATTEMPTS } from "./report-jobs";
import { deliver, WEBHOOK_ATTEMPTS } from "../webhooks/deliver";

/** Handles one message; throws when it failed, so the queue retries it. */
export async function handleJobMessage(services: Services, message: JobMessage, attempt = 1): Promise<void> {
  switch (message.job) {
    case "daily":
      return handleDailyMessage(services, message, attempt, DAILY_ATTEMPTS);
    case "refresh": {
      // Facts already current are not recomputed; a failure is recorded on the facts and not retried (the next write or night does).
      await refreshUnit(services, message.target.unit, undefined, message.years, { ensure: message.judge ?? [] });
      return;
    }
    case "webhook":
      return deliver(services, message.delivery, attempt);
    case "judge": {
      // Judged from stored facts; a unit whose facts are missing is left to its refresh.
      const inputs = await judgingInputs(services, message.program, message.period, message.day);
      await judgeAndStore(services, message.program, inputs, await unjudgedUnits(services, message.program, inputs, message.range, JUDGE_PER_MESSAGE));
      return;
    }
    default:
      return handleReportMessage(services, message, attempt, REPORT_ATTEMPTS);
  }
}

/**
 * Messages handled at once in-process. Embedded libSQL calls run on Node's one thread, so more at
 * once would not be faster — only hold more units' records in memory together.
 */
export const IN_PROCESS_CONCURRENCY = 1;

/** The in-process job queue a runtime without a Cloudflare Queue uses (Node, or a script). */
export function inProcessJobQueue(services: () => Services): InProcessQueue {
  return new InProcessQueue((message, attempt) => handleJobMessage(services(), message, attempt), IN_PROCESS_CONCURRENCY, Math.max(REPORT_ATTEMPTS, DAILY_ATTEMPTS, WEBHOOK_ATTEMPTS) - 1);
}
