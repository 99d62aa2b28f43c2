/**
 * Compile-time checks, run by `npm run typecheck` (not by vitest): a resource's rules receive its
 * table's typed rows, and its fields, filters and sorts name the table's columns. Each
 * `@ts-expect-error` fails the typecheck if the line below it ever compiles.
 */
import { funds } from "../db/tenant/schema";
import { f } from "../src/ledger/fields";
import { defineResource } from "../src/ledger/resource";

const base = {
  path: "funds-check",
  entity: "fund_check",
  label: { zh: "资金", en: "funds" },
  table: funds,
  fields: { amountFen: f.money("金额（元）", "Amount (yuan)", { min: 1 }) },
  dateField: "date",
  filters: ["kind"],
  search: [],
  sorts: ["amountFen"],
  defaultSort: "-date",
  titleField: "date",
} as const;

export const typed = [
  defineResource({ ...base, filters: ["kind"], search: [], sorts: ["amountFen"], refine: (r) => (r.amountFen > 0 && r.kind === "allocation" ? [] : [{ path: "amountFen", message: "" }]) }),
  // @ts-expect-error: funds have no column `budget`
  defineResource({ ...base, filters: ["kind"], search: [], sorts: ["amountFen"], refine: (r) => (r.budget ? [] : []) }),
  // @ts-expect-error: a filter must name a column
  defineResource({ ...base, filters: ["budget"], search: [], sorts: ["amountFen"] }),
  // @ts-expect-error: a kind is compared with the table's own choices, and "grant" is none of them
  defineResource({ ...base, filters: ["kind"], search: [], sorts: ["amountFen"], voidOrder: (r) => (r.kind === "grant" ? 1 : 0) }),
];
