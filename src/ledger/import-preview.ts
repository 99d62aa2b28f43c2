/**
 * The answer to an import preview (POST …/import/preview): what the import would do with the file,
 * from the very plan the import itself makes (import-plan.ts), without writing. Bounded for the
 * browser: the counts of every row, the errors up to a cap (and whether there were more), and at
 * most the first rows of each kind — to be created, wrong, repeated — with their values by name.
 */
import { z } from "@hono/zod-openapi";
import { ErrorDetailSchema } from "../routes/openapi-common";
import { displayText, type DisplayNames } from "../sheets/cells";
import type { Lang } from "../i18n";
import { onRow } from "./fields";
import { pickBilingual } from "../validation";
import type { ImportPlan, ImportRow } from "./import-plan";
import type { ResourceDef } from "./resource";

/** Rows of each kind shown; errors listed. */
export const PREVIEW_LIMITS = { rows: 100, errors: 1000 } as const;

export const ImportPreviewSchema = z
  .object({
    rows: z.number().int().openapi({ description: "数据行数 Data rows in the file" }),
    create: z.number().int().openapi({ description: "将新增 Records the import would create (repeated rows left out, as with duplicates=skip)" }),
    invalidRows: z.number().int().openapi({ description: "有误的行数 Rows with at least one error" }),
    repeatedRows: z.number().int().openapi({ description: "与台账重复的行数 Valid rows identical to a record already in the ledger" }),
    errorCount: z.number().int(),
    errors: z.array(ErrorDetailSchema).openapi({ description: `Every error by row and column, at most ${PREVIEW_LIMITS.errors}` }),
    errorsTruncated: z.boolean(),
    columns: z.array(z.object({ key: z.string(), header: z.string() })),
    shownPerStatus: z.number().int().openapi({ description: "At most this many rows of each status are shown" }),
    shown: z
      .array(
        z.object({
          row: z.number().int(),
          status: z.enum(["create", "invalid", "repeated"]),
          values: z.record(z.string(), z.string().nullable()).openapi({ description: "By field key: the value as a person reads it (names, labels, 元 and 万元)" }),
          repeats: z.string().nullable().openapi({ description: "The id of the record a repeated row is identical to" }),
        }),
      )
      .openapi({ description: `The first ${PREVIEW_LIMITS.rows} rows of each status, in sheet order` }),
  })
  .openapi("ImportPreview");

export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

type Status = ImportPreview["shown"][number]["status"];

/** Which rows are shown (by index), and their statuses. */
export function shownRows(rows: ImportRow[], plan: Pick<ImportPlan, "invalid" | "repeated">): { index: number; status: Status }[] {
  const taken: Record<Status, number> = { create: 0, invalid: 0, repeated: 0 };
  const out: { index: number; status: Status }[] = [];
  rows.forEach((_, i) => {
    const status: Status = plan.invalid.has(i) ? "invalid" : plan.repeated.has(i) ? "repeated" : "create";
    if (taken[status]++ < PREVIEW_LIMITS.rows) out.push({ index: i, status });
  });
  return out;
}

/**
 * The preview of a planned import. `shown` are the rows picked by shownRows, `names` need only cover them; `personal` hides the
 * fields the caller may not see, as lists do; messages are given in `lang`.
 */
export function importPreview(
  def: ResourceDef,
  rows: ImportRow[],
  plan: ImportPlan,
  headerErrors: ImportPlan["errors"],
  shown: ReturnType<typeof shownRows>,
  names: DisplayNames,
  personal: boolean,
  lang: Lang,
): ImportPreview {
  // In the request's language, as the import's error envelope gives them.
  const errors = [...headerErrors, ...plan.errors].map((e) => ({ ...e, message: pickBilingual(e.message, lang) }));
  const fields = Object.entries(def.fields).filter(([, spec]) => personal || !spec.personal);
  // The columns the shown rows fill (and the required ones), in the template's order.
  const columns = fields.filter(([key, spec]) => spec.required || shown.some(({ index }) => rows[index]!.record[key] !== undefined || rows[index]!.refs?.[key] !== undefined)).map(([key, spec]) => ({ key, header: spec.header }));
  const invalidRows = headerErrors.length ? rows.length : plan.invalid.size;
  return {
    rows: rows.length,
    create: headerErrors.length ? 0 : rows.length - plan.invalid.size - plan.repeated.size,
    invalidRows,
    repeatedRows: plan.repeated.size,
    errorCount: errors.length,
    errors: errors.slice(0, PREVIEW_LIMITS.errors),
    errorsTruncated: errors.length > PREVIEW_LIMITS.errors,
    columns,
    shownPerStatus: PREVIEW_LIMITS.rows,
    shown: shown.map(({ index, status }) => ({
      row: rows[index]!.row,
      status,
      values: Object.fromEntries(columns.map(({ key }) => [key, displayText(onRow(def.fields[key]!, plan.records[index] ?? {}), plan.records[index]?.[key], names)])),
      repeats: plan.repeated.get(index) ?? null,
    })),
  };
}
