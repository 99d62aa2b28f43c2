/**
 * Units taking part without a pairing (the Gannan document's 牵头部门): listed with their days, joined
 * from a day and ended on a day like a membership.
 */
import { useState } from "preact/hooks";
import { send, versionTag } from "../../api/client";
import { DataTable } from "../../components/data-table";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { Empty, Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { useForm, valueOf } from "../../components/use-form";
import { t } from "../../i18n";
import { Dates, UnitPicker } from "./member-dialogs";
import type { Participant } from "./types";

export const days = (from: string | null, to: string | null) => (from || to ? `${from ?? t("structure.sinceStart")} — ${to ?? t("structure.still")}` : t("areaPage.always"));

function ParticipantDialog({ program, participant, onClose, onSaved }: { program: string; participant?: Participant; onClose(): void; onSaved(): void }) {
  const [v, setV] = useState({ unit: "", clause: participant?.clause ?? "", from: participant?.effectiveFrom ?? "", to: participant?.effectiveTo ?? "" });
  const form = useForm(["unit", "clause", "effectiveFrom", "effectiveTo"], v);
  const save = form.submit(async () => {
    if (participant) await send("PATCH", `/api/programs/${program}/participants/${participant.id}`, { clause: v.clause, effectiveFrom: v.from || null, effectiveTo: v.to || null }, { ifMatch: versionTag(participant.version) });
    else await send("POST", `/api/programs/${program}/participants`, { unit: v.unit, clause: v.clause, effectiveFrom: v.from || null });
    onSaved();
  });
  return (
    <Dialog title={participant ? t("structure.participantTitle", { unit: participant.name }) : t("structure.addParticipant")} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        {participant ? null : <UnitPicker id="participant-unit" label={t("structure.unit")} help={t("structure.unitHelp")} value={v.unit} onChange={(unit) => setV((x) => ({ ...x, unit }))} error={form.errors.unit} />}
        <FieldRow id="participant-clause" label={t("structure.clause")} required error={form.errors.clause ?? null} help={t("structure.clauseHelp")}>
          <input {...describe("participant-clause", form.errors.clause, t("structure.clauseHelp"))} type="text" value={v.clause} onInput={(e) => setV((x) => ({ ...x, clause: valueOf(e) }))} />
        </FieldRow>
        <Dates from={v.from} to={v.to} onFrom={(from) => setV((x) => ({ ...x, from }))} onTo={(to) => setV((x) => ({ ...x, to }))} errors={form.errors} withEnd={Boolean(participant)} />
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function Participants({ program, items, canEdit, onChanged }: { program: string; items: Participant[]; canEdit: boolean; onChanged(): void }) {
  const [editing, setEditing] = useState<Participant | "new" | null>(null);
  return (
    <section class="card" aria-labelledby="participants-title">
      <div class="card__head">
        <h2 id="participants-title">{t("structure.participants")}</h2>
        {canEdit ? (
          <button type="button" class="btn btn--small" onClick={() => setEditing("new")}>
            {t("structure.addParticipant")}
          </button>
        ) : null}
      </div>
      <p class="muted">{t("structure.participantsHelp")}</p>
      {items.length === 0 ? (
        <Empty title={t("structure.noParticipants")} />
      ) : (
        <DataTable
          rows={items}
          rowKey={(p) => String(p.id)}
          caption={t("structure.participants")}
          columns={[
            { key: "unit", header: t("structure.unit"), nowrap: true, render: (p) => p.name },
            { key: "days", header: t("structure.days"), nowrap: true, render: (p) => days(p.effectiveFrom, p.effectiveTo) },
            { key: "clause", header: t("structure.clause"), render: (p) => p.clause },
            ...(canEdit ? [{ key: "edit", header: t("ledger.actions"), headerHidden: true, render: (p: Participant) => <button type="button" class="btn btn--small" onClick={() => setEditing(p)} aria-label={t("structure.participantTitle", { unit: p.name })}>{t("common.edit")}</button> }] : []),
          ]}
        />
      )}
      {editing ? (
        <ParticipantDialog
          program={program}
          {...(editing === "new" ? {} : { participant: editing })}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
