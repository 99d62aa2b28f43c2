/**
 * What an import would do, worked out without writing: every row prepared and completed as the
 * write will store it (references written by name made ids), every row validated (cells, then the database checks: areas, references,
 * programs, business rules), and the valid rows compared with the ledger for repeats. The import
 * (write.ts importRecords) and its preview (import-preview.ts) both start here, so a preview says
 * exactly what the import will answer.
 */
import { mapInSlices } from "../bounded";
import type { ErrorDetail } from "../errors";
import { findDuplicates } from "./duplicates";
import { newId } from "./ids";
import { completeRow } from "./complete-row";
import { resolveRefs } from "./ref-names";
import type { ResourceDef, Row, WriteContext } from "./resource";
import { validateRecords } from "./validate";

/** One row of an import: its spreadsheet row number and the parsed record, or its cell errors. */
export interface ImportRow {
  row: number;
  record: Row;
  errors: ErrorDetail[];
  /** Reference cells as written (an id, a name or a dropdown entry), made ids here (ref-names.ts resolveRefs). */
  refs?: Record<string, string>;
}

export interface ImportPlan {
  /** The records as they would be written, one per row (ids and bookkeeping filled in). */
  records: Row[];
  /** Every problem, by row and column, in row order. */
  errors: ErrorDetail[];
  /** Rows (by index) with at least one problem. */
  invalid: Set<number>;
  /** Index of each valid row that repeats a record in the ledger → that record's id. */
  repeated: Map<number, string>;
}

/**
 * Plans an import. `lookForRepeats` says when to compare with the ledger: always for a preview; for
 * the import itself only when no row is wrong and the repeats matter (not `keep`).
 */
export async function planImport(
  def: ResourceDef,
  ctx: WriteContext,
  written: ImportRow[],
  columnOf: (field: string) => string,
  lookForRepeats: (errors: ErrorDetail[]) => boolean,
): Promise<ImportPlan> {
  const rows = await resolveRefs(def, ctx.tenant.db, written, columnOf);
  const now = new Date().toISOString();
  const prepared = await mapInSlices(rows, (r) => (def.prepare && r.errors.length === 0 ? def.prepare(ctx, r.record) : r.record));
  const records = await mapInSlices(rows, (_r, i) =>
    completeRow(def, { ...prepared[i], id: newId(), version: 1, demo: false, createdAt: now, createdBy: ctx.actor.actor, updatedAt: now, updatedBy: ctx.actor.actor }),
  );
  // Database checks (areas, references, business rules) run on every row, so that one pass names
  // every bad cell; a row's business rules are skipped when its cells are already wrong.
  const checked = await validateRecords(
    def,
    ctx,
    records.map((record, i) => ({
      record,
      before: null,
      skipCheck: rows[i]!.errors.length > 0,
      path: (field: string): ErrorDetail => ({ row: rows[i]!.row, column: columnOf(field), message: "" }),
    })),
  );
  const errors: ErrorDetail[] = [];
  const invalid = new Set<number>();
  rows.forEach((r, i) => {
    const seen = new Set(r.errors.map((e) => e.column));
    const mine = [...r.errors, ...(checked[i] ?? []).filter((e) => !seen.has(e.column))];
    if (mine.length) invalid.add(i);
    errors.push(...mine);
  });
  const repeated = new Map<number, string>();
  if (lookForRepeats(errors)) {
    // Only valid rows are compared: a wrong row is not yet the record it would become.
    const valid = records.map((_, i) => i).filter((i) => !invalid.has(i));
    const found = await findDuplicates(def, ctx, valid.map((i) => records[i]!));
    for (const [k, id] of found) repeated.set(valid[k]!, id);
  }
  return { records, errors, invalid, repeated };
}

/** The 409 details of repeated rows: the row and the record it repeats. */
export function repeatedDetails(rows: ImportRow[], repeated: Map<number, string>): ErrorDetail[] {
  return [...repeated].map(([i, id]): ErrorDetail => ({ row: rows[i]!.row, column: "", code: "duplicate", message: `与已有记录（${id}）完全相同 | The same as existing record ${id}` }));
}
