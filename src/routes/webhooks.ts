/**
 * Outgoing webhooks administered: a unit's own (its unit admin, or an admin) and a program's (its
 * coordinator, or an admin) — a WeCom or DingTalk group robot's URL, its 加签 secret, on or off, and a test
 * that sends one message at once and says what the robot answered. The robot's URL carries its key and the
 * secret signs: neither is shown again (the URL's query is masked).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, eq } from "drizzle-orm";
import { platformAudit, webhookDeliveries, webhooks } from "../../db/platform/schema";
import { requireAuth } from "../auth/middleware";
import { ApiError } from "../errors";
import { etag, requireIfMatch } from "../ledger/etag";
import { newId } from "../ledger/ids";
import { auditIfWon } from "../platform/guarded-write";
import type { Router } from "../router";
import type { AppEnv } from "../types";
import { deliver, WEBHOOK_ATTEMPTS } from "../webhooks/deliver";
import { urlProblem } from "../webhooks/formats";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "./openapi-common";
import { requireProgramAccess } from "./programs/access";

type Webhook = typeof webhooks.$inferSelect;

const WebhookSchema = z
  .object({
    id: z.string(),
    audienceKind: z.enum(["unit", "program"]),
    audience: z.string(),
    format: z.enum(["wecom", "dingtalk"]),
    url: z.string().openapi({ description: "The robot's URL with its query (the key) masked" }),
    hasSecret: z.boolean(),
    enabled: z.boolean(),
    version: z.number().int(),
    lastStatus: z.string().nullable(),
    lastAt: z.string().nullable(),
  })
  .openapi("Webhook");

const masked = (url: string) => url.replace(/([?&][^=&]+=)[^&]*/g, "$1…");
const view = (w: Webhook) => ({ id: w.id, audienceKind: w.audienceKind, audience: w.audience, format: w.format, url: masked(w.url), hasSecret: Boolean(w.secret), enabled: w.enabled, version: w.version, lastStatus: w.lastStatus, lastAt: w.lastAt });

const Create = z
  .object({
    format: z.enum(["wecom", "dingtalk"]),
    url: z.string().trim().min(8).max(500),
    secret: z.string().trim().min(8).max(200).optional().openapi({ description: "钉钉加签密钥（SEC…）；企业微信可留空 The DingTalk signing secret" }),
  })
  .strict()
  .openapi("NewWebhook");
const Update = z
  .object({ url: z.string().trim().min(8).max(500).optional(), secret: z.string().trim().min(8).max(200).nullable().optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((o) => Object.keys(o).length > 0, "至少修改一项 | Change at least one thing")
  .openapi("WebhookUpdate");

/** Whether the caller administers this audience's webhooks. */
function mayAdminister(c: Context<AppEnv>, w: Pick<Webhook, "audienceKind" | "audience">): boolean {
  const auth = c.get("auth");
  if (auth.role === "admin") return true;
  if (w.audienceKind === "unit") return auth.role === "unit_admin" && auth.unit === w.audience;
  return auth.role === "coordinator" && auth.programs.includes(w.audience);
}

function checkUrl(c: Context<AppEnv>, url: string): void {
  const problem = urlProblem(url, c.get("services").config.webhookHosts);
  if (problem) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: "body.url", code: "url_not_allowed", message: problem }]);
}

async function create(c: Context<AppEnv>, audienceKind: "unit" | "program", audience: string, body: z.infer<typeof Create>) {
  checkUrl(c, body.url);
  const services = c.get("services");
  const row: Webhook = { id: newId(), audienceKind, audience, format: body.format, url: body.url, secret: body.secret ?? null, enabled: true, version: 1, createdAt: new Date().toISOString(), createdBy: c.get("auth").username, lastStatus: null, lastAt: null };
  await services.platform.batch([
    services.platform.insert(webhooks).values(row),
    services.platform.insert(platformAudit).values({ actor: row.createdBy, requestId: c.get("requestId"), action: "create", entity: "webhook", entityId: row.id, before: null, after: view(row) }),
  ]);
  return row;
}

const listOf = (kind: "unit" | "program") => async (c: Context<AppEnv>, audience: string) =>
  (await c.get("services").platform.select().from(webhooks).where(and(eq(webhooks.audienceKind, kind), eq(webhooks.audience, audience)))).map(view);

