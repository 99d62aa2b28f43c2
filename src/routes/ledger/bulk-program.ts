/** POST /api/t/{unit}/{path}/bulk/program — 归入计划: the chosen records under one of the unit's programs, all or none (see bulk-items.ts). */
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../errors";
import { writeContext } from "../../ledger/context";
import type { ResourceDef } from "../../ledger/resource";
import { assignProgram } from "../../ledger/write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { BulkDone, bulkDone, BulkItems } from "./bulk-items";
import { ledgerSchemas, pascal, UnitParams } from "./schemas";

export function registerBulkProgram(app: Router, def: ResourceDef): void {
  const { base, tags } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/bulk/program`,
      tags,
      summary: `批量归入帮扶工作 Put many ${def.label.en} under one of the unit's programs (all or none)`,
      security: bearer,
      request: {
        params: UnitParams,
        body: { content: { "application/json": { schema: z.object({ items: BulkItems, program: z.string().min(1).max(64) }).strict().openapi(`${pascal(def.entity)}BulkProgram`) } }, required: true },
      },
      responses: { 200: ok(BulkDone, "已归入 Assigned, with the new versions"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { items, program } = c.req.valid("json");
      const ctx = await writeContext(c);
      if (!ctx.unitPrograms.includes(program)) {
        throw new ApiError("VALIDATION_FAILED", "error.bulk_program_unknown", { program: program.slice(0, 64) }, [{ path: "body.program", message: `本单位未参与该帮扶工作：${program} | The unit takes no part in program ${program}` }]);
      }
      return c.json(bulkDone(await assignProgram(def, ctx, items, program)), 200);
    },
  );
}
