/**
 * What both bulk actions take and answer (bulk-void.ts, bulk-program.ts): the records chosen in a
 * list, each with the version its writer read — as a single write's If-Match carries it — and their
 * new versions. Each action is all or none (src/ledger/write.ts changeRecords): a stale or voided
 * record fails the whole request with 409 naming the rows, a rule a single write refuses fails it
 * with the row named, and every changed record gets its audit row in the same batch.
 */
import { z } from "@hono/zod-openapi";
import { ID_PATTERN } from "../../ledger/ids";

/** Records one bulk action may change: one batch of a few hundred statements. */
export const MAX_BULK = 200;

export const BulkItems = z
  .array(z.object({ id: z.string().regex(ID_PATTERN), version: z.number().int().min(1) }).strict())
  .min(1)
  .max(MAX_BULK)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: "同一记录不能选两次 | The same record is chosen twice" })
  .openapi({ description: `The records and the versions read (at most ${MAX_BULK})` });

export const BulkDone = z.object({ items: z.array(z.object({ id: z.string(), version: z.number().int() })) }).openapi("BulkDone");

export const bulkDone = (rows: { id?: unknown; version?: unknown }[]) => ({ items: rows.map((r) => ({ id: String(r.id), version: Number(r.version) })) });
