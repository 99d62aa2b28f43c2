/** The filters above a ledger table: period, the resource's enum filters, program, search, voided. */
import { useEffect, useState } from "preact/hooks";
import type { Tenant } from "../api/types";
import { ApplyButton, ChoiceSelect, FilterItem, Filters, QuarterSelect, SearchInput, YearSelect } from "../components/filters";
import { pick, t } from "../i18n";
import { fieldOf, type ResourceView } from "./resources";

export type ListQuery = Record<string, string>;

export function FilterBar({ view, tenant, query, onChange }: { view: ResourceView; tenant: Tenant | undefined; query: ListQuery; onChange(next: ListQuery): void }) {
  const [q, setQ] = useState(query.q ?? "");
  useEffect(() => setQ(query.q ?? ""), [query.q]);
  const set = (key: string, value: string) => onChange({ ...query, [key]: value });
  const id = (key: string) => `filter-${view.path}-${key}`;

  return (
    <Filters label={t("filters.label")} search onSubmit={() => set("q", q.trim())}>
      {view.period ? (
        <FilterItem id={id("year")} label={t("filters.year")}>
          <YearSelect id={id("year")} value={query.year ?? ""} onChange={(year) => onChange({ ...query, year, quarter: "" })} all={t("filters.all")} />
        </FilterItem>
      ) : null}
      {view.period === "date" ? (
        <FilterItem id={id("quarter")} label={t("filters.quarter")}>
          <QuarterSelect id={id("quarter")} value={query.quarter ?? ""} disabled={!query.year} onChange={(quarter) => set("quarter", quarter)} all={t("filters.wholeYear")} />
        </FilterItem>
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
          <FilterItem key={key} id={id(key)} label={pick(field.label)}>
            <ChoiceSelect id={id(key)} value={query[key] ?? ""} onChange={(value) => set(key, value)} all={t("filters.all")} choices={options} />
          </FilterItem>
        );
      })}
      {view.search ? (
        <FilterItem id={id("q")} label={t("filters.search")} kind="search">
          <SearchInput id={id("q")} value={q} onInput={setQ} placeholder={t("filters.searchPlaceholder")} />
        </FilterItem>
      ) : null}
      <div class="filters__item filters__item--check">
        <input id={id("voided")} type="checkbox" checked={query.includeVoided === "true"} onChange={(e) => set("includeVoided", (e.currentTarget as HTMLInputElement).checked ? "true" : "")} />
        <label for={id("voided")}>{t("filters.includeVoided")}</label>
      </div>
      <ApplyButton />
    </Filters>
  );
}

