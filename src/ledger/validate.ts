/**
 * Checks a whole record before it is written: cross-field rules, that its areas exist, that the
 * records it refers to exist and are not voided, that its program is one the unit takes part in,
 * and the resource's own database rules. Returns every problem at once, never stops at the first.
 */
import { pacer } from "../bounded";
import { and, inArray, isNull } from "drizzle-orm";
import { areas } from "../../db/platform/schema";
import type { ErrorDetail } from "../errors";
import { REFS, type RefTable } from "./ref-names";
import type { Change, ResourceDef, Row, WriteContext } from "./resource";

/** Validates many records together (one query per kind of reference, not per record). */
export async function validateRecords(def: ResourceDef, ctx: WriteContext, records: { record: Row; before: Row | null; path: (field: string) => ErrorDetail; skipCheck?: boolean }[]) {
  const problems: ErrorDetail[][] = records.map(() => []);
  const areaCodes = new Set<string>();
  const refIds: Record<string, Set<string>> = {};
  // A field that a change leaves as it was is not checked again: a record whose project was voided
  // later can still be edited or voided itself.
  const unchanged = (before: Row | null, record: Row, key: string) => before !== null && before[key] === record[key];
  const pace = pacer();
  for (const [i, { record, before, path }] of records.entries()) {
    if (pace.due()) await pace.pause();
    if (!record.voidedAt) for (const detail of def.refine?.(record) ?? []) problems[i]!.push({ ...path(detail.path ?? ""), message: detail.message });
    for (const [key, spec] of Object.entries(def.fields)) {
      const value = record[key];
      if (value === null || value === undefined || unchanged(before, record, key)) continue;
      if (spec.cell === "area") areaCodes.add(String(value));
      if (spec.cell === "ref" && spec.ref) (refIds[spec.ref] ??= new Set()).add(String(value));
      if (spec.cell === "program" && !ctx.unitPrograms.includes(String(value))) {
        problems[i]!.push({ ...path(key), message: `本单位未参与该帮扶工作：${String(value)} | The unit takes no part in program ${String(value)}` });
      }
    }
  }

  const knownAreas = new Set<string>();
  if (areaCodes.size) {
    for (const row of await ctx.platform.select({ code: areas.code }).from(areas).where(inArray(areas.code, [...areaCodes]))) knownAreas.add(row.code);
  }
  const knownRefs: Record<string, Set<string>> = {};
  for (const [table, ids] of Object.entries(refIds)) {
    const t = REFS[table as RefTable].table;
    const rows = await ctx.tenant.db.select({ id: t.id }).from(t).where(and(inArray(t.id, [...ids]), isNull(t.voidedAt)));
    knownRefs[table] = new Set(rows.map((r) => r.id));
  }

  // The changes before this one that a business check may count (an import's earlier rows, a bulk
  // action's earlier records), grown as we go: one list, not a fresh copy per row.
  const earlier: Change[] = [];
  for (let i = 0; i < records.length; i++) {
    if (pace.due()) await pace.pause();
    const { record, before, path, skipCheck } = records[i]!;
    for (const [key, spec] of Object.entries(def.fields)) {
      const value = record[key];
      if (value === null || value === undefined || unchanged(before, record, key)) continue;
      if (spec.cell === "area" && !knownAreas.has(String(value))) {
        problems[i]!.push({ ...path(key), message: `行政区划代码不存在：${String(value)} | Unknown area code ${String(value)}` });
      }
      if (spec.cell === "ref" && spec.ref && !knownRefs[spec.ref]?.has(String(value))) {
        const { zh, en } = REFS[spec.ref];
        problems[i]!.push({ ...path(key), message: `所引用的${zh}不存在或已作废：${String(value)} | The referenced ${en} does not exist or is voided: ${String(value)}` });
      }
    }
    if (def.check && !skipCheck && problems[i]!.length === 0) {
      for (const detail of await def.check(ctx, record, before, earlier)) problems[i]!.push({ ...path(detail.path ?? ""), message: detail.message });
    }
    if (!skipCheck) earlier.push({ record, before });
  }
  return problems;
}
