/**
 * A record's thread as the recipient sees it (GET), and the recipient's message on it (POST): an answer
 * to the helper, a question. Only the area's records of the area's helpers.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth, requireRole } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { notify } from "../../inbox/notifications";
import { requestActor } from "../../ledger/context";
import { CLAIM_ENTITIES } from "../../recipients/claims";
import { messageStatements, threadOf } from "../../recipients/threads";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { claimOrNotFound, helperOf, recipientArea } from "./access";
import { ClaimSchema, MessageBody, PLURAL, ThreadEntrySchema } from "./schemas";

const params = z.object({ unit: UnitSlugParam, entity: z.enum(CLAIM_ENTITIES), id: z.string().min(1).max(64) });
const Thread = z.object({ claim: ClaimSchema, entries: z.array(ThreadEntrySchema) }).openapi("RecipientThread");

const getRoute = createRoute({
  method: "get",
  path: "/api/recipient/claims/{unit}/{entity}/{id}/thread",
  tags: ["recipient"],
  summary: "记录的往来 A record's thread, as the recipient sees it",
  security: bearer,
  middleware: [requireAuth(), requireRole("recipient")] as const,
  request: { params },
  responses: { 200: ok(Thread, "往来 Thread"), ...errors(400, 401, 403, 404) },
});

const postRoute = createRoute({
  method: "post",
  path: "/api/recipient/claims/{unit}/{entity}/{id}/thread",
  tags: ["recipient"],
  summary: "留言 The recipient's message on a record's thread",
  security: bearer,
  middleware: [requireAuth(), requireRole("recipient")] as const,
  request: { params, body: { content: { "application/json": { schema: MessageBody } }, required: true } },
  responses: { 201: ok(Thread, "已留言 Posted"), ...errors(400, 401, 403, 404) },
});

export function registerRecipientThread(app: Router) {
  app.openapi(getRoute, async (c) => {
    const area = recipientArea(c);
    const { unit: slug, entity, id } = c.req.valid("param");
    const { helper, unit } = await helperOf(c, area, slug);
    const out = await c.get("services").tenants.use(unit, async ({ db }) => ({ claim: await claimOrNotFound(db, entity, area, id), entries: await threadOf(db, entity, id) }));
    return c.json({ claim: { ...out.claim, unit: { slug: helper.slug, name: helper.name } }, entries: out.entries }, 200);
  });

  app.openapi(postRoute, async (c) => {
    const area = recipientArea(c);
    const { unit: slug, entity, id } = c.req.valid("param");
    const { text } = c.req.valid("json");
    const services = c.get("services");
    const { helper, unit } = await helperOf(c, area, slug);
    const auth = c.get("auth");
    const out = await services.tenants.use(unit, async ({ db, client }) => {
      await claimOrNotFound(db, entity, area, id);
      const [inserted] = await client.batch(messageStatements(entity, id, "reply", "recipient", text, requestActor(c), auth.name), "write");
      if (inserted?.rowsAffected !== 1) throw new ApiError("NOT_FOUND", "error.not_found");
      return { claim: await claimOrNotFound(db, entity, area, id), entries: await threadOf(db, entity, id) };
    });
    await notify(services, [{ audienceKind: "unit", audience: slug, kind: "reply", zh: `受援地（${auth.name}）留言：${text}`, en: `The recipient (${auth.name}) wrote: ${text}`, link: `#/u/${slug}/ledger/${PLURAL[entity]}?thread=${id}` }]);
    return c.json({ claim: { ...out.claim, unit: { slug: helper.slug, name: helper.name } }, entries: out.entries }, 201);
  });
}
