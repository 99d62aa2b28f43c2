/** The filters above a ledger table: period, the resource's enum filters, program, search, voided. */
import { useEffect, useState } from "preact/hooks";
import type { Tenant } from "../api/types";
import { pick, t } from "../i18n";
import { fieldOf, type ResourceView } from "./resources";

export type ListQuery = Record<string, string>;

const thisYear = new Date().getFullYear();
export const YEARS = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

export function FilterBar({ view, tenant, query, onChange }: { view: ResourceView; tenant: Tenant | undefined; query: ListQuery; onChange(next: ListQuery): void }) {
  const [q, setQ] = useState(query.q ?? "");
  useEffect(() => setQ(query.q ?? ""), [query.q]);
  const set = (key: string, value: string) => onChange({ ...query, [key]: value });
  const id = (key: string) => `filter-${view.path}-${key}`;

  return (
    <form
      class="filters"
      role="search"
      aria-label={t("filters.label")}
      onSubmit={(e) => {
        e.preventDefault();
        set("q", q.trim());
      }}
    >
      {view.period ? (
        <div class="filters__item">
          <label for={id("year")}>{t("filters.year")}</label>
          <select id={id("year")} value={query.year ?? ""} onChange={(e) => onChange({ ...query, year: (e.currentTarget as HTMLSelectElement).value, quarter: "" })}>
            <option value="">{t("filters.all")}</option>
            {YEARS.map((y) => (
              <option key={y} value={String(y)}>
                {t("common.yearN", { year: y })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {view.period === "date" ? (
        <div class="filters__item">
          <label for={id("quarter")}>{t("filters.quarter")}</label>
          <select id={id("quarter")} value={query.quarter ?? ""} disabled={!query.year} onChange={(e) => set("quarter", (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t("filters.wholeYear")}</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={String(n)}>
                {t("common.quarterN", { quarter: n })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {view.filters.map((key) => {
        const field = fieldOf(view, key);
        if (!field) return null;
        const options: [string, string][] =
          key === "program"
            ? (tenant?.programs ?? []).map((p) => [p.slug, p.name])
            : field.kind === "bool"
              ? [
                  ["true", t("common.yes")],
                  ["false", t("common.no")],
                ]
              : Object.entries(field.options ?? {}).map(([v, l]) => [v, pick(l)]);
        return (
          <div class="filters__item" key={key}>
            <label for={id(key)}>{pick(field.label)}</label>
            <select id={id(key)} value={query[key] ?? ""} onChange={(e) => set(key, (e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t("filters.all")}</option>
              {options.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {view.search ? (
        <div class="filters__item filters__item--search">
          <label for={id("q")}>{t("filters.search")}</label>
          <input id={id("q")} type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} placeholder={t("filters.searchPlaceholder")} />
        </div>
      ) : null}
      <div class="filters__item filters__item--check">
        <input id={id("voided")} type="checkbox" checked={query.includeVoided === "true"} onChange={(e) => set("includeVoided", (e.currentTarget as HTMLInputElement).checked ? "true" : "")} />
        <label for={id("voided")}>{t("filters.includeVoided")}</label>
      </div>
      <button type="submit" class="btn btn--small">
        {t("filters.apply")}
      </button>
    </form>
  );
}

