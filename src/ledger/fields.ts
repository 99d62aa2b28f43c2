/**
 * Field specifications: one declaration per field gives its API schema (zod, shared by routes,
 * import and the OpenAPI document), its spreadsheet column (Chinese header, how a cell is read
 * and written), and what must exist for it to be valid (areas, referenced records, programs).
 */
import { XML_INVALID, XML_INVALID_MESSAGE } from "../xml-text";
import { z } from "@hono/zod-openapi";
import { MAX_FEN } from "./money";
import { choiceMessage } from "../labels";

export type CellKind = "text" | "enum" | "money" | "int" | "bool" | "date" | "area" | "ref" | "program";

export interface Field {
  schema: z.ZodType;
  required: boolean;
  header: string;
  headerEn: string;
  cell: CellKind;
  /** For enums: value → Chinese label (spreadsheets accept either). */
  labels?: Record<string, string>;
  /** For enums: value → English label (the web's English screens). */
  labelsEn?: Record<string, string>;
  /** A text of several lines (a form's text area). */
  long?: boolean;
  /** Changed by its own workflow steps (a project's status), never typed in a form. */
  workflow?: Record<string, string | undefined>;
  /** For refs: the ledger table the id must exist in (and not be voided). */
  ref?: "sub_units" | "pairings" | "projects";
  /** Personal data: only the unit's own roles see it. */
  personal?: boolean;
  /** A line for the template's instructions sheet and under the form's input, and its English. */
  help?: string;
  helpEn?: string;
  /** Whether null is a value (the column allows NULL); set by defineResource from the table. */
  nullable?: boolean;
  /** What null sets a NOT NULL column to (its default), from the table; set by defineResource. */
  cleared?: string | number | boolean;
  /**
   * A figure that is an amount on some rows: when the row's `field` is one of `values` (a money
   * target), sheets take and give it in 元 like any amount, while the API keeps integer fen.
   */
  amountWhen?: { field: string; values: readonly string[] };
}

/** The field as a sheet reads and writes it on this row: an amount where `amountWhen` says so. */
export function onRow(spec: Field, record: Readonly<Record<string, unknown>>): Field {
  return spec.amountWhen && spec.amountWhen.values.includes(String(record[spec.amountWhen.field])) ? { ...spec, cell: "money" } : spec;
}

type Opts = { required?: boolean; help?: string; helpEn?: string; personal?: boolean };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date as YYYY-MM-DD within a range (ledger events: 1990–2100). */
export function dateIn(min = "1990-01-01", max = "2100-12-31") {
  return z
    .string()
    .regex(DATE)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "不是有效日期（YYYY-MM-DD） | Not a valid date (YYYY-MM-DD)")
    .refine((s) => s >= min && s <= max, `日期应在 ${min} 至 ${max} 之间 | The date must be between ${min} and ${max}`)
    .openapi({ format: "date", example: "2026-03-15" });
}

export const dateSchema = dateIn();

export const areaCodeSchema = z.string().regex(/^\d{6}$/, "应为 6 位行政区划代码 | Must be a 6-digit area code").openapi({ example: "440282" });

/**
 * Text a database stores exactly as given and every report can carry: none of the characters XML
 * cannot hold (NUL would cut the text in the driver, a lone surrogate becomes U+FFFD, U+FFFE breaks
 * Word), so a record never differs from its audit row or its report.
 */
export function storableText(schema: z.ZodString) {
  return schema.refine((s) => !XML_INVALID.test(s), XML_INVALID_MESSAGE);
}

function field(schema: z.ZodType, cell: CellKind, header: string, headerEn: string, opts: Opts, extra: Partial<Field> = {}): Field {
  return {
    schema,
    cell,
    header,
    headerEn,
    required: opts.required ?? true,
    ...(opts.help ? { help: opts.help, ...(opts.helpEn ? { helpEn: opts.helpEn } : {}) } : {}),
    ...(opts.personal ? { personal: true } : {}),
    ...extra,
  };
}

