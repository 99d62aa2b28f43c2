/**
 * Bulk actions on records chosen in a list, each all or none (src/ledger/write.ts changeRecords):
 *
 *   POST /api/t/{unit}/{path}/bulk/void     { items: [{ id, version }], reason }   作废, one reason for all
 *   POST /api/t/{unit}/{path}/bulk/program  { items: [{ id, version }], program }  归入计划 (resources with a program)
 *
 * Each item carries the version its writer read, as a single write's If-Match does; a stale or voided
 * one fails the whole request with 409 naming the rows, a rule a single write refuses fails it with the
 * row named, and every changed record gets its audit row in the same batch.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../errors";
import type { Router } from "../router";
import { bearer, errors, ok, UnitSlugParam } from "../routes/openapi-common";
import { writeContext } from "./context";
import { ID_PATTERN } from "./ids";
import type { ResourceDef } from "./resource";
import { assignProgram, voidRecords } from "./write";

/** Records one bulk action may change: one batch of a few hundred statements. */
export const MAX_BULK = 200;

const Items = z
  .array(z.object({ id: z.string().regex(ID_PATTERN), version: z.number().int().min(1) }).strict())
  .min(1)
  .max(MAX_BULK)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: "同一记录不能选两次 | The same record is chosen twice" })
  .openapi({ description: `The records and the versions read (at most ${MAX_BULK})` });

const Done = z.object({ items: z.array(z.object({ id: z.string(), version: z.number().int() })) }).openapi("BulkDone");

/** Registers the bulk routes of a resource with generic writes (before `/{id}` routes, which would take `bulk` for an id). */
export function registerBulkRoutes(app: Router, def: ResourceDef, pascalName: string): void {
  const base = `/api/t/{unit}/${def.path}/bulk`;
  const params = z.object({ unit: UnitSlugParam });
  const done = (rows: { id?: unknown; version?: unknown }[]) => ({ items: rows.map((r) => ({ id: String(r.id), version: Number(r.version) })) });

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/void`,
      tags: [def.path],
      summary: `批量作废${def.label.zh} Void many ${def.label.en} with one reason (all or none)`,
      security: bearer,
      request: {
        params,
        body: { content: { "application/json": { schema: z.object({ items: Items, reason: z.string().trim().min(2).max(500) }).strict().openapi(`${pascalName}BulkVoid`) } }, required: true },
      },
      responses: { 200: ok(Done, "已作废 Voided, with the new versions"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { items, reason } = c.req.valid("json");
      return c.json(done(await voidRecords(def, await writeContext(c), items, reason)), 200);
    },
  );

  if (!def.fields.program) return;
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/program`,
      tags: [def.path],
      summary: `批量归入帮扶工作 Put many ${def.label.en} under one of the unit's programs (all or none)`,
      security: bearer,
      request: {
        params,
        body: { content: { "application/json": { schema: z.object({ items: Items, program: z.string().min(1).max(64) }).strict().openapi(`${pascalName}BulkProgram`) } }, required: true },
      },
      responses: { 200: ok(Done, "已归入 Assigned, with the new versions"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { items, program } = c.req.valid("json");
      const ctx = await writeContext(c);
      if (!ctx.unitPrograms.includes(program)) {
        throw new ApiError("VALIDATION_FAILED", "error.bulk_program_unknown", { program: program.slice(0, 64) }, [{ path: "body.program", message: `本单位未参与该帮扶工作：${program} | The unit takes no part in program ${program}` }]);
      }
      return c.json(done(await assignProgram(def, ctx, items, program)), 200);
    },
  );
}
