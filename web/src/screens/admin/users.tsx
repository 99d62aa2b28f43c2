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
        <form
          class="filters"
          role="search"
          aria-label={t("filters.label")}
          onSubmit={(e) => {
            e.preventDefault();
            apply({ ...applied, q: q.trim() });
          }}
        >
          <div class="filters__item">
            <label for="users-role">{t("users.role")}</label>
            <select id="users-role" value={applied.role} onChange={(e) => apply({ ...applied, role: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">{t("filters.all")}</option>
              {grantableRoles().map((r) => (
                <option key={r} value={r}>
                  {label(ROLE, r)}
                </option>
              ))}
            </select>
          </div>
          <div class="filters__item">
            <label for="users-unit">{t("users.unit")}</label>
            <select id="users-unit" value={applied.unit} onChange={(e) => apply({ ...applied, unit: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">{t("filters.all")}</option>
              {applied.unit && !units.some((u) => u.slug === applied.unit) ? <option value={applied.unit}>{applied.unit}</option> : null}
              {units.map((u) => (
                <option key={u.slug} value={u.slug}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div class="filters__item filters__item--search">
            <label for="users-q">{t("filters.search")}</label>
            <input id="users-q" type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} placeholder={t("users.searchPlaceholder")} />
          </div>
          <button type="submit" class="btn btn--small">
            {t("filters.apply")}
          </button>
        </form>
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
