/**
 * The Cloudflare Workers entry. Bindings are parsed with zod on the first event of an isolate; the
 * services and app are then kept for the isolate's life. `scheduled` dispatches the same jobs as
 * the Node scheduler, by cron expression.
 */
import { createApp } from "./app";
import { ConfigError, parseEnv, toConfig } from "./env";
import { errorBody, ERROR_STATUS } from "./errors";
import { pickLang, t } from "./i18n";
import type { JobMessage, QueueProducer } from "./jobs/queue";
import type { R2Like } from "./files/store";
import { handleJobMessage } from "./jobs/handle";
import { runScheduled } from "./jobs/schedule";
import { bootstrap } from "./platform/bootstrap";
import type { Router } from "./router";
import type { Services } from "./services";
import { createWorkerServices } from "./worker-services";

/** The Worker's bindings: plain variables and secrets (see wrangler.toml). */
export type WorkerBindings = Record<string, unknown>;

interface Isolate {
  services: Services;
  app: Router;
  ready: Promise<unknown>;
}

let isolate: { bindings: WorkerBindings; value: Isolate } | undefined;

function forBindings(bindings: WorkerBindings): Isolate {
  if (isolate?.bindings === bindings) return isolate.value;
  const env = parseEnv(bindings);
  const services = createWorkerServices(env, toConfig(env), undefined, bindings.REPORT_QUEUE as QueueProducer | undefined, bindings.FILES as R2Like | undefined);
  // Seeding and the first migration of every tenant run from `npm run migrate` (see README);
  // an isolate only brings the platform schema up to date and migrates tenants as it opens them.
  const ready = bootstrap(services, { migrateTenants: false });
  const value = { services, app: createApp(services), ready };
  isolate = { bindings, value };
  return value;
}

function unavailable(request: Request, error: unknown): Response {
  // Before the app exists there is no request-id middleware: the id is made here, logged and returned alike,
  // in the one envelope and the client's language.
  const requestId = crypto.randomUUID();
  console.error(JSON.stringify({ level: "error", msg: "worker cannot start", requestId, error: error instanceof Error ? error.message : String(error) }));
  const lang = pickLang(request.headers.get("accept-language"));
  const message = t(lang, error instanceof ConfigError ? "error.misconfigured" : "error.unavailable", { requestId });
  return Response.json(errorBody("UNAVAILABLE", message, [], requestId), { status: ERROR_STATUS.UNAVAILABLE, headers: { "X-Request-Id": requestId } });
}

export default {
  async fetch(request: Request, bindings: WorkerBindings, ctx: ExecutionContext): Promise<Response> {
    let current: Isolate;
    try {
      current = forBindings(bindings);
      await current.ready;
    } catch (error) {
      isolate = undefined;
      return unavailable(request, error);
    }
    return current.app.fetch(request, bindings, ctx);
  },

  async scheduled(controller: ScheduledController, bindings: WorkerBindings, ctx: ExecutionContext): Promise<void> {
    const current = forBindings(bindings);
    await current.ready;
    ctx.waitUntil(runScheduled(current.services, controller.cron));
  },

  /** One unit's (or program's) work per message; a failure is retried by the Queue, then lands in the dead-letter queue. */
  async queue(batch: MessageBatch<JobMessage>, bindings: WorkerBindings): Promise<void> {
    const current = forBindings(bindings);
    await current.ready;
    for (const message of batch.messages) {
      try {
        await handleJobMessage(current.services, message.body, message.attempts);
        message.ack();
      } catch {
        message.retry();
      }
    }
  },
} satisfies ExportedHandler<WorkerBindings, JobMessage>;