/** What a wrong choice is answered with, by the API and the importer alike: the choices by name in both languages, never their codes. */
export function wrongChoice(labels: Record<string, string>, en: Record<string, string> = {}): string {
  return choiceMessage(Object.values(labels), Object.keys(labels).map((v) => en[v] ?? v));
}

/** Field builders. */
export const f = {
  text: (header: string, headerEn: string, max = 200, opts: Opts = {}) => field(storableText(z.string().trim().min(1).max(max)), "text", header, headerEn, opts),
  longText: (header: string, headerEn: string, opts: Opts = {}) => field(storableText(z.string().trim().max(5000)), "text", header, headerEn, { required: false, ...opts }, { long: true }),
  /** A choice; a wrong value is answered with the choices' names ("应为以下之一：考察、联席会议…"), not their codes. */
  enumOf: <T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>, header: string, headerEn: string, opts: Opts & { en: Record<T[number], string>; workflow?: Field["workflow"] }) => {
    const { en, workflow, ...rest } = opts;
    return field(z.enum(values, { error: () => wrongChoice(labels, en) }), "enum", header, headerEn, rest, { labels, labelsEn: en, ...(workflow ? { workflow } : {}) });
  },
  /** Integer fen in JSON; yuan with up to two decimals in spreadsheets. */
  money: (header: string, headerEn: string, opts: Opts & { min?: number } = {}) =>
    field(z.number().int().min(opts.min ?? 0).max(MAX_FEN), "money", header, headerEn, opts),
  int: (header: string, headerEn: string, opts: Opts & { min?: number; max?: number; amountWhen?: Field["amountWhen"] } = {}) =>
    field(z.number().int().min(opts.min ?? 0).max(opts.max ?? 100_000_000), "int", header, headerEn, opts, opts.amountWhen ? { amountWhen: opts.amountWhen } : {}),
  bool: (header: string, headerEn: string, opts: Opts = {}) => field(z.boolean(), "bool", header, headerEn, { required: false, ...opts }),
  date: (header: string, headerEn: string, opts: Opts & { min?: string } = {}) => field(opts.min ? dateIn(opts.min) : dateSchema, "date", header, headerEn, opts),
  area: (header: string, headerEn: string, opts: Opts = {}) => field(areaCodeSchema, "area", header, headerEn, opts),
  ref: (table: NonNullable<Field["ref"]>, header: string, headerEn: string, opts: Opts = {}) =>
    field(z.string().min(1).max(64), "ref", header, headerEn, { required: false, ...opts }, { ref: table }),
  program: (header = "所属帮扶工作", headerEn = "Program", opts: Opts = {}) =>
    field(z.string().regex(/^[a-z0-9-]{1,40}$/), "program", header, headerEn, { required: false, ...opts }),
};

export type Fields = Record<string, Field>;

/**
 * A field's value schema. An optional field takes null to clear it, as JSON merge patch does (RFC
 * 7396): a nullable column becomes NULL, a NOT NULL column with a default takes its default (a
 * quantity of another activity kind clears to 0). A required field never takes null.
 */
function valueSchema(spec: Field): z.ZodType {
  if (spec.required) return spec.schema;
  if (spec.nullable) return spec.schema.nullable();
  if (spec.cleared !== undefined) {
    const cleared = spec.cleared;
    return spec.schema.nullable().transform((v) => v ?? cleared);
  }
  return spec.schema;
}

/** The create schema: required fields required, others optional, unknown fields refused. */
export function createSchema(fields: Fields) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(fields)) shape[key] = spec.required ? spec.schema : valueSchema(spec).optional();
  return z.object(shape).strict();
}

/** The update schema: every field optional, at least one given, unknown fields refused. */
export function updateSchema(fields: Fields) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(fields)) shape[key] = valueSchema(spec).optional();
  return z
    .object(shape)
    .strict()
    .refine((o) => Object.keys(o).length > 0, "至少修改一个字段 | Change at least one field");
}
