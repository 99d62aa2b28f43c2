/**
 * The ledger's writes. Each is one batch on the tenant database — the record and its audit row
 * together — so a write either happens with its audit row or not at all. Updates and voids are
 * guarded by the version the client read (If-Match): the UPDATE matches only that version and the
 * audit row is inserted only if the UPDATE changed a row, so of two writers with the same version
 * exactly one wins and the other gets 412.
 */
import type { InStatement, InValue, ResultSet } from "@libsql/client";
import { eq, getTableColumns, getTableName, inArray, sql, type Column } from "drizzle-orm";
import { mapInSlices, pacer, slicesOf } from "../bounded";
import { ApiError, type ErrorDetail } from "../errors";
import { auditRowsStatement, auditStatement, isLostRace, raisedBy } from "../tenants/audit";
import { newId } from "./ids";
import type { ResourceDef, Row, WriteContext } from "./resource";
import { validateRecords } from "./validate";
import type { DuplicateMode } from "./duplicates";
import { completeRow } from "./complete-row";
import { planImport, repeatedDetails, type ImportRow } from "./import-plan";
import { CONFIRMABLE } from "../../db/tenant/schema";
import { amendedNotice, amendedStatement } from "../recipients/threads";
import { SUBMISSION_LOCKED } from "./resources/submissions";

/** Errors raised by the database's own invariants (db/tenant/migrations/0001_ledger-invariants.sql). */
const INVARIANTS: Record<string, { field: string; message: string }> = {
  FUND_OVERRUN: {
    field: "amountFen",
    message: "拨付金额超过该项目已安排（拨入）的资金；如确需超支，请勾选“超支”并填写原因 | Disbursements would exceed the project's allocations; mark it as an overrun with a reason if intended",
  },
  PROJECT_STATUS_TRANSITION: {
    field: "status",
    message: "项目状态只能依次推进：计划→已立项→实施中→已完工→已验收 | Project status moves one step at a time: planned → approved → in progress → completed → accepted",
  },
  [SUBMISSION_LOCKED]: { field: "status", message: "该季度报送已提交并锁定 | The submission is submitted and locked" },
};

function invariantError(error: unknown): ApiError | null {
  if (raisedBy(error, "UNIQUE constraint failed")) return new ApiError("CONFLICT", "error.conflict");
  for (const [code, { field, message }] of Object.entries(INVARIANTS)) {
    if (raisedBy(error, code)) {
      if (code === SUBMISSION_LOCKED) return new ApiError("LOCKED", "error.submission_locked", {}, [{ path: `body.${field}`, message }]);
      return new ApiError("UNPROCESSABLE", "error.business_rule", {}, [{ path: `body.${field}`, code, message }]);
    }
  }
  return null;
}


/** Statements from which a write on a blocking (embedded) database is a long write (see inChunks). */
const LONG_WRITE = 100;

/**
 * Statements per call into SQLite within a long write: one call is never interrupted, and an
 * import's statement inserts 50 rows (see insertRows), so a few statements are a few milliseconds.
 */
const CHUNK = 4;

/**
 * Runs statements as one atomic write, translating the database's invariant errors. On an embedded
 * database a long write (an import of thousands of rows) is one transaction executed in chunks with
 * a yield between them, so the server answers other tenants meanwhile; remotely it is one batch
 * (one round trip, and nothing blocks the thread).
 */
async function runBatch(ctx: WriteContext, statements: InStatement[]): Promise<ResultSet[]> {
  const { client, blocking, unit } = ctx.tenant;
  if (!blocking) return writeNow(() => client.batch(statements, "write"));
  // On one thread a second writer must wait its turn here, not in SQLite: SQLite's busy wait would
  // sleep the very thread the first writer needs to finish its chunks.
  return inTurn(unit.slug, () => writeNow(() => (statements.length < LONG_WRITE ? client.batch(statements, "write") : inChunks(ctx.tenant, statements))));
}

/** Writers waiting per tenant in this process (embedded databases only). */
const turns = new Map<string, Promise<unknown>>();

async function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = turns.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  const settled = mine.catch(() => undefined);
  turns.set(key, settled);
  try {
    return await mine;
  } finally {
    if (turns.get(key) === settled) turns.delete(key);
  }
}

async function writeNow(write: () => Promise<ResultSet[]>): Promise<ResultSet[]> {
  try {
    return await write();
  } catch (error) {
    throw invariantError(error) ?? error;
  }
}

