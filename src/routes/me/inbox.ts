/**
 * The signed-in user's inbox: GET lists the notices its role addresses now, newest first, with the unread
 * count the web shows by the bell; POST …/read marks some (or all) read for this user only.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { inboxOf, markRead } from "../../inbox/notifications";
import type { Router } from "../../router";
import { bearer, errors, ok, idCursor, pageOf, pageQuery } from "../openapi-common";

const Item = z
  .object({
    id: z.number().int(),
    kind: z.enum(["disputed", "confirmed", "reply", "amended", "returned", "resubmitted", "remind", "deadline", "issued"]),
    text: z.object({ zh: z.string(), en: z.string() }),
    link: z.string(),
    at: z.string(),
    read: z.boolean(),
  })
  .openapi("InboxItem");

const listRoute = createRoute({
  method: "get",
  path: "/api/me/inbox",
  tags: ["auth"],
  summary: "消息 The user's inbox (newest first) and its unread count",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: {
    query: z.object({
      unread: z.enum(["true", "false"]).optional(),
      ...pageQuery({ max: 100, default: 20 }, idCursor()),
    }),
  },
  responses: { 200: ok(pageOf(Item, { unread: z.number().int() }).openapi("Inbox"), "消息 Inbox"), ...errors(400, 401) },
});

const readRoute = createRoute({
  method: "post",
  path: "/api/me/inbox/read",
  tags: ["auth"],
  summary: "标为已读 Mark notices read",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: { body: { content: { "application/json": { schema: z.object({ ids: z.union([z.array(z.number().int().positive()).min(1).max(200), z.literal("all")]) }).strict().openapi("InboxRead") } }, required: true } },
  responses: { 200: ok(z.object({ marked: z.number().int() }), "已标记 Marked"), ...errors(400, 401) },
});

export function registerInbox(app: Router) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    return c.json(await inboxOf(c.get("services").platform, c.get("auth"), { limit: q.limit, before: q.cursor ? Number(q.cursor) : undefined, unread: q.unread === "true" }), 200);
  });
  app.openapi(readRoute, async (c) => {
    const { ids } = c.req.valid("json");
    return c.json({ marked: await markRead(c.get("services").platform, c.get("auth"), ids) }, 200);
  });
}
