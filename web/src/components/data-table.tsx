/**
 * A table with sortable headers (aria-sort) that stays readable at tablet width (scrolls sideways),
 * optionally with a checkbox per row and one for the whole page (bulk actions).
 */
import type { ComponentChildren } from "preact";
import { t } from "../i18n";

/** Rows chosen by checkbox: which are, how to name a row's checkbox, and which rows may be chosen. */
export interface Selection<T> {
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  /** The accessible name of a row's checkbox, e.g. "选择 乳源茶叶加工厂". */
  label(row: T): string;
  /** The accessible name of the page's checkbox. */
  allLabel: string;
  selectable?(row: T): boolean;
}

export interface Column<T> {
  key: string;
  header: string;
  render(row: T): ComponentChildren;
  sortable?: boolean;
  numeric?: boolean;
  /** Keeps the cell on one line (names that must not break, e.g. 南雄市). */
  nowrap?: boolean;
  width?: string;
  /** The header is for screen readers only (an actions column: its buttons say what they do). */
  headerHidden?: boolean;
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  caption,
  rowClass,
  selection,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  sort?: string;
  onSort?(sort: string): void;
  caption?: string;
  rowClass?(row: T): string;
  selection?: Selection<T>;
}) {
  const current = sort?.replace(/^-/, "");
  const descending = sort?.startsWith("-") ?? false;
  const choosable = selection ? rows.filter((r) => selection.selectable?.(r) ?? true).map(rowKey) : [];
  const chosen = choosable.filter((k) => selection?.selected.has(k)).length;
  const toggle = (key: string, on: boolean) => {
    const next = new Set(selection!.selected);
    if (on) next.add(key);
    else next.delete(key);
    selection!.onChange(next);
  };
  return (
    // A table wider than a phone scrolls in its box: the box takes focus so the keyboard can scroll it too.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="table">
        {caption ? <caption class="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {selection ? (
              <th scope="col" class="table__check">
                <input
                  type="checkbox"
                  aria-label={selection.allLabel}
                  checked={choosable.length > 0 && chosen === choosable.length}
                  indeterminate={chosen > 0 && chosen < choosable.length}
                  disabled={choosable.length === 0}
                  onChange={(e) => selection.onChange((e.currentTarget as HTMLInputElement).checked ? new Set(choosable) : new Set())}
                />
              </th>
            ) : null}
            {columns.map((c) => {
              const active = c.key === current;
              const ariaSort = active ? (descending ? "descending" : "ascending") : c.sortable ? "none" : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort} class={c.numeric ? "num" : undefined} style={c.width ? { width: c.width } : undefined}>
                  {c.sortable && onSort ? (
                    <button
                      type="button"
                      class="th-sort"
                      onClick={() => onSort(active && !descending ? `-${c.key}` : c.key)}
                      title={t("table.sortBy", { column: c.header })}
                    >
                      {c.header}
                      <span aria-hidden="true" class={`th-sort__arrow${active ? " is-active" : ""}`}>
                        {active ? (descending ? "↓" : "↑") : "↕"}
                      </span>
                    </button>
                  ) : c.headerHidden ? (
                    <span class="sr-only">{c.header}</span>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} class={rowClass?.(row)}>
              {selection ? (
                <td class="table__check">
                  {selection.selectable?.(row) ?? true ? (
                    <input
                      type="checkbox"
                      aria-label={selection.label(row)}
                      checked={selection.selected.has(rowKey(row))}
                      onChange={(e) => toggle(rowKey(row), (e.currentTarget as HTMLInputElement).checked)}
                    />
                  ) : null}
                </td>
              ) : null}
              {columns.map((c) => (
                <td key={c.key} class={[c.numeric ? "num" : "", c.nowrap ? "nowrap" : ""].join(" ").trim() || undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Cursor paging: previous pages are remembered, the next comes from the API's cursor. */
export function Pager({ page, total, hasNext, onPrev, onNext }: { page: number; total: number | null; hasNext: boolean; onPrev(): void; onNext(): void }) {
  return (
    <nav class="pager" aria-label={t("table.paging")}>
      <span class="pager__info">{total === null ? t("table.page", { page }) : t("table.pageOfTotal", { page, total })}</span>
      <button type="button" class="btn btn--small" onClick={onPrev} disabled={page <= 1}>
        {t("table.prev")}
      </button>
      <button type="button" class="btn btn--small" onClick={onNext} disabled={!hasNext}>
        {t("table.next")}
      </button>
    </nav>
  );
}
