/**
 * A ledger resource is declared once — its table, fields, filters and business checks — and gets
 * the same operations as every other: list, read, create, update, void, import, export, template.
 */
import type { JobQueue } from "../jobs/queue";
import { getTableColumns, type InferSelectModel } from "drizzle-orm";
import type { SQLiteTableWithColumns } from "drizzle-orm/sqlite-core";
import type { ErrorDetail } from "../errors";
import type { PlatformDb } from "../services";
import type { AuditActor } from "../tenants/audit";
import type { TenantContext } from "../tenants/directory";
import type { Field, Fields } from "./fields";

/** A plain record as the API sees it (camelCase keys). */
export type Row = Record<string, unknown>;

/** One record of a write: what it will be, and what was stored before (null for a new record). */
export interface Change<R extends Row = Row> {
  record: R;
  before: R | null;
}

/** What a write needs: the tenant, the directory, who writes, and the unit's programs. */
export interface WriteContext {
  tenant: TenantContext;
  platform: PlatformDb;
  actor: AuditActor;
  unitPrograms: string[];
  /** Where follow-up work goes (a correction's notice to the webhooks). */
  queue: JobQueue;
}

/**
 * A ledger table: any table with the bookkeeping columns of `record()`. The generic operations
 * address columns by the field names the resource declares; a resource's own rules see its rows typed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LedgerTable = SQLiteTableWithColumns<any>;

/** A stored record of a table, as drizzle reads it (camelCase keys). */
export type RowOf<T extends LedgerTable> = InferSelectModel<T>;

/** A field of the table's rows that a resource may name. */
type Key<T extends LedgerTable> = keyof RowOf<T> & string;

/**
 * A resource over table `T`. Its fields, filters and sorts name the table's columns, and its rules
 * (refine, check, prepare, onUpdate, voidOrder) receive the table's typed rows — so a rule that reads
 * a column the table does not have fails to compile. Without `T` (the generic operations) rows are plain.
 */
export interface ResourceDef<T extends LedgerTable = LedgerTable> {
  /** URL segment under /api/t/{unit}/, e.g. "projects". */
  path: string;
  /** Name in audit rows and OpenAPI, e.g. "project". */
  entity: string;
  label: { zh: string; en: string };
  table: T;
  fields: Fields & { [K in Key<T>]?: Field };
  /** The date that places a record in a period (year/quarter filters, default sort). */
  dateField?: Key<T>;
  /** Fields that lists filter on by equality. */
  filters: Key<T>[];
  /** Text fields the `q` search looks in. */
  search: Key<T>[];
  /** Fields a list may sort by (createdAt is always allowed). */
  sorts: Key<T>[];
  defaultSort: string;
  /** The field that names a record (in pickers, dialogs and search hits). */
  titleField: Key<T>;
  /** For activities: the figures each kind carries, as a form shows them (the kind's required ones from its checks). */
  kindFields?: { field: string; show: Record<string, readonly string[]>; required: Record<string, readonly string[]> };
  /** Cross-field rules on the whole record after a change (e.g. end date after start date). */
  refine?(record: RowOf<T>): ErrorDetail[];
  /**
   * Rules that need the database (e.g. a disbursement within its project's allocations).
   * `earlier` holds the changes written before this one in the same batch: an import's new records
   * (`before` null), a bulk action's changed records (with the stored `before` they replace).
   */
  check?(ctx: WriteContext, record: RowOf<T>, before: RowOf<T> | null, earlier: readonly Change<RowOf<T>>[]): Promise<ErrorDetail[]>;
  /**
   * A bulk void's order, lower first: a record others depend on is voided after them, so that each
   * step of the batch holds the rules (funds: disbursements before the allocations they draw on).
   */
  voidOrder?(record: RowOf<T>): number;
  /** Fills what the clerk may leave out from what the platform knows (e.g. a cadre's planned end from the program's term). */
  prepare?(ctx: WriteContext, record: Partial<RowOf<T>>): Promise<Partial<RowOf<T>>>;
  /** Adjusts a change before it is applied (e.g. a clerk's edit of a pre-filled target marks it manual). */
  onUpdate?(patch: Partial<RowOf<T>>, before: RowOf<T>): Partial<RowOf<T>>;
  /** No generic create/update/void/import (a resource with its own write routes). */
  customWrites?: boolean;
}

/**
 * Declares a resource: checks that its filters and sorts name fields, and takes from the table
 * which fields may be null and what null means for a NOT NULL column with a default (so an explicit
 * null never reaches a NOT NULL column).
 */
export function defineResource<T extends LedgerTable>(def: ResourceDef<T>): ResourceDef<T> {
  for (const key of [...def.filters, ...def.search, ...def.sorts, ...(def.dateField ? [def.dateField] : [])]) {
    if (!(key in def.fields)) throw new Error(`${def.path}: ${key} is not a field`);
  }
  const columns: Record<string, { notNull: boolean; hasDefault: boolean; default: unknown }> = getTableColumns(def.table);
  for (const [key, spec] of Object.entries(def.fields)) {
    const column = columns[key];
    if (!column) throw new Error(`${def.path}: field ${key} has no column`);
    spec.nullable = !column.notNull;
    const fallback = column.default;
    if (column.notNull && column.hasDefault && (typeof fallback === "number" || typeof fallback === "string" || typeof fallback === "boolean")) spec.cleared = fallback;
  }
  return def;
}

/** The bookkeeping fields every record carries in API responses. */
export const BOOKKEEPING = ["id", "version", "demo", "createdAt", "createdBy", "updatedAt", "updatedBy", "voidedAt", "voidedBy", "voidReason"] as const;

/** A record without the fields the caller may not see. */
export function visible(def: ResourceDef, row: Row, personal: boolean): Row {
  if (personal) return row;
  const out: Row = { ...row };
  for (const [key, spec] of Object.entries(def.fields)) if (spec.personal) delete out[key];
  return out;
}
