/**
 * What a screen needs to know of a ledger resource — its fields with labels in both languages, the
 * choices of each enum by name, what a list filters and sorts on — declared once, here from the
 * resource itself, and published in the OpenAPI document (`x-duikou-resource` on the record's
 * schema). The web's ledger screens are built from that document (scripts/web-types.ts), so a
 * field, a choice or a label cannot differ between the API, the sheets and the forms.
 */
import { getTableName } from "drizzle-orm";
import type { CellKind, Field } from "./fields";
import type { ResourceDef } from "./resource";

export type Pair = readonly [zh: string, en: string];

export interface FieldView {
  key: string;
  kind: Exclude<CellKind, "text"> | "text" | "longText";
  label: Pair;
  required: boolean;
  options?: { value: string; label: Pair }[];
  /** For refs: the resource path the id points into ("sub-units"). */
  ref?: string;
  personal?: boolean;
  help?: Pair;
  /** Changed by its own steps: status → the one next status. */
  workflow?: Record<string, string>;
}

export interface ResourceView {
  path: string;
  label: Pair;
  fields: FieldView[];
  /** The equality filters a screen offers above its table: the enum, yes/no and program ones. */
  filters: string[];
  sorts: string[];
  defaultSort: string;
  /** "date": lists take year and quarter on the record's date; "year": a year field; null: neither. */
  period: "date" | "year" | null;
  search: boolean;
  titleField: string;
  kindFields?: { field: string; show: Record<string, readonly string[]>; required: Record<string, readonly string[]> };
}

/**
 * A sheet's column names the cell's format ("受援地代码", "金额（元）"); a form's input shows a
 * picker or the amount in both units, so its label drops the format.
 */
const FORMAT_SUFFIX: Partial<Record<CellKind, [RegExp, RegExp]>> = {
  area: [/代码$/, / code$/],
  ref: [/编号$/, / id$/],
  money: [/（元）$/, / \(yuan\)$/],
};

function fieldView(key: string, spec: Field, pathOfTable: (table: string) => string): FieldView {
  const [zh, en] = FORMAT_SUFFIX[spec.cell] ?? [/$^/, /$^/];
  const labelsEn = spec.labelsEn ?? {};
  return {
    key,
    kind: spec.cell === "text" && spec.long ? "longText" : spec.cell,
    label: [spec.header.replace(zh, ""), spec.headerEn.replace(en, "")],
    required: spec.required,
    ...(spec.labels ? { options: Object.entries(spec.labels).map(([value, label]) => ({ value, label: [label, labelsEn[value] ?? label] as Pair })) } : {}),
    ...(spec.ref ? { ref: pathOfTable(spec.ref) } : {}),
    ...(spec.personal ? { personal: true } : {}),
    ...(spec.help ? { help: [spec.help, spec.helpEn ?? spec.help] as Pair } : {}),
    ...(spec.workflow ? { workflow: Object.fromEntries(Object.entries(spec.workflow).filter((e): e is [string, string] => e[1] !== undefined)) } : {}),
  };
}

export function resourceView(def: ResourceDef, all: readonly ResourceDef[]): ResourceView {
  const pathOfTable = (table: string) => all.find((d) => getTableName(d.table) === table)?.path ?? table;
  const fields = Object.entries(def.fields).map(([key, spec]) => fieldView(key, spec, pathOfTable));
  const offered = new Set(fields.filter((f) => f.kind === "enum" || f.kind === "bool" || f.kind === "program").map((f) => f.key));
  return {
    path: def.path,
    label: [def.label.zh, def.label.en.charAt(0).toUpperCase() + def.label.en.slice(1)],
    fields,
    filters: def.filters.filter((k) => offered.has(k)),
    sorts: def.sorts,
    defaultSort: def.defaultSort,
    period: def.dateField ? "date" : def.filters.includes("year") ? "year" : null,
    search: def.search.length > 0,
    titleField: def.titleField,
    ...(def.kindFields ? { kindFields: def.kindFields } : {}),
  };
}
