/**
 * 单位管理: the units (tenants), paged by the API's cursor, and creating one (its database with it).
 */
import { useCursorPages } from "../../api/cursor-pages";
import { useState } from "preact/hooks";
import { useApi } from "../../api/use-api";
import type { UnitRow } from "../../api/types";
import { DemoTag, Tag } from "../../components/badge";
import { DataTable, Pager } from "../../components/data-table";
import { ErrorNote, Loading, Notice } from "../../components/feedback";
import { ApplyButton, ChoiceSelect, FilterItem, Filters, SearchInput } from "../../components/filters";
import { dateTime } from "../../format/date";
import { t } from "../../i18n";
import { label, UNIT_KIND } from "../../labels";
import { href } from "../../router";
import { PageHeader } from "../../shell/page-header";
import { CreateUnitDialog } from "./create-unit";

const PAGE = 25;

export function UnitsScreen() {
  const [q, setQ] = useState("");
  const [applied, setApplied] = useState({ q: "", kind: "" });
  const pages = useCursorPages();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApi<{ items: UnitRow[]; nextCursor: string | null }>("/api/units", { q: applied.q, kind: applied.kind, cursor: pages.cursor, limit: PAGE });
  const apply = (next: { q: string; kind: string }) => {
    setApplied(next);
    pages.reset();
  };

  return (
    <>
      <PageHeader title={t("admin.units")}>
        <button type="button" class="btn btn--primary" onClick={() => setCreating(true)}>
          {t("admin.createUnit")}
        </button>
      </PageHeader>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <section class="card">
        <Filters label={t("filters.label")} search onSubmit={() => apply({ ...applied, q: q.trim() })}>
          <FilterItem id="units-kind" label={t("admin.kind")}>
            <ChoiceSelect id="units-kind" value={applied.kind} onChange={(kind) => apply({ ...applied, kind })} all={t("filters.all")} choices={Object.keys(UNIT_KIND).map((k) => [k, label(UNIT_KIND, k)] as const)} />
          </FilterItem>
          <FilterItem id="units-q" label={t("filters.search")} kind="search">
            <SearchInput id="units-q" value={q} onInput={setQ} placeholder={t("admin.searchPlaceholder")} />
          </FilterItem>
          <ApplyButton />
        </Filters>
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <>
            <DataTable
              rows={list.data.items}
              rowKey={(u) => u.slug}
              caption={t("admin.units")}
              columns={[
                {
                  key: "name",
                  header: t("admin.name"),
                  render: (u) => (
                    <>
                      <a href={href(["u", u.slug])}>{u.name}</a> <DemoTag demo={u.demo} />
                    </>
                  ),
                },
                { key: "slug", header: t("admin.slug"), render: (u) => <code>{u.slug}</code> },
                { key: "kind", header: t("admin.kind"), nowrap: true, render: (u) => label(UNIT_KIND, u.kind) },
                { key: "status", header: t("admin.status"), render: (u) => <Tag tone={u.status === "active" ? "ok" : u.status === "failed" ? "danger" : "warn"}>{t(`admin.status.${u.status}`)}</Tag> },
                { key: "schema", header: t("admin.schema"), numeric: true, render: (u) => String(u.schemaVersion) },
                { key: "created", header: t("admin.created"), nowrap: true, render: (u) => dateTime(u.createdAt) },
              ]}
            />
            <Pager {...pages.pager(list.data.nextCursor)} total={null} />
          </>
        ) : null}
      </section>
      {creating ? (
        <CreateUnitDialog
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setNotice(t("admin.created.done", { name: u.name }));
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
