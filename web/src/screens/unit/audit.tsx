/**
 * 操作记录: the unit's whole audit trail, newest first, a page at a time — filtered by what was changed, who,
 * and the days — each entry saying who did what to which record, and for a change which fields it changed
 * (the unit's own staff see the values; others see who and when only).
 */
import { useCursorPages } from "../../api/cursor-pages";
import { useState } from "preact/hooks";
import { useApi } from "../../api/use-api";
import type { AuditEntry } from "../../api/types";
import { DataTable, Pager } from "../../components/data-table";
import { ErrorNote, Loading } from "../../components/feedback";
import { ApplyButton, ChoiceSelect, FilterItem, Filters, SearchInput } from "../../components/filters";
import { dateTime } from "../../format/date";
import { t } from "../../i18n";
import { AUDIT_ACTION, ENTITY, label } from "../../labels";
import { PageHeader } from "../../shell/page-header";

type Entry = AuditEntry & { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };

const BOOKKEEPING = new Set(["version", "updatedAt", "updatedBy", "createdAt", "createdBy"]);

/** The fields a change changed (bookkeeping aside), or the record's name for a new one. */
function changed(e: Entry): string {
  const a = e.after ?? null;
  const b = e.before ?? null;
  if (a && b) {
    const keys = Object.keys(a).filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    return keys.length ? keys.map((k) => `${k}: ${JSON.stringify(b[k]) ?? "—"} → ${JSON.stringify(a[k])}`).join("；") : "";
  }
  const name = a ? (a.title ?? a.counterpart ?? a.name ?? a.post ?? null) : null;
  return name ? `「${String(name)}」` : "";
}

const PAGE = 30;

export function AuditScreen({ unit }: { unit: string }) {
  const [filters, setFilters] = useState({ entity: "", actor: "", from: "", to: "" });
  const [applied, setApplied] = useState(filters);
  const pages = useCursorPages();
  const list = useApi<{ items: Entry[]; nextCursor: string | null }>(`/api/t/${unit}/audit`, { ...applied, cursor: pages.cursor, limit: PAGE });
  const set = (k: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [k]: value }));
  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <section class="card">
        <Filters
          label={t("filters.label")}
          search
          onSubmit={() => {
            setApplied(filters);
            pages.reset();
          }}
        >
          <FilterItem id="audit-entity" label={t("audit.entity")}>
            <ChoiceSelect id="audit-entity" value={filters.entity} onChange={set("entity")} all={t("filters.all")} choices={Object.keys(ENTITY).map((k) => [k, label(ENTITY, k)] as const)} />
          </FilterItem>
          <FilterItem id="audit-actor" label={t("audit.actor")}>
            <SearchInput id="audit-actor" value={filters.actor} onInput={set("actor")} placeholder={t("audit.actorPlaceholder")} />
          </FilterItem>
          <FilterItem id="audit-from" label={t("audit.from")}>
            <input id="audit-from" type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={filters.from} onInput={(e) => set("from")((e.currentTarget as HTMLInputElement).value)} />
          </FilterItem>
          <FilterItem id="audit-to" label={t("audit.to")}>
            <input id="audit-to" type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={filters.to} onInput={(e) => set("to")((e.currentTarget as HTMLInputElement).value)} />
          </FilterItem>
          <ApplyButton />
        </Filters>
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <>
            {list.data.items.length === 0 ? <p class="muted">{t("audit.none")}</p> : null}
            <DataTable
              rows={list.data.items}
              rowKey={(e) => String(e.id)}
              caption={t("audit.title")}
              columns={[
                { key: "at", header: t("audit.at"), nowrap: true, render: (e) => dateTime(e.at) },
                { key: "actor", header: t("audit.actor"), nowrap: true, render: (e) => (e.actor.startsWith("system:") ? t("audit.system") : e.actor) },
                { key: "action", header: t("audit.action"), nowrap: true, render: (e) => label(AUDIT_ACTION, e.action) },
                { key: "entity", header: t("audit.entity"), nowrap: true, render: (e) => label(ENTITY, e.entity) },
                { key: "what", header: t("audit.what"), render: (e) => <span class="audit__what">{changed(e)}</span> },
              ]}
            />
            <Pager {...pages.pager(list.data.nextCursor)} total={null} />
          </>
        ) : null}
      </section>
    </>
  );
}