async function inChunks(tenant: WriteContext["tenant"], statements: InStatement[]): Promise<ResultSet[]> {
  const tx = await tenant.client.transaction("write");
  try {
    // Its log is copied off this thread after the commit, not inside it (see wal-checkpoints.ts).
    // The connection keeps the setting; every write through the API asks for that copy too
    // (tenantWritten), so the log of a connection that keeps it never grows unchecked.
    if (tenant.checkpoint) await tx.execute("PRAGMA wal_autocheckpoint = 0");
    const results: ResultSet[] = [];
    const pace = pacer();
    for (let i = 0; i < statements.length; i += CHUNK) {
      if (pace.due()) await pace.pause();
      results.push(...(await tx.batch(statements.slice(i, i + CHUNK))));
    }
    await tx.commit();
    tenant.checkpoint?.();
    return results;
  } finally {
    tx.close();
  }
}

function toStatement(query: { toSQL(): { sql: string; params: unknown[] } }): InStatement {
  const { sql: text, params } = query.toSQL();
  return { sql: text, args: params as InStatement extends { args?: infer A } ? A : never };
}

/** Rows per INSERT of an import: one statement prepared per 50 rows, not per row (see insertRows). */
const ROWS_PER_INSERT = 50;

/**
 * INSERTs of full rows (see completeRow), `ROWS_PER_INSERT` rows each, their SQL built once per table
 * and row count. For thousands of rows, building each through the query builder costs more than
 * writing them, and a statement per row costs a prepared statement each, whose native finalizers
 * then held the thread for 60–100 ms about once a second of a 20,000-row import. Values go through
 * each column's own driver mapping (booleans, JSON), exactly as the query builder would send them.
 */
function insertRows(def: ResourceDef): (records: Row[]) => InStatement {
  const columns = Object.entries(getTableColumns(def.table) as Record<string, Column>);
  const head = `INSERT INTO "${getTableName(def.table)}" (${columns.map(([, c]) => `"${c.name}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  return (records) => ({
    sql: head + records.map(() => tuple).join(", "),
    args: records.flatMap((record) =>
      columns.map(([key, column]) => {
        const value = record[key];
        return value === null || value === undefined ? null : (column.mapToDriverValue(value) as InValue);
      }),
    ),
  });
}

/** Reads one record (voided included), or undefined. */
export async function readRecord(def: ResourceDef, ctx: Pick<WriteContext, "tenant">, id: string): Promise<Row | undefined> {
  const rows = await ctx.tenant.db.select().from(def.table).where(eq(def.table.id, id)).limit(1);
  return rows[0] as Row | undefined;
}

function notFound(def: ResourceDef, id: string): ApiError {
  return new ApiError("NOT_FOUND", "error.record_not_found", { entity: def.label.zh, id: id.slice(0, 64) });
}

function failIfProblems(problems: ErrorDetail[]): void {
  if (problems.length) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, problems);
}

const bodyPath = (field: string): ErrorDetail => ({ path: field ? `body.${field}` : "body", message: "" });

/** Creates one record. */
export async function createRecord(def: ResourceDef, ctx: WriteContext, input: Row, options: { demo?: boolean } = {}): Promise<Row> {
  const now = new Date().toISOString();
  const prepared = def.prepare ? await def.prepare(ctx, input) : input;
  const row = completeRow(def, {
    ...prepared,
    id: newId(),
    version: 1,
    demo: options.demo ?? false,
    createdAt: now,
    createdBy: ctx.actor.actor,
    updatedAt: now,
    updatedBy: ctx.actor.actor,
  });
  const [problems = []] = await validateRecords(def, ctx, [{ record: row, before: null, path: bodyPath }]);
  failIfProblems(problems);
  await runBatch(ctx, [toStatement(ctx.tenant.db.insert(def.table).values(row)), auditStatement(ctx.actor, def.entity, String(row.id), "create", null, row, false)]);
  return row;
}

/** One record of a change: its id, the version the writer read, and what changes. */
export interface ChangeItem {
  id: string;
  version: number;
  patch: Row;
}

/** Why a record of a change is refused before anything is written. */
type Refusal = "not_found" | "voided" | "stale";

const REFUSAL_TEXT: Record<Refusal, string> = {
  not_found: "记录不存在 | No such record",
  voided: "记录已作废，不能再修改 | The record is voided and can no longer change",
  stale: "记录已被他人修改，请刷新后再操作 | Someone else changed the record; reload and try again",
};

