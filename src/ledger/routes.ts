/**
 * The routes every ledger resource gets, declared with zod-openapi from the resource's fields:
 *
 *   GET    /api/t/{unit}/{path}                list (filters, period, search, sort, cursor)
 *   GET    /api/t/{unit}/{path}/template.xlsx  import template with Chinese headers
 *   GET    /api/t/{unit}/{path}/export         the filtered list as XLSX or CSV
 *   POST   /api/t/{unit}/{path}/import         XLSX/CSV: every row written, or none with row errors
 *   POST   /api/t/{unit}/{path}/import/preview the same checks, nothing written: counts, errors, rows by name
 *   POST   /api/t/{unit}/{path}                create                       → 201 + ETag
 *   GET    /api/t/{unit}/{path}/{id}           read                         → ETag
 *   PATCH  /api/t/{unit}/{path}/{id}           update, If-Match required    → 412 when stale
 *   POST   /api/t/{unit}/{path}/{id}/void      void with a reason, If-Match
 *   POST   /api/t/{unit}/{path}/bulk/…         bulk void / program (src/ledger/bulk-routes.ts)
 */
import { today } from "../periods/period";
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../errors";
import type { Router } from "../router";
import { bearer, errors, ok, UnitSlugParam } from "../routes/openapi-common";
import { templateXlsx } from "../sheets/export";
import { templateChoices } from "./import-names";
import { registerBulkRoutes } from "./bulk-routes";
import { writeContext } from "./context";
import { etag, requireIfMatch } from "./etag";
import { createSchema, updateSchema } from "./fields";
import { programScope, seesProgram } from "../tenants/access";
import { getTableColumns } from "drizzle-orm";
import { listQuerySchema, listRecords, recordPages, type ListQuery } from "./list";
import { visible, type ResourceDef, type Row } from "./resource";
import { LEDGER_RESOURCES } from "./resources";
import { resourceView } from "./resource-view";
import { createRecord, importRecords, readRecord, updateRecord, voidRecord } from "./write";
import { displayNames } from "./display-names";
import { planImport } from "./import-plan";
import { importPreview, ImportPreviewSchema, shownRows } from "./import-preview";
import { parseUpload } from "./upload";

const MAX_EXPORT_ROWS = 100_000;

const IdParam = z.string().regex(/^[0-9a-z][0-9a-z-]{0,63}$/).openapi({ param: { name: "id", in: "path" } });

/**
 * A record as the API answers it: every column of the table, typed and nullable as the table stores
 * it (a field's own schema where it has one), so a generated client sees exactly what a row holds.
 */
function recordSchema(def: ResourceDef) {
  const shape: Record<string, z.ZodType> = {};
  const columns: Record<string, { notNull: boolean; columnType: string }> = getTableColumns(def.table);
  for (const [key, column] of Object.entries(columns)) {
    const spec = def.fields[key];
    const base = spec ? spec.schema : column.columnType === "SQLiteBoolean" ? z.boolean() : column.columnType.startsWith("SQLiteInteger") ? z.number().int() : z.string();
    const value = column.notNull ? base : base.nullable();
    shape[key] = spec?.personal ? value.optional() : value;
  }
  // The resource as screens show it travels with its schema: the web builds its ledger from this.
  return z.object(shape).openapi(pascal(def.entity), { "x-duikou-resource": resourceView(def, LEDGER_RESOURCES) } as never);
}

function pascal(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
}

/** `attachment; filename*=UTF-8''…` so Chinese file names survive. */
function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** An import's column for a field, as errors name it: the template's header. */
const columnOf = (def: ResourceDef) => (key: string) => def.fields[key]?.header ?? key;

/** The ids a record refers to (its projects, pairings, sub-units). */
function refValues(def: ResourceDef, record: Row): string[] {
  return Object.entries(def.fields).flatMap(([key, spec]) => (spec.cell === "ref" && typeof record[key] === "string" ? [record[key]] : []));
}

