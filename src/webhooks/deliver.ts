/**
 * Delivering notices to webhooks: a notice for a unit or a program becomes one delivery per enabled
 * webhook of that audience, each a `webhook` job message — so the queue retries it (three attempts), and a
 * slow or failing robot never holds up the request that made the notice. Each attempt is recorded.
 */
import { and, eq, inArray } from "drizzle-orm";
import { notifications, webhookDeliveries, webhooks } from "../../db/platform/schema";
import type { Services } from "../services";
import { outgoingRequest } from "./formats";

export const WEBHOOK_ATTEMPTS = 3;
/** A robot that does not answer in this long is a failed attempt. */
const TIMEOUT_MS = 10_000;

/** Queues the deliveries of some just-inserted notices (ids) to the webhooks of their audiences. */
export async function queueDeliveries(services: Pick<Services, "platform" | "queue">, notices: readonly { id: number; audienceKind: string; audience: string }[]): Promise<void> {
  const addressed = notices.filter((n) => n.audienceKind === "unit" || n.audienceKind === "program");
  if (!addressed.length) return;
  const hooks = await services.platform
    .select({ id: webhooks.id, audienceKind: webhooks.audienceKind, audience: webhooks.audience })
    .from(webhooks)
    .where(and(eq(webhooks.enabled, true), inArray(webhooks.audience, [...new Set(addressed.map((n) => n.audience))])));
  const pairs = addressed.flatMap((n) => hooks.filter((h) => h.audienceKind === n.audienceKind && h.audience === n.audience).map((h) => ({ webhookId: h.id, notificationId: n.id })));
  if (!pairs.length) return;
  const rows = await services.platform.insert(webhookDeliveries).values(pairs).returning({ id: webhookDeliveries.id });
  await services.queue.send(rows.map((r) => ({ runId: "", job: "webhook" as const, delivery: r.id })));
}

/** One attempt at one delivery; throws to have the queue retry, until the last attempt, which records the failure. */
export async function deliver(services: Services, deliveryId: number, attempt: number, fetchImpl: typeof fetch = fetch): Promise<void> {
  const [row] = await services.platform
    .select({ delivery: webhookDeliveries, hook: webhooks, notice: notifications })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .leftJoin(notifications, eq(notifications.id, webhookDeliveries.notificationId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row || row.delivery.status !== "pending" || !row.hook.enabled) return;
  const notice = row.notice ? { title: "对口帮扶工作平台", text: row.notice.textZh, link: row.notice.link } : { title: "对口帮扶工作平台", text: "测试消息：已连接 | Test message", link: "#/" };
  const at = new Date().toISOString();
  let error: string | null = null;
  try {
    const request = await outgoingRequest(row.hook.format, row.hook.url, row.hook.secret, notice);
    const res = await fetchImpl(request.url, { method: "POST", headers: request.headers, body: request.body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "manual" });
    const answer = (await res.text()).slice(0, 300);
    // Both robots answer 200 with errcode 0 when they took the message.
    let errcode = 0;
    try {
      errcode = Number((JSON.parse(answer) as { errcode?: number }).errcode ?? 0);
    } catch {
      // a receiver that answers plain text: its status says
    }
    if (!res.ok || errcode !== 0) error = `HTTP ${res.status} ${answer}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const last = attempt >= WEBHOOK_ATTEMPTS;
  const status = error === null ? "delivered" : last ? "failed" : "pending";
  await services.platform.batch([
    services.platform.update(webhookDeliveries).set({ status, attempts: attempt, lastError: error, deliveredAt: error === null ? at : null }).where(eq(webhookDeliveries.id, deliveryId)),
    services.platform.update(webhooks).set({ lastStatus: error === null ? "delivered" : status === "failed" ? `failed: ${error.slice(0, 200)}` : `retrying: ${error.slice(0, 200)}`, lastAt: at }).where(eq(webhooks.id, row.hook.id)),
  ]);
  if (error !== null && !last) throw new Error(`webhook ${row.hook.id}: ${error}`);
}
