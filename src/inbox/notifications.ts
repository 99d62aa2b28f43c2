/**
 * The inbox (src: notifications): a notice is addressed to an audience — a unit, a recipient area, a
 * program — and a user's inbox is every notice for the audiences its role gives it now (a unit's staff
 * their unit; a recipient its area and, for a prefecture, its counties; a coordinator its programs), newest
 * first, with the user's own read marks.
 */
import { and, count, desc, eq, inArray, isNull, like, sql, type SQL } from "drizzle-orm";
import { notificationReads, notifications } from "../../db/platform/schema";
import type { AuthInfo } from "../auth/claims";
import { UNIT_ROLES } from "../auth/claims";
import { areaPrefix } from "../rules/progress";
import type { PlatformDb, Services } from "../services";
import { queueDeliveries } from "../webhooks/deliver";

export type NoticeKind = (typeof notifications.$inferInsert)["kind"];

export interface Notice {
  audienceKind: "unit" | "area" | "program";
  audience: string;
  kind: NoticeKind;
  zh: string;
  en: string;
  link: string;
}

/** The insert of notices, after the write they tell of — and their delivery to the audiences' webhooks, queued. */
export async function notify(services: Pick<Services, "platform" | "queue">, notices: readonly Notice[]): Promise<void> {
  if (!notices.length) return;
  const rows = await services.platform
    .insert(notifications)
    .values(notices.map((n) => ({ audienceKind: n.audienceKind, audience: n.audience, kind: n.kind, textZh: n.zh, textEn: n.en, link: n.link })))
    .returning({ id: notifications.id, audienceKind: notifications.audienceKind, audience: notifications.audience });
  await queueDeliveries(services, rows);
}

/** The notices a user's role addresses now; null for a role with no inbox (an admin). */
function audienceOf(auth: AuthInfo): SQL | null {
  if ((UNIT_ROLES as readonly string[]).includes(auth.role) && auth.unit) return and(eq(notifications.audienceKind, "unit"), eq(notifications.audience, auth.unit))!;
  if (auth.role === "recipient" && auth.area) return and(eq(notifications.audienceKind, "area"), like(notifications.audience, `${areaPrefix(auth.area)}%`))!;
  if (auth.role === "coordinator" && auth.programs.length) return and(eq(notifications.audienceKind, "program"), inArray(notifications.audience, auth.programs))!;
  return null;
}

export interface InboxItem {
  id: number;
  kind: NoticeKind;
  text: { zh: string; en: string };
  link: string;
  at: string;
  read: boolean;
}

/** A user's newest notices (a page of `limit`, older than the id `before` if given), the next page's cursor and how many are unread. */
export async function inboxOf(platform: PlatformDb, auth: AuthInfo, options: { limit: number; before?: number | undefined; unread?: boolean }): Promise<{ items: InboxItem[]; nextCursor: string | null; unread: number }> {
  const audience = audienceOf(auth);
  if (!audience) return { items: [], nextCursor: null, unread: 0 };
  const read = sql`EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = ${auth.userId} AND r.notification_id = ${notifications.id})`;
  const [rows, [unread]] = await Promise.all([
    platform
      .select({ id: notifications.id, kind: notifications.kind, zh: notifications.textZh, en: notifications.textEn, link: notifications.link, at: notifications.at, read: sql<number>`${read}`.mapWith(Boolean) })
      .from(notifications)
      .where(and(audience, options.before ? sql`${notifications.id} < ${options.before}` : undefined, options.unread ? sql`NOT ${read}` : undefined))
      .orderBy(desc(notifications.id))
      .limit(options.limit + 1),
    platform.select({ n: count() }).from(notifications).leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, auth.userId))).where(and(audience, isNull(notificationReads.userId))),
  ]);
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((r) => ({ id: r.id, kind: r.kind, text: { zh: r.zh, en: r.en }, link: r.link, at: r.at, read: r.read })),
    nextCursor: rows.length > options.limit ? String(page.at(-1)!.id) : null,
    unread: Number(unread?.n ?? 0),
  };
}

/** Marks notices read for a user — only those its role addresses (an id of another audience is ignored). */
export async function markRead(platform: PlatformDb, auth: AuthInfo, ids: readonly number[] | "all"): Promise<number> {
  const audience = audienceOf(auth);
  if (!audience) return 0;
  const mine = await platform.select({ id: notifications.id }).from(notifications).where(and(audience, ids === "all" ? undefined : inArray(notifications.id, [...ids])));
  if (!mine.length) return 0;
  await platform.insert(notificationReads).values(mine.map((m) => ({ userId: auth.userId, notificationId: m.id }))).onConflictDoNothing();
  return mine.length;
}