/**
 * Each record of a change that cannot be applied: missing, voided, or read at another version than
 * stored. A single write answers as it always has (404, 409, 412); a bulk one names every such row.
 */
function refuse(def: ResourceDef, refused: { index: number; id: string; why: Refusal }[], bulk: boolean): ApiError {
  if (!bulk) {
    const { id, why } = refused[0]!;
    if (why === "not_found") return notFound(def, id);
    if (why === "voided") return new ApiError("CONFLICT", "error.record_voided", { entity: def.label.zh });
    return new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
  }
  const details = refused.map(({ index, id, why }): ErrorDetail => ({ path: `body.items.${index}`, code: why, message: rowMessage(id, REFUSAL_TEXT[why]) }));
  if (refused.every((r) => r.why === "not_found")) return new ApiError("NOT_FOUND", "error.bulk_not_found", { entity: def.label.zh, count: refused.length }, details);
  return new ApiError("CONFLICT", "error.bulk_refused", { entity: def.label.zh, count: refused.length }, details);
}

/** A bilingual message prefixed with the record it is about, in both languages. */
function rowMessage(id: string, message: string): string {
  const [zh, en = zh] = message.split(" | ");
  return `记录 ${id}：${zh} | Record ${id}: ${en}`;
}

/**
 * Applies changes to records read at their versions, all or none, in one batch with an audit row
 * each: the write of a single PATCH or void (`bulk` false: its errors as ever, field paths `body.x`)
 * and of a bulk action (`bulk` true: every refused row named, `body.items.<i>.<field>`). Every record
 * is read in one query and checked against the version its writer read; the rules run over all of
 * them together, each seeing the changes before it; each UPDATE is guarded by its version and its
 * audit row aborts the batch if the UPDATE missed (someone wrote in between), so nothing is written.
 * `also` is one more statement for the batch (a single write's thread entry; it must carry
 * `WHERE changes() = 1`).
 */
export async function changeRecords(
  def: ResourceDef,
  ctx: WriteContext,
  items: ChangeItem[],
  action: string,
  options: { bulk?: boolean; also?: InStatement; order?: (before: Row) => number } = {},
): Promise<Row[]> {
  const bulk = options.bulk ?? false;
  const stored = new Map<string, Row>();
  const ids = [...new Set(items.map((i) => i.id))];
  for (const row of (await ctx.tenant.db.select().from(def.table).where(inArray(def.table.id, ids))) as Row[]) stored.set(String(row.id), row);
  const refused: { index: number; id: string; why: Refusal }[] = [];
  items.forEach(({ id, version }, index) => {
    const before = stored.get(id);
    const why: Refusal | null = !before ? "not_found" : before.voidedAt ? "voided" : before.version !== version ? "stale" : null;
    if (why) refused.push({ index, id, why });
  });
  if (refused.length) throw refuse(def, refused, bulk);

  const now = new Date().toISOString();
  const changes = items.map(({ id, version, patch }, index) => {
    const before = stored.get(id)!;
    const adjusted = action === "update" && def.onUpdate ? def.onUpdate(patch, before) : patch;
    const set: Row = { ...adjusted, version: version + 1, updatedAt: now, updatedBy: ctx.actor.actor };
    return { index, id, version, before, set, after: { ...before, ...set } as Row };
  });
  const order = options.order;
  if (order) changes.sort((a, b) => order(a.before) - order(b.before));
  const checked = await validateRecords(
    def,
    ctx,
    changes.map(({ index, before, after }) => ({
      record: after,
      before,
      path: bulk ? (field: string): ErrorDetail => ({ path: `body.items.${index}${field ? `.${field}` : ""}`, message: "" }) : bodyPath,
    })),
  );
  const problems = checked.flatMap((list, i) => (bulk ? list.map((d) => ({ ...d, message: rowMessage(changes[i]!.id, d.message) })) : list));
  failIfProblems(problems);

  const confirmable = (CONFIRMABLE as readonly string[]).includes(def.entity) && action === "update";
  const statements = changes.flatMap(({ id, version, before, set, after }) => [
    toStatement(ctx.tenant.db.update(def.table).set(set).where(sql`${def.table.id} = ${id} AND ${def.table.version} = ${version}`)),
    auditStatement(ctx.actor, def.entity, id, action, before, after, "abort"),
    ...(confirmable ? [amendedStatement(def.entity, id, version + 1, ctx.actor)] : []),
  ]);
  try {
    await runBatch(ctx, [...statements, ...(options.also ? [options.also] : [])]);
  } catch (error) {
    if (!isLostRace(error)) throw error;
    // Someone else wrote between our read and our write: nothing was written. Name who moved on.
    const rows = (await ctx.tenant.db.select({ id: def.table.id, version: def.table.version }).from(def.table).where(inArray(def.table.id, ids))) as Row[];
    const current = new Map(rows.map((r) => [String(r.id), r.version]));
    const moved = items.flatMap(({ id, version }, index) => (current.get(id) !== version ? [{ index, id, why: "stale" as const }] : []));
    throw refuse(def, moved.length ? moved : [{ index: 0, id: items[0]!.id, why: "stale" }], bulk);
  }
  if (confirmable) await amendedNotice(ctx, def.entity, changes.map((c) => c.id));
  return [...changes].sort((a, b) => a.index - b.index).map((c) => c.after);
}

