/**
 * 用户管理: the platform's accounts, paged by the API's cursor and filtered by role, unit and a search;
 * creating one, and editing one (role, unit, programs, name, disabling, a new password) with If-Match.
 */
import { useCursorPages } from "../../api/cursor-pages";
import { useState } from "preact/hooks";
import { useCached } from "../../api/cache";
import type { Role, UnitRow, UserRow } from "../../api/types";
import { useApi } from "../../api/use-api";
import { DemoTag, Tag } from "../../components/badge";
import { DataTable, Pager } from "../../components/data-table";
import { Empty, ErrorNote, Loading, Notice } from "../../components/feedback";
import { ApplyButton, ChoiceSelect, FilterItem, Filters, SearchInput } from "../../components/filters";
import { dateTime } from "../../format/date";
import { t } from "../../i18n";
import { label, ROLE } from "../../labels";
import { href } from "../../router";
import { useSession } from "../../session";
import { PageHeader } from "../../shell/page-header";
import { grantableRoles, usePrograms, useUnitNames } from "./users-fields";
import { CreateUserDialog, EditUserDialog } from "./users-form";

const PAGE = 25;

const ROLE_TONE: Record<Role, "neutral" | "info" | "warn" | "danger" | "ok"> = {
  admin: "danger",
  coordinator: "info",
  unit_admin: "ok",
  recipient: "warn",
  unit_editor: "neutral",
  viewer: "neutral",
};

export function RoleBadge({ role }: { role: Role }) {
  return <Tag tone={ROLE_TONE[role] ?? "neutral"}>{label(ROLE, role)}</Tag>;
}

export function UsersScreen() {
  const me = useSession()?.user;
  const [q, setQ] = useState("");
  const [applied, setApplied] = useState({ q: "", role: "", unit: "" });
  const pages = useCursorPages();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApi<{ items: UserRow[]; nextCursor: string | null }>("/api/users", { ...applied, cursor: pages.cursor, limit: PAGE });
  const units = useCached<{ items: UnitRow[] }>("/api/units?limit=500").data?.items ?? [];
  const unitName = useUnitNames();
  const programs = usePrograms();
  const programName = (slug: string) => programs.find((p) => p.slug === slug)?.name ?? slug;
  const apply = (next: typeof applied) => {
    setApplied(next);
    pages.reset();
  };

  return (
    <>
      <PageHeader title={t("users.title")}>
        <button type="button" class="btn btn--primary" onClick={() => setCreating(true)}>
          {t("users.create")}
        </button>
      </PageHeader>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <section class="card">
        <Filters label={t("filters.label")} search onSubmit={() => apply({ ...applied, q: q.trim() })}>
          <FilterItem id="users-role" label={t("users.role")}>
            <ChoiceSelect id="users-role" value={applied.role} onChange={(role) => apply({ ...applied, role })} all={t("filters.all")} choices={grantableRoles().map((r) => [r, label(ROLE, r)] as const)} />
          </FilterItem>
          <FilterItem id="users-unit" label={t("users.unit")}>
            <ChoiceSelect id="users-unit" value={applied.unit} onChange={(unit) => apply({ ...applied, unit })} all={t("filters.all")} choices={units.map((u) => [u.slug, u.name] as const)} />
          </FilterItem>
          <FilterItem id="users-q" label={t("filters.search")} kind="search">
            <SearchInput id="users-q" value={q} onInput={setQ} placeholder={t("users.searchPlaceholder")} />
          </FilterItem>
          <ApplyButton />
        </Filters>
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && list.data.items.length === 0 && !list.loading ? <Empty title={t("users.empty")} /> : null}
        {list.data && list.data.items.length > 0 ? (
          <DataTable
            rows={list.data.items}
            rowKey={(u) => u.id}
            caption={t("users.title")}
            columns={[
              {
                key: "username",
                header: t("users.username"),
                nowrap: true,
                render: (u) => (
                  <>
                    <code>{u.username}</code>
                    {u.id === me?.id ? <span class="muted">{t("users.self")}</span> : null}
                  </>
                ),
              },
              {
                key: "displayName",
                header: t("users.displayName"),
                render: (u) => (
                  <>
                    {u.displayName} <DemoTag demo={u.demo} />
                  </>
                ),
              },
              { key: "role", header: t("users.role"), nowrap: true, render: (u) => <RoleBadge role={u.role} /> },
              {
                key: "unit",
                header: t("users.unit"),
                nowrap: true,
                render: (u) => (u.unit ? <a href={href(["u", u.unit])}>{unitName(u.unit)}</a> : "—"),
              },
              { key: "programs", header: t("users.programs"), render: (u) => (u.programs.length ? u.programs.map(programName).join("、") : "—") },
              { key: "status", header: t("users.status"), nowrap: true, render: (u) => (u.disabled ? <Tag tone="danger">{t("users.disabled")}</Tag> : <Tag tone="ok">{t("users.active")}</Tag>) },
              { key: "created", header: t("users.created"), nowrap: true, render: (u) => dateTime(u.createdAt) },
              {
                key: "actions",
                header: t("users.actions"),
                render: (u) => (
                  <div class="row-actions">
                    <button type="button" class="btn btn--small" aria-label={`${t("common.edit")} ${u.username}`} onClick={() => setEditing(u.id)}>
                      {t("common.edit")}
                    </button>
                  </div>
                ),
              },
            ]}
          />
        ) : null}
        {list.data ? (
          <Pager {...pages.pager(list.data.nextCursor)} total={null} />
        ) : null}
      </section>
      {creating ? (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setNotice(t("users.createdDone", { name: u.displayName }));
            list.reload();
          }}
        />
      ) : null}
      {editing ? (
        <EditUserDialog
          id={editing}
          self={editing === me?.id}
          unitName={unitName}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setEditing(null);
            setNotice(t("users.savedDone", { name: u.displayName }));
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
