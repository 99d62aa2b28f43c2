/** A record as its table stores it, every column present. */
import { getTableColumns } from "drizzle-orm";
import type { ResourceDef, Row } from "./resource";

/** A full row as the table stores it: given values, then column defaults, then null. */
export function completeRow(def: ResourceDef, values: Row): Row {
  const row: Row = {};
  const columns: Record<string, { default?: unknown }> = getTableColumns(def.table);
  for (const [key, column] of Object.entries(columns)) {
    const given = values[key];
    row[key] = given !== undefined ? given : column.default !== undefined && typeof column.default !== "object" ? column.default : null;
  }
  return row;
}
