/**
 * The columns an export writes besides the fields' own, shared by the exporter (which writes them)
 * and the importer (which ignores them), so that an exported sheet imports again: the record's
 * bookkeeping, a 万元 column beside each amount in 元, and a name column beside each reference's id.
 * An area is exported by its full name under its header without "代码" (受援地), which the importer
 * takes as the same column.
 */
import type { Field, Fields } from "../ledger/fields";

/** The bookkeeping columns: the id first, the rest after the fields. */
export const BOOKKEEPING_HEADERS = { id: "编号", version: "版本", created: "创建时间", updated: "更新时间", voidReason: "作废原因" } as const;

/** 金额（元） → 金额（万元）. */
export const wanHeader = (spec: Field): string => spec.header.replace("（元）", "（万元）");

/** 项目编号 → 项目名称 (a header not ending in 编号 gets （名称） added, never its own header twice). */
export const refNameHeader = (spec: Field): string => (spec.header.endsWith("编号") ? spec.header.replace(/编号$/, "名称") : `${spec.header}（名称）`);

/** 受援地代码 → 受援地: the column holds the area's full name (广东省韶关市乐昌市). */
export const areaHeader = (spec: Field): string => spec.header.replace(/代码$/, "");

/** The headers an import skips (作废原因 is read only to refuse a voided row): bookkeeping, 万元 twins, reference names — never a field's own header. */
export function exportOnlyHeaders(fields: Fields): string[] {
  const own = new Set(Object.values(fields).map((s) => s.header));
  const derived = Object.values(fields).flatMap((s) => (s.cell === "money" ? [wanHeader(s)] : s.cell === "ref" ? [refNameHeader(s)] : []));
  return [BOOKKEEPING_HEADERS.id, BOOKKEEPING_HEADERS.version, BOOKKEEPING_HEADERS.created, BOOKKEEPING_HEADERS.updated, BOOKKEEPING_HEADERS.voidReason, ...derived].filter((h) => !own.has(h));
}
