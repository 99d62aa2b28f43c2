/**
 * What the ledger screens need to know of each resource — its fields (kind, required, labels, the
 * choices by name), what it filters and sorts on — from the server's own declarations, published in
 * the OpenAPI document and generated into resources.gen.ts by every build. The web adds only how a
 * table looks (its columns).
 */
import { SERVER_RESOURCES } from "./resources.gen";
import type { LabelMap } from "../labels";
import type { FieldView as ServerFieldView, ResourceView as ServerView } from "../../../src/ledger/resource-view";

export type FieldKind = ServerFieldView["kind"];
export type RefPath = "sub-units" | "pairings" | "projects";

/** A field as the forms use it: the server's, with its choices as a label map and its ref a known path. */
export interface FieldDef extends Omit<ServerFieldView, "options" | "ref" | "required" | "workflow"> {
  required?: boolean;
  options?: LabelMap;
  ref?: RefPath;
}

/** A resource as the ledger screens use it: the server's view, with the columns its table shows. */
export interface ResourceView extends Omit<ServerView, "path" | "fields" | "filters" | "sorts" | "kindFields"> {
  path: "sub-units" | "pairings" | "projects" | "funds" | "cadres" | "activities" | "targets";
  /** The fields a form types in. */
  fields: FieldDef[];
  /** Every field, including those changed only by workflow steps. */
  all: FieldDef[];
  columns: string[];
  filters: string[];
  sorts: string[];
}

type ServerResource = (typeof SERVER_RESOURCES)[keyof typeof SERVER_RESOURCES];
type ServerField = ServerResource["fields"][number];

function fieldDef(f: ServerField): FieldDef {
  return {
    key: f.key,
    kind: f.kind,
    label: f.label,
    required: f.required,
    ...("options" in f ? { options: Object.fromEntries(f.options.map((o) => [o.value, o.label])) as LabelMap } : {}),
    ...("ref" in f ? { ref: f.ref as RefPath } : {}),
    ...("personal" in f ? { personal: f.personal } : {}),
    ...("help" in f ? { help: f.help } : {}),
  };
}

/** The server's resource with the columns this screen shows (each must be one of its fields). */
function view(path: ResourceView["path"], columns: string[]): ResourceView {
  const r: ServerResource = SERVER_RESOURCES[path];
  const all = r.fields.map(fieldDef);
  for (const c of columns) if (!all.some((f) => f.key === c)) throw new Error(`${path}: column ${c} is not a field`);
  return {
    path,
    label: r.label,
    // A field changed by its own steps (a project's status) is shown and filtered, never typed.
    fields: all.filter((f) => !r.fields.some((s) => s.key === f.key && "workflow" in s)),
    all,
    columns,
    filters: [...r.filters],
    sorts: [...r.sorts],
    defaultSort: r.defaultSort,
    period: r.period,
    search: r.search,
    titleField: r.titleField,
  };
}

export const SUB_UNITS = view("sub-units", ["name", "kind", "areaCode", "placeholder"]);
export const PAIRINGS = view("pairings", ["kind", "counterpart", "areaCode", "startDate", "demonstration"]);
export const PROJECTS = view("projects", ["title", "category", "status", "areaCode", "budgetFen", "startDate", "grassroots"]);
export const FUNDS = view("funds", ["date", "kind", "source", "amountFen", "areaCode", "projectId", "grassroots"]);
export const CADRES = view("cadres", ["name", "post", "level", "hostAreaCode", "startDate", "plannedEndDate", "status"]);
export const ACTIVITIES = view("activities", ["date", "kind", "title", "areaCode", "people", "quantity", "amountFen"]);
export const TARGETS = view("targets", ["year", "program", "indicator", "target", "source"]);

/** The one step each project status may take (the server's workflow of the status field). */
export const NEXT_PROJECT_STATUS: Record<string, string | undefined> = SERVER_RESOURCES.projects.fields.find((f) => f.key === "status" && "workflow" in f)?.workflow ?? {};

const KIND_FIELDS = SERVER_RESOURCES.activities.kindFields;

/** The figures each kind of activity carries (the server's): the form shows only these, the kind's required ones as required. */
export const ACTIVITY_KIND_FIELDS: Record<string, { show: readonly string[]; required: readonly string[] }> = Object.fromEntries(
  Object.entries(KIND_FIELDS.show).map(([kind, show]) => [kind, { show, required: (KIND_FIELDS.required as Record<string, readonly string[]>)[kind] ?? [] }]),
);

/** Every figure some kind carries (hidden unless the chosen kind does). */
export const ACTIVITY_FIGURES: string[] = [...new Set(Object.values(KIND_FIELDS.show).flat())];

export const RESOURCES: ResourceView[] = [SUB_UNITS, PAIRINGS, PROJECTS, FUNDS, CADRES, ACTIVITIES, TARGETS];

export function resourceByPath(path: string | undefined): ResourceView {
  return RESOURCES.find((r) => r.path === path) ?? PROJECTS;
}

/** A field of a resource, including those changed only by workflow steps (a project's status). */
export function fieldOf(view: ResourceView, key: string): FieldDef | undefined {
  return view.all.find((f) => f.key === key);
}
