/**
 * 结对关系: a program's structure as its coordinator and the admin administer it — the program's own
 * fields, every group (recipient area, basis, clause) with every stay of every unit (role, first and last
 * day), and the units taking part without a pairing. Every change goes through the API's checks and
 * If-Match; every figure follows through the program's structure version, and earlier periods keep the
 * structure they had.
 */
import { useState } from "preact/hooks";
import { useCached } from "../../api/cache";
import type { ProgramInfo } from "../../api/programs";
import { useApi } from "../../api/use-api";
import { clauseLabel } from "../../../../src/rules/clause-label";
import { Tag } from "../../components/badge";
import { DataTable } from "../../components/data-table";
import { ErrorNote, Loading, Notice } from "../../components/feedback";
import { t } from "../../i18n";
import { GROUP_BASIS, label, MEMBER_ROLE } from "../../labels";
import { href } from "../../router";
import { useSession } from "../../session";
import { PageHeader } from "../../shell/page-header";
import { CountiesDialog } from "./counties-dialog";
import { GroupDialog } from "./group-dialog";
import { WebhooksCard } from "../settings/webhooks";
import { JoinDialog, StayDialog } from "./member-dialogs";
import { Participants, days } from "./participants";
import { ProgramDialog } from "./program-dialog";
import type { Group, Participant, Program, Stay } from "./types";

type Editing = { kind: "program" } | { kind: "group"; group?: Group } | { kind: "join"; group: Group } | { kind: "stay"; group: Group; stay: Stay } | { kind: "counties"; group: Group } | null;

/** A prefecture's registered counties, or the empty state that says why they are needed. */
function Counties({ group, canEdit, onEdit }: { group: Group; canEdit: boolean; onEdit(): void }) {
  if (group.area.level !== 2) return null;
  return (
    <p class="stays__counties" data-testid={`counties-${group.area.code}`}>
      {group.counties.length ? t("structure.countiesList", { names: group.counties.map((c) => c.name).join("、") }) : <span class="muted">{t("structure.countiesNone")}</span>}{" "}
      {canEdit ? (
        <button type="button" class="btn btn--link" onClick={onEdit} aria-label={t("structure.countiesTitle", { area: group.area.fullName })}>
          {t("structure.countiesEdit")}
        </button>
      ) : null}
    </p>
  );
}