/** Applies a change to one record read at `version` (see changeRecords). */
export async function updateRecord(def: ResourceDef, ctx: WriteContext, id: string, version: number, patch: Row, action = "update", also?: InStatement): Promise<Row> {
  const [after] = await changeRecords(def, ctx, [{ id, version, patch }], action, { also });
  return after!;
}

/** What voiding sets: the record is kept, hidden from lists unless asked for. */
function voidPatch(ctx: WriteContext, reason: string): Row {
  return { voidedAt: new Date().toISOString(), voidedBy: ctx.actor.actor, voidReason: reason };
}

/** Voids a record (kept, hidden from lists unless asked for). */
export async function voidRecord(def: ResourceDef, ctx: WriteContext, id: string, version: number, reason: string): Promise<Row> {
  const [after] = await changeRecords(def, ctx, [{ id, version, patch: voidPatch(ctx, reason) }], "void");
  return after!;
}

/**
 * Voids many records with one reason, all or none (see changeRecords), in the resource's void order so
 * that every step of the batch holds its rules (a fund's disbursements before its allocations).
 */
export async function voidRecords(def: ResourceDef, ctx: WriteContext, items: { id: string; version: number }[], reason: string): Promise<Row[]> {
  const patch = voidPatch(ctx, reason);
  return changeRecords(def, ctx, items.map((i) => ({ ...i, patch })), "void", { bulk: true, order: def.voidOrder });
}

/** Puts many records under one of the unit's programs, all or none: each an update, as a PATCH of `program` is. */
export async function assignProgram(def: ResourceDef, ctx: WriteContext, items: { id: string; version: number }[], program: string): Promise<Row[]> {
  return changeRecords(def, ctx, items.map((i) => ({ ...i, patch: { program } })), "update", { bulk: true });
}

/**
 * Writes an import's rows, all or none (see import-plan.ts for the checks). Rows already in the
 * ledger (duplicates.ts) are refused with their row numbers unless the caller says to leave them out
 * (`skip`) or write them again (`keep`). Written in one batch with one audit row each.
 */
export async function importRecords(
  def: ResourceDef,
  ctx: WriteContext,
  rows: ImportRow[],
  columnOf: (field: string) => string,
  action = "import",
  duplicates: DuplicateMode = "ask",
): Promise<{ created: number; skipped: number }> {
  const { records, errors, repeated } = await planImport(def, ctx, rows, columnOf, (found) => found.length === 0 && duplicates !== "keep");
  if (errors.length) throw new ApiError("VALIDATION_FAILED", "error.import_invalid", { count: errors.length }, errors);
  if (repeated.size && duplicates === "ask") throw new ApiError("CONFLICT", "error.import_duplicates", { count: repeated.size }, repeatedDetails(rows, repeated));
  const toWrite = records.filter((_, i) => !repeated.has(i));
  const insert = insertRows(def);
  const slices = await mapInSlices(slicesOf(toWrite, ROWS_PER_INSERT), (slice) => [
    insert(slice),
    auditRowsStatement(ctx.actor, def.entity, action, slice.map((record) => ({ id: String(record.id), after: record }))),
  ]);
  const statements = slices.flat();
  if (statements.length) await runBatch(ctx, statements);
  return { created: toWrite.length, skipped: records.length - toWrite.length };
}