export function registerWebhooks(app: Router) {
  const unitParams = z.object({ unit: UnitSlugParam });
  const unitAccess = (c: Context<AppEnv>, unit: string) => {
    if (!mayAdminister(c, { audienceKind: "unit", audience: unit })) throw new ApiError("FORBIDDEN", "error.forbidden");
  };
  app.openapi(
    createRoute({ method: "get", path: "/api/units/{unit}/webhooks", tags: ["notifications"], summary: "单位的群机器人 A unit's outgoing webhooks", security: bearer, middleware: [requireAuth()] as const, request: { params: unitParams }, responses: { 200: ok(z.object({ items: z.array(WebhookSchema) }), "Webhooks"), ...errors(400, 401, 403) } }),
    async (c) => {
      const { unit } = c.req.valid("param");
      unitAccess(c, unit);
      return c.json({ items: await listOf("unit")(c, unit) }, 200);
    },
  );
  app.openapi(
    createRoute({ method: "post", path: "/api/units/{unit}/webhooks", tags: ["notifications"], summary: "添加群机器人 Add a unit's WeCom or DingTalk robot", security: bearer, middleware: [requireAuth()] as const, request: { params: unitParams, body: { content: { "application/json": { schema: Create } }, required: true } }, responses: { 201: ok(WebhookSchema, "Added"), ...errors(400, 401, 403) } }),
    async (c) => {
      const { unit } = c.req.valid("param");
      unitAccess(c, unit);
      if (!(await c.get("services").tenants.find(unit))) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit });
      const row = await create(c, "unit", unit, c.req.valid("json"));
      c.header("ETag", etag(1));
      return c.json(view(row), 201);
    },
  );
  const programParams = z.object({ program: ProgramSlugParam });
  app.openapi(
    createRoute({ method: "get", path: "/api/programs/{program}/webhooks", tags: ["notifications"], summary: "帮扶工作的群机器人 A program's outgoing webhooks", security: bearer, middleware: [requireAuth(), requireProgramAccess()] as const, request: { params: programParams }, responses: { 200: ok(z.object({ items: z.array(WebhookSchema) }), "Webhooks"), ...errors(400, 401, 403, 404) } }),
    async (c) => c.json({ items: await listOf("program")(c, c.req.valid("param").program) }, 200),
  );
  app.openapi(
    createRoute({ method: "post", path: "/api/programs/{program}/webhooks", tags: ["notifications"], summary: "添加群机器人 Add a program's WeCom or DingTalk robot", security: bearer, middleware: [requireAuth(), requireProgramAccess()] as const, request: { params: programParams, body: { content: { "application/json": { schema: Create } }, required: true } }, responses: { 201: ok(WebhookSchema, "Added"), ...errors(400, 401, 403, 404) } }),
    async (c) => {
      const row = await create(c, "program", c.req.valid("param").program, c.req.valid("json"));
      c.header("ETag", etag(1));
      return c.json(view(row), 201);
    },
  );

  const idParams = z.object({ id: z.string().min(1).max(64) });
  const owned = async (c: Context<AppEnv>, id: string) => {
    const [row] = await c.get("services").platform.select().from(webhooks).where(eq(webhooks.id, id));
    if (!row || !mayAdminister(c, row)) throw new ApiError("NOT_FOUND", "error.not_found");
    return row;
  };
  app.openapi(
    createRoute({ method: "patch", path: "/api/webhooks/{id}", tags: ["notifications"], summary: "修改群机器人 Change a webhook (If-Match)", security: bearer, middleware: [requireAuth()] as const, request: { params: idParams, headers: z.object({ "if-match": z.string().optional() }), body: { content: { "application/json": { schema: Update } }, required: true } }, responses: { 200: ok(WebhookSchema, "Updated"), ...errors(400, 401, 404, 412, 428) } }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const version = requireIfMatch(c.req.header("if-match"));
      const current = await owned(c, id);
      if (current.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      if (body.url) checkUrl(c, body.url);
      const next: Webhook = { ...current, url: body.url ?? current.url, secret: body.secret === undefined ? current.secret : body.secret, enabled: body.enabled ?? current.enabled, version: version + 1 };
      const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "webhook", entityId: id, before: view(current), after: view(next) };
      const [updated] = await c.get("services").platformClient.batch(
        [{ sql: "UPDATE webhooks SET url = ?, secret = ?, enabled = ?, version = ? WHERE id = ? AND version = ?", args: [next.url, next.secret, next.enabled ? 1 : 0, next.version, id, version] }, auditIfWon(entry)],
        "write",
      );
      if (updated?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      c.header("ETag", etag(next.version));
      return c.json(view(next), 200);
    },
  );
  app.openapi(
    createRoute({ method: "post", path: "/api/webhooks/{id}/test", tags: ["notifications"], summary: "发送测试消息 Send one test message now and say what the robot answered", security: bearer, middleware: [requireAuth()] as const, request: { params: idParams }, responses: { 200: ok(z.object({ delivered: z.boolean(), error: z.string().nullable() }), "Tried"), ...errors(400, 401, 404) } }),
    async (c) => {
      const hook = await owned(c, c.req.valid("param").id);
      const services = c.get("services");
      const [delivery] = await services.platform.insert(webhookDeliveries).values({ webhookId: hook.id, notificationId: null }).returning();
      // One attempt, now, as the last: the answer is what the caller sees.
      await deliver(services, delivery!.id, WEBHOOK_ATTEMPTS);
      const [done] = await services.platform.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
      return c.json({ delivered: done?.status === "delivered", error: done?.lastError ?? null }, 200);
    },
  );
}
