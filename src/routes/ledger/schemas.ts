/**
 * What every ledger route of a resource shares: its path and tag, the record as the API answers it,
 * the create and update bodies, the list query and the path parameters — built once per resource,
 * so each named schema is one OpenAPI component however many routes use it.
 */
import { z } from "@hono/zod-openapi";
import { getTableColumns } from "drizzle-orm";
import { createSchema, updateSchema } from "../../ledger/fields";
import { listQuerySchema } from "../../ledger/list";
import { type ResourceDef, type Row } from "../../ledger/resource";
import { resourceView } from "../../ledger/resource-view";
import { LEDGER_RESOURCES } from "../../ledger/resources";
import { UnitSlugParam } from "../openapi-common";

const IdParam = z.string().regex(/^[0-9a-z][0-9a-z-]{0,63}$/).openapi({ param: { name: "id", in: "path" } });

export const UnitParams = z.object({ unit: UnitSlugParam });
export const RecordParams = z.object({ unit: UnitSlugParam, id: IdParam });
export const IfMatch = z.object({ "if-match": z.string().optional().openapi({ description: 'The version read, e.g. "3"' }) });

export function pascal(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
}

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

function build(def: ResourceDef) {
  return {
    base: `/api/t/{unit}/${def.path}`,
    tags: [def.path],
    Record: recordSchema(def),
    Create: createSchema(def.fields).openapi(`${pascal(def.entity)}Create`),
    Update: updateSchema(def.fields).openapi(`${pascal(def.entity)}Update`),
    Query: listQuerySchema(def),
  };
}

const built = new WeakMap<ResourceDef, ReturnType<typeof build>>();

/** The resource's shared route pieces, built on first use. */
export function ledgerSchemas(def: ResourceDef): ReturnType<typeof build> {
  let schemas = built.get(def);
  if (!schemas) built.set(def, (schemas = build(def)));
  return schemas;
}

/** An import's column for a field, as errors name it: the template's header. */
export const columnOf = (def: ResourceDef) => (key: string) => def.fields[key]?.header ?? key;

/** The ids a record refers to (its projects, pairings, sub-units). */
export function refValues(def: ResourceDef, record: Row): string[] {
  return Object.entries(def.fields).flatMap(([key, spec]) => (spec.cell === "ref" && typeof record[key] === "string" ? [record[key]] : []));
}
