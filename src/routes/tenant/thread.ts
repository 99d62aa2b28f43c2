/**
 * A record's thread from the helper's side: GET shows the recipient's standing and every entry; POST adds
 * the unit's reply (its staff), or a coordinator's return of the record with the reason to fix (a record of
 * the coordinator's program). The other side's inbox is told: the recipient area on a reply, the unit on a
 * return.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { recipientVerdicts } from "../../../db/tenant/schema";
import { ApiError } from "../../errors";
import { notify } from "../../inbox/notifications";
import { requestActor } from "../../ledger/context";
import { areaColumnOf, standingOf, tableOf, type ClaimEntity } from "../../recipients/claims";
import { messageStatements, threadOf } from "../../recipients/threads";
import type { Router } from "../../router";
import { seesProgram } from "../../tenants/access";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { MessageBody, ThreadEntrySchema, VerdictSchema } from "../recipient/schemas";

const ENTITY_OF = { funds: "fund", projects: "project", cadres: "cadre", activities: "activity" } as const satisfies Record<string, ClaimEntity>;

const params = z.object({ unit: UnitSlugParam, id: z.string().min(1).max(64) });
type Resource = keyof typeof ENTITY_OF;
const Thread = z
  .object({
    standing: z.enum(["unconfirmed", "confirmed", "disputed", "amended"]).nullable(),
    verdict: VerdictSchema.nullable(),
    entries: z.array(ThreadEntrySchema),
  })
  .openapi("RecordThread");

const getRoute = (resource: Resource) =>
  createRoute({
    method: "get",
    path: `/api/t/{unit}/${resource}/{id}/thread`,
    tags: ["tenant"],
    summary: "记录的往来 A record's thread: the recipient's standing, disputes, replies, returns",
    security: bearer,
    request: { params },
    responses: { 200: ok(Thread, "往来 Thread"), ...errors(400, 401, 403, 404) },
  });

const postRoute = (resource: Resource) =>
  createRoute({
    method: "post",
    path: `/api/t/{unit}/${resource}/{id}/thread`,
    tags: ["tenant"],
    summary: "答复或退回 The unit's reply, or a coordinator's return of the record with its reason",
    security: bearer,
    request: { params, body: { content: { "application/json": { schema: MessageBody } }, required: true } },
    responses: { 201: ok(Thread, "已留言 Posted"), ...errors(400, 401, 403, 404) },
  });

/** One GET and one POST per resource (funds, projects, cadres, activities), so each has its own path in the contract. */
export function registerRecordThread(app: Router) {
  for (const resource of Object.keys(ENTITY_OF) as Resource[]) registerThreadOf(app, resource);
  registerSubmissionThread(app);
}

const submissionThread = createRoute({
  method: "get",
  path: "/api/t/{unit}/submissions/{id}/thread",
  tags: ["tenant"],
  summary: "报送的往来 A quarterly submission's returns (with their reasons) and resubmissions",
  security: bearer,
  request: { params },
  responses: { 200: ok(z.object({ entries: z.array(ThreadEntrySchema) }).openapi("SubmissionThread"), "往来 Thread"), ...errors(400, 401, 403, 404) },
});

/** A submission's thread: read-only here — the return and the resubmission write it (src/routes/tenant/submissions.ts). */
function registerSubmissionThread(app: Router) {
  app.openapi(submissionThread, async (c) => {
    const { id } = c.req.valid("param");
    const tenant = c.get("tenant");
    const [row] = await tenant.db.all<{ program: string }>(sql`SELECT program FROM submissions WHERE id = ${id} AND voided_at IS NULL`);
    if (!row || !seesProgram(tenant.access, row.program)) throw new ApiError("NOT_FOUND", "error.not_found");
    return c.json({ entries: await threadOf(tenant.db, "submission", id) }, 200);
  });
}

function registerThreadOf(app: Router, resource: Resource) {
  const recordOf = async (db: Parameters<typeof threadOf>[0], entity: ClaimEntity, id: string) => {
    const [r] = await db.all<{ version: number; program: string | null; area: string }>(
      sql`SELECT version, program, ${sql.raw(areaColumnOf(entity))} AS area FROM ${sql.raw(tableOf(entity))} WHERE id = ${id} AND voided_at IS NULL`,
    );
    return r ? { version: Number(r.version), program: r.program ?? null, area: String(r.area) } : undefined;
  };

  const threadView = async (db: Parameters<typeof threadOf>[0], entity: ClaimEntity, id: string, version: number) => {
    const [v] = entity === "activity" ? [] : await db.select().from(recipientVerdicts).where(and(eq(recipientVerdicts.entity, entity), eq(recipientVerdicts.recordId, id)));
    const verdict = v ? { verdict: v.verdict, recordVersion: v.recordVersion, amountFen: v.amountFen, date: v.date, reason: v.reason, byName: v.byName, at: v.at } : null;
    return { standing: entity === "activity" ? null : standingOf(version, verdict), verdict, entries: await threadOf(db, entity, id) };
  };

  app.openapi(getRoute(resource), async (c) => {
    const { id } = c.req.valid("param");
    const entity = ENTITY_OF[resource];
    const tenant = c.get("tenant");
    const record = await recordOf(tenant.db, entity, id);
    if (!record || !seesProgram(tenant.access, record.program)) throw new ApiError("NOT_FOUND", "error.not_found");
    return c.json(await threadView(tenant.db, entity, id, record.version), 200);
  });

  app.openapi(postRoute(resource), async (c) => {
    const { unit, id } = c.req.valid("param");
    const { text } = c.req.valid("json");
    const entity = ENTITY_OF[resource];
    const tenant = c.get("tenant");
    const auth = c.get("auth");
    const record = await recordOf(tenant.db, entity, id);
    if (!record || !seesProgram(tenant.access, record.program)) throw new ApiError("NOT_FOUND", "error.not_found");
    // A coordinator returns a record (with the reason); the unit's own staff reply.
    const coordinator = auth.role === "coordinator";
    const [inserted] = await tenant.client.batch(messageStatements(entity, id, coordinator ? "returned" : "reply", coordinator ? "coordinator" : "helper", text, requestActor(c), auth.name), "write");
    if (inserted?.rowsAffected !== 1) throw new ApiError("NOT_FOUND", "error.not_found");
    const services = c.get("services");
    const name = (await services.tenants.find(unit))?.name ?? unit;
    await notify(
      services,
      coordinator
        ? [{ audienceKind: "unit", audience: unit, kind: "returned", zh: `牵头部门（${auth.name}）退回一条记录：${text}`, en: `The coordinating office (${auth.name}) returned a record: ${text}`, link: `#/u/${unit}/ledger/${resource}?thread=${id}` }]
        : [{ audienceKind: "area", audience: record.area, kind: "reply", zh: `${name}答复：${text}`, en: `${name} replied: ${text}`, link: `#/recipient?entity=${entity}&thread=${unit}/${id}` }],
    );
    return c.json(await threadView(tenant.db, entity, id, record.version), 201);
  });
}