function Stays({ group, canEdit, onEdit }: { group: Group; canEdit: boolean; onEdit(stay: Stay): void }) {
  if (group.members.length === 0) return <span class="muted">{t("structure.noMembers")}</span>;
  return (
    <ul class="stays">
      {group.members.map((m) => (
        <li key={m.id} data-stay={`${m.slug}:${m.id}`}>
          <span class="stays__name">{m.name}</span> {m.role === "lead" ? <Tag tone="ok">{label(MEMBER_ROLE, "lead")}</Tag> : null} <span class="muted">{days(m.effectiveFrom, m.effectiveTo)}</span>{" "}
          {canEdit ? (
            <button type="button" class="btn btn--link" onClick={() => onEdit(m)} aria-label={t("structure.stayTitle", { unit: m.name, area: group.area.fullName })}>
              {t("structure.adjust")}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function StructureScreen({ program }: { program: string }) {
  const user = useSession()?.user;
  const canEdit = user?.role === "admin" || (user?.role === "coordinator" && user.programs.includes(program));
  const info = useApi<Program>(`/api/programs/${program}`);
  const groups = useApi<{ items: Group[] }>(`/api/programs/${program}/groups`);
  const participants = useApi<{ items: Participant[] }>(`/api/programs/${program}/participants`);
  const documents = useCached<{ items: ProgramInfo[] }>("/api/programs").data?.items ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (message: string) => () => {
    setEditing(null);
    setNotice(message);
    info.reload();
    groups.reload();
    participants.reload();
  };
  const p = info.data;

  return (
    <>
      <PageHeader title={t("structure.title")} subtitle={p ? `${p.name}（${p.docNumber}）` : undefined}>
        {canEdit ? (
          <>
            <button type="button" class="btn" onClick={() => setEditing({ kind: "program" })} disabled={!p}>
              {t("structure.editProgram")}
            </button>
            <button type="button" class="btn btn--primary" onClick={() => setEditing({ kind: "group" })}>
              {t("structure.newGroup")}
            </button>
          </>
        ) : null}
      </PageHeader>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {info.error ? <ErrorNote error={info.error} onRetry={info.reload} /> : null}
      {p ? (
        <section class="card card--tight" aria-label={t("structure.programCard")}>
          <dl class="facts">
            <dt>{t("structure.term")}</dt>
            <dd data-testid="program-term">{t("structure.termValue", { from: p.startYear, to: p.endYear })}</dd>
            <dt>{t("structure.coordinator")}</dt>
            <dd>{p.coordinator}</dd>
            <dt>{t("structure.document")}</dt>
            <dd>{p.document}</dd>
            <dt>{t("structure.counts")}</dt>
            <dd>{t("structure.countsValue", { groups: p.groupCount, units: p.unitCount })}</dd>
          </dl>
        </section>
      ) : null}
      <section class="card" aria-labelledby="structure-groups">
        <div class="card__head">
          <h2 id="structure-groups">{t("structure.groups")}</h2>
          <span class="card__count">{groups.data?.items.length ?? ""}</span>
        </div>
        {groups.error ? <ErrorNote error={groups.error} onRetry={groups.reload} /> : null}
        {!groups.data && !groups.error ? <Loading /> : null}
        {groups.data ? (
          <DataTable
            rows={groups.data.items}
            rowKey={(g) => g.id}
            caption={t("structure.groups")}
            rowClass={() => "structure-row"}
            columns={[
              { key: "area", header: t("structure.area"), nowrap: true, render: (g) => <a href={href(["areas", g.area.code])}>{g.area.fullName}</a> },
              { key: "basis", header: t("structure.basis"), nowrap: true, render: (g) => label(GROUP_BASIS, g.basis) },
              {
                key: "members",
                header: t("structure.members"),
                render: (g) => (
                  <>
                    <Stays group={g} canEdit={canEdit} onEdit={(stay) => setEditing({ kind: "stay", group: g, stay })} />
                    <Counties group={g} canEdit={canEdit} onEdit={() => setEditing({ kind: "counties", group: g })} />
                  </>
                ),
              },
              { key: "clause", header: t("structure.clause"), render: (g) => <span class="muted">{clauseLabel(g.clause, documents)}</span> },
              ...(canEdit
                ? [
                    {
                      key: "actions",
                      header: t("ledger.actions"),
                      headerHidden: true,
                      nowrap: true,
                      render: (g: Group) => (
                        <>
                          <button type="button" class="btn btn--small" onClick={() => setEditing({ kind: "join", group: g })} aria-label={t("structure.joinTitle", { area: g.area.fullName })}>
                            {t("structure.join")}
                          </button>{" "}
                          <button type="button" class="btn btn--small" onClick={() => setEditing({ kind: "group", group: g })} aria-label={t("structure.editGroup", { area: g.area.fullName })}>
                            {t("common.edit")}
                          </button>
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : null}
      </section>
      {canEdit ? <WebhooksCard base={`/api/programs/${program}/webhooks`} /> : null}
      {participants.data ? <Participants program={program} items={participants.data.items} canEdit={canEdit} onChanged={saved(t("structure.saved"))} /> : null}
      {editing?.kind === "program" && p ? <ProgramDialog program={p} onClose={() => setEditing(null)} onSaved={saved(t("structure.saved"))} /> : null}
      {editing?.kind === "group" ? <GroupDialog program={program} {...(editing.group ? { group: editing.group } : {})} onClose={() => setEditing(null)} onSaved={saved(t("structure.saved"))} /> : null}
      {editing?.kind === "join" ? <JoinDialog program={program} group={editing.group} onClose={() => setEditing(null)} onSaved={saved(t("structure.joined"))} /> : null}
      {editing?.kind === "counties" ? <CountiesDialog program={program} group={editing.group} onClose={() => setEditing(null)} onSaved={saved(t("structure.saved"))} /> : null}
      {editing?.kind === "stay" ? <StayDialog program={program} group={editing.group} stay={editing.stay} onClose={() => setEditing(null)} onSaved={saved(t("structure.saved"))} /> : null}
    </>
  );
}