export function registerResource(app: Router, def: ResourceDef): void {
  const base = `/api/t/{unit}/${def.path}`;
  const tags = [def.path];
  const Record = recordSchema(def);
  const Create = createSchema(def.fields).openapi(`${pascal(def.entity)}Create`);
  const Update = updateSchema(def.fields).openapi(`${pascal(def.entity)}Update`);
  const Query = listQuerySchema(def);
  const unitParams = z.object({ unit: UnitSlugParam });
  const idParams = z.object({ unit: UnitSlugParam, id: IdParam });
  const IfMatch = z.object({ "if-match": z.string().optional().openapi({ description: 'The version read, e.g. "3"' }) });
  const show = (personal: boolean) => (row: Row) => visible(def, row, personal);

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: `${def.label.zh}列表 List ${def.label.en}`,
      security: bearer,
      request: { params: unitParams, query: Query },
      responses: { 200: ok(z.object({ items: z.array(Record), nextCursor: z.string().nullable(), total: z.number().int() }), "列表 Page"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { db, access } = c.get("tenant");
      const page = await listRecords(def, db, c.req.valid("query") as ListQuery, programScope(access));
      return c.json({ ...page, items: page.items.map(show(access.personal)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/template.xlsx`,
      tags,
      summary: `${def.label.zh}导入模板 Import template`,
      security: bearer,
      request: { params: unitParams },
      responses: { 200: { description: "XLSX", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) } } }, ...errors(401, 403) },
    }),
    async (c) => {
      const bytes = templateXlsx(def.label.zh, def.fields, await templateChoices(c.get("services").platform, c.get("tenant").unit.slug));
      c.header("Content-Disposition", attachment(`${def.label.zh}导入模板.xlsx`));
      return c.body(bytes, 200, { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/export`,
      tags,
      summary: `导出${def.label.zh} Export ${def.label.en} (XLSX or CSV)`,
      security: bearer,
      request: { params: unitParams, query: Query.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") }) },
      responses: { 200: { description: "XLSX or CSV", content: { "text/csv": { schema: z.string() } } }, ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { db, access, unit } = c.get("tenant");
      const query = c.req.valid("query") as ListQuery & { format: "xlsx" | "csv" };
      const name = `${unit.name}-${def.label.zh}-${today()}`;
      const names = await displayNames(c.get("services").platform, db, def);
      const file = await c.get("services").sheets.render(def.path, query.format, recordPages(def, db, query, MAX_EXPORT_ROWS, programScope(access)), access.personal, names);
      if (query.format === "csv") {
        c.header("Content-Disposition", attachment(`${name}.csv`));
        return c.body(file as string, 200, { "Content-Type": "text/csv; charset=utf-8" });
      }
      c.header("Content-Disposition", attachment(`${name}.xlsx`));
      return c.body(file as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    },
  );

  if (!def.customWrites) {
    app.openapi(
      createRoute({
        method: "post",
        path: `${base}/import`,
        tags,
        summary: `导入${def.label.zh} Import ${def.label.en} from XLSX/CSV (all rows or none)`,
        description:
          "Send the file as multipart/form-data field `file`, or as the raw body with its content type. Rows identical to a record already in the ledger (not voided) are refused with 409 and their row numbers, unless `?duplicates=skip` (leave them out) or `?duplicates=keep` (write them again).",
        security: bearer,
        request: { params: unitParams },
        responses: { 201: ok(z.object({ created: z.number().int(), skipped: z.number().int() }), "全部写入 All rows written"), ...errors(400, 401, 403, 409, 413) },
      }),
      async (c) => {
        const { rows, headerErrors } = await parseUpload(c, def);
        const ctx = await writeContext(c);
        if (headerErrors.length) throw new ApiError("VALIDATION_FAILED", "error.import_invalid", { count: headerErrors.length }, headerErrors);
        const mode = c.req.query("duplicates");
        const written = await importRecords(def, ctx, rows, columnOf(def), "import", mode === "skip" || mode === "keep" ? mode : "ask");
        return c.json(written, 201);
      },
    );

    app.openapi(
      createRoute({
        method: "post",
        path: `${base}/import/preview`,
        tags,
        summary: `导入预览 Preview an import of ${def.label.en} (nothing written)`,
        description:
          "The same file as for `/import`, read and checked by the same code up to the write, and nothing written: how many rows would be created, which are wrong (row, column, message) and which repeat records already in the ledger, with the first rows of each kind by name. A file that cannot be read at all is refused as `/import` refuses it.",
        security: bearer,
        request: { params: unitParams },
        responses: { 200: ok(ImportPreviewSchema, "导入预览 What the import would do"), ...errors(400, 401, 403, 413) },
      }),
      async (c) => {
        const { rows, headerErrors } = await parseUpload(c, def);
        const ctx = await writeContext(c);
        // A file whose headers are wrong is not planned: its rows are not yet the columns they seem.
        const plan = headerErrors.length ? { records: [], errors: [], invalid: new Set<number>(), repeated: new Map<number, string>() } : await planImport(def, ctx, rows, columnOf(def), () => true);
        const shown = headerErrors.length ? [] : shownRows(rows, plan);
        const refIds = shown.flatMap(({ index }) => refValues(def, plan.records[index]!));
        const names = await displayNames(ctx.platform, ctx.tenant.db, def, refIds);
        return c.json(importPreview(def, rows, plan, headerErrors, shown, names, ctx.tenant.access.personal, c.get("lang") ?? "zh-CN"), 200);
      },
    );

    app.openapi(
      createRoute({
        method: "post",
        path: base,
        tags,
        summary: `新增${def.label.zh} Create`,
        security: bearer,
        request: { params: unitParams, body: { content: { "application/json": { schema: Create } }, required: true } },
        responses: { 201: ok(Record, "已创建 Created"), ...errors(400, 401, 403, 404) },
      }),
      async (c) => {
        const row = await createRecord(def, await writeContext(c), c.req.valid("json") as Row);
        c.header("ETag", etag(1));
        c.header("Location", `/api/t/${c.get("tenant").unit.slug}/${def.path}/${String(row.id)}`);
        return c.json(row, 201);
      },
    );

    registerBulkRoutes(app, def, pascal(def.entity));
  }

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags,
      summary: `${def.label.zh}详情 Read`,
      security: bearer,
      request: { params: idParams },
      responses: { 200: ok(Record, "记录 Record (ETag header carries the version)"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const tenant = c.get("tenant");
      const row = await readRecord(def, { tenant }, id);
      if (!row || !seesProgram(tenant.access, row.program as string | null)) throw new ApiError("NOT_FOUND", "error.record_not_found", { entity: def.label.zh, id });
      c.header("ETag", etag(Number(row.version)));
      return c.json(visible(def, row, tenant.access.personal), 200);
    },
  );

  if (!def.customWrites) {
    app.openapi(
      createRoute({
        method: "patch",
        path: `${base}/{id}`,
        tags,
        summary: `修改${def.label.zh} Update (If-Match required)`,
        security: bearer,
        request: { params: idParams, headers: IfMatch, body: { content: { "application/json": { schema: Update } }, required: true } },
        responses: { 200: ok(Record, "已修改 Updated"), ...errors(400, 401, 403, 404, 409, 412, 428) },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const version = requireIfMatch(c.req.header("if-match"));
        const patch = c.req.valid("json") as Row;
        for (const key of def.immutable ?? []) {
          if (key in patch) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: `body.${key}`, message: "此项不能在此修改 | This field cannot be changed here" }]);
        }
        const row = await updateRecord(def, await writeContext(c), id, version, patch);
        c.header("ETag", etag(Number(row.version)));
        return c.json(row, 200);
      },
    );

    app.openapi(
      createRoute({
        method: "post",
        path: `${base}/{id}/void`,
        tags,
        summary: `作废${def.label.zh} Void with a reason (If-Match required)`,
        security: bearer,
        request: {
          params: idParams,
          headers: IfMatch,
          body: { content: { "application/json": { schema: z.object({ reason: z.string().trim().min(2).max(500) }).strict().openapi("VoidRequest") } }, required: true },
        },
        responses: { 200: ok(Record, "已作废 Voided"), ...errors(400, 401, 403, 404, 409, 412, 428) },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const version = requireIfMatch(c.req.header("if-match"));
        const row = await voidRecord(def, await writeContext(c), id, version, c.req.valid("json").reason);
        c.header("ETag", etag(Number(row.version)));
        return c.json(row, 200);
      },
    );
  }
}

