/**
 * Joining a group (a unit from a day, as member or as lead) and changing one stay (its role, its first
 * or last day) under If-Match. A unit that left may join again with a later first day. The API checks
 * the term, the order of the days, overlapping stays and one lead at a time, and its reasons show here.
 */
import { useState } from "preact/hooks";
import { send, versionTag } from "../../api/client";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { UnitPicker } from "../../components/unit-picker";
import { useForm, valueOf } from "../../components/use-form";
import { t } from "../../i18n";
import { label, MEMBER_ROLE } from "../../labels";
import type { Group, Stay } from "./types";

const Dates = ({ from, to, onFrom, onTo, errors, withEnd }: { from: string; to: string; onFrom(v: string): void; onTo(v: string): void; errors: Record<string, string>; withEnd: boolean }) => (
  <div class="form__grid">
    <FieldRow id="stay-from" label={t("structure.from")} error={errors.effectiveFrom ?? null} help={t("structure.fromHelp")}>
      <input {...describe("stay-from", errors.effectiveFrom, t("structure.fromHelp"))} type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={from} onInput={(e) => onFrom(valueOf(e))} />
    </FieldRow>
    {withEnd ? (
      <FieldRow id="stay-to" label={t("structure.to")} error={errors.effectiveTo ?? null} help={t("structure.toHelp")}>
        <input {...describe("stay-to", errors.effectiveTo, t("structure.toHelp"))} type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={to} onInput={(e) => onTo(valueOf(e))} />
      </FieldRow>
    ) : null}
  </div>
);

const RoleSelect = ({ value, onChange, error }: { value: string; onChange(v: string): void; error?: string | undefined }) => (
  <FieldRow id="stay-role" label={t("rollup.role")} error={error ?? null}>
    <select {...describe("stay-role", error)} value={value} onChange={(e) => onChange(valueOf(e))}>
      <option value="member">{label(MEMBER_ROLE, "member")}</option>
      <option value="lead">{label(MEMBER_ROLE, "lead")}</option>
    </select>
  </FieldRow>
);

export function JoinDialog({ program, group, onClose, onSaved }: { program: string; group: Group; onClose(): void; onSaved(): void }) {
  const [v, setV] = useState({ unit: "", role: "member", from: new Date().toISOString().slice(0, 10) });
  const form = useForm(["unit", "role", "effectiveFrom"], v);
  const save = form.submit(async () => {
    await send("POST", `/api/programs/${program}/groups/${group.area.code}/members`, { unit: v.unit, role: v.role, effectiveFrom: v.from || null });
    onSaved();
  });
  return (
    <Dialog title={t("structure.joinTitle", { area: group.area.fullName })} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        <UnitPicker id="stay-unit" label={t("structure.unit")} help={t("structure.unitHelp")} value={v.unit} onChange={(unit) => setV((x) => ({ ...x, unit }))} error={form.errors.unit} />
        <RoleSelect value={v.role} onChange={(role) => setV((x) => ({ ...x, role }))} error={form.errors.role} />
        <Dates from={v.from} to="" onFrom={(from) => setV((x) => ({ ...x, from }))} onTo={() => undefined} errors={form.errors} withEnd={false} />
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function StayDialog({ program, group, stay, onClose, onSaved }: { program: string; group: Group; stay: Stay; onClose(): void; onSaved(): void }) {
  const [v, setV] = useState({ role: stay.role as string, from: stay.effectiveFrom ?? "", to: stay.effectiveTo ?? "" });
  const form = useForm(["role", "effectiveFrom", "effectiveTo"], v);
  const save = form.submit(async () => {
    const body = { role: v.role, effectiveFrom: v.from || null, effectiveTo: v.to || null };
    await send("PATCH", `/api/programs/${program}/groups/${group.area.code}/members/${stay.slug}?stay=${stay.id}`, body, { ifMatch: versionTag(stay.version) });
    onSaved();
  });
  return (
    <Dialog title={t("structure.stayTitle", { unit: stay.name, area: group.area.fullName })} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        <p class="muted">{t("structure.stayHelp")}</p>
        <RoleSelect value={v.role} onChange={(role) => setV((x) => ({ ...x, role }))} error={form.errors.role} />
        <Dates from={v.from} to={v.to} onFrom={(from) => setV((x) => ({ ...x, from }))} onTo={(to) => setV((x) => ({ ...x, to }))} errors={form.errors} withEnd />
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}

export { Dates, UnitPicker };
