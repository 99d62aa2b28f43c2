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
  const set = (k: keyof typeof filters) => (e: Event) => setFilters((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));
  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <section class="card">
        <form
          class="filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(filters);
            pages.reset();
          }}
        >
          <div class="filters__item">
            <label for="audit-entity">{t("audit.entity")}</label>
            <select id="audit-entity" value={filters.entity} onChange={set("entity")}>
              <option value="">{t("filters.all")}</option>
              {Object.keys(ENTITY).map((k) => (
                <option key={k} value={k}>
                  {label(ENTITY, k)}
                </option>
              ))}
            </select>
          </div>
          <div class="filters__item">
            <label for="audit-actor">{t("audit.actor")}</label>
            <input id="audit-actor" type="search" value={filters.actor} onInput={set("actor")} placeholder={t("audit.actorPlaceholder")} />
          </div>
          <div class="filters__item">
            <label for="audit-from">{t("audit.from")}</label>
            <input id="audit-from" type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={filters.from} onInput={set("from")} />
          </div>
          <div class="filters__item">
            <label for="audit-to">{t("audit.to")}</label>
            <input id="audit-to" type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={filters.to} onInput={set("to")} />
          </div>
          <button type="submit" class="btn btn--small">
            {t("filters.apply")}
          </button>
        </form>
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
