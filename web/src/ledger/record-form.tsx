/**
 * Create or edit one ledger record in a dialog. Client-side checks only turn text into values (元 →
 * fen, counts); everything else is the API's to judge, and each of its field errors is shown next to
 * its field. The user's input is kept whatever the answer, and leaving with it unsaved asks first.
 */
import { useMemo, useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { ApiFailure, send, versionTag } from "../api/client";
import type { LedgerRecord } from "../api/types";
import { useRefOptions } from "../api/unit-data";
import { Dialog } from "../components/dialog";
import { todayIso } from "../format/date";
import { pick, t } from "../i18n";
import { INDICATOR_UNIT } from "./indicators.gen";
import { useUnsavedChanges } from "../unsaved";
import { FieldInput, type FieldContext } from "./field-input";
import { mapDetails, toBody, toRaw, type RawValues } from "./form-values";
import { ACTIVITY_FIGURES, ACTIVITY_KIND_FIELDS, type FieldDef, type ResourceView } from "./resources";
import { FormActions } from "../components/form-actions";

/** The fields the form shows for the values typed so far, with the kind-specific ones required. */
export function visibleFields(view: ResourceView, raw: RawValues, personal: boolean): FieldDef[] {
  let fields = view.fields.filter((f) => personal || !f.personal);
  if (view.path === "activities") {
    const kind = ACTIVITY_KIND_FIELDS[String(raw.kind)];
    fields = fields
      .filter((f) => !ACTIVITY_FIGURES.includes(f.key) || (kind?.show.includes(f.key) ?? false))
      .map((f) => (kind?.required.includes(f.key) ? { ...f, required: true } : f));
  }
  return moneyTargets(fields, raw.indicator);
}

/** A target of a money indicator is typed in 元 like any amount. */
function moneyTargets(fields: FieldDef[], indicator: unknown): FieldDef[] {
  return INDICATOR_UNIT[String(indicator)] === "fen" ? fields.map((f) => (f.key === "target" ? { ...f, kind: "money" as const } : f)) : fields;
}

function defaultsFor(view: ResourceView, ctx: FieldContext): RawValues {
  const defaults: RawValues = {};
  const programs = ctx.tenant?.programs ?? [];
  if (programs.length === 1 && view.fields.some((f) => f.key === "program")) defaults.program = programs[0]!.slug;
  for (const f of view.fields) if (f.kind === "date" && f.required) defaults[f.key] = todayIso();
  if (view.path === "targets") defaults.year = String(new Date().getFullYear());
  return defaults;
}

interface FormProps {
  view: ResourceView;
  ctx: FieldContext;
  record: LedgerRecord | null;
  onSaved(r: LedgerRecord): void;
  onClose(): void;
}

/** The form in a dialog, as the ledger lists open it. */
export function RecordForm(props: FormProps) {
  const { view, record, onClose } = props;
  const title = record ? t("form.editTitle", { what: pick(view.label) }) : t("form.createTitle", { what: pick(view.label) });
  return (
    <Dialog title={title} onClose={onClose} wide>
      <RecordFormBody {...props} />
    </Dialog>
  );
}

/**
 * The form itself, also used on a page of its own (the quick activity on a phone): `preset` values are
 * the record's from the start and `omit` fields are not asked (still sent when preset).
 */
export function RecordFormBody({ view, ctx, record, onSaved, onClose, preset = {}, omit = [], saveLabel }: FormProps & { preset?: RawValues; omit?: readonly string[]; saveLabel?: string }) {
  const personal = ctx.tenant?.access.personal ?? true;
  const original = useMemo(() => (record ? toRaw(moneyTargets(view.fields, record.indicator), record) : null), [record, view]);
  const [raw, setRaw] = useState<RawValues>(() => original ?? toRaw(view.fields, null, { ...defaultsFor(view, ctx), ...preset }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const markSaved = useUnsavedChanges(raw);
  const projects = useRefOptions(ctx.unit, view.path === "funds" ? "projects" : undefined);
  // Every field the record carries is sent; the omitted ones are not shown (their preset values go as they are).
  const fields = visibleFields(view, raw, personal);
  const asked = fields.filter((f) => !omit.includes(f.key));
  const idPrefix = `f-${view.path}`;

  const change = (key: string, value: string | boolean) => {
    setRaw((r) => {
      const next = { ...r, [key]: value };
      // A fund for a project goes to the project's area and program unless given.
      if (view.path === "funds" && key === "projectId" && value) {
        const p = projects.data?.items.find((x) => x.id === value);
        if (p && !next.areaCode) next.areaCode = String(p.areaCode ?? "");
        if (p && !next.program && p.program) next.program = String(p.program);
      }
      return next;
    });
    setErrors((e) => ({ ...e, [key]: "" }));
  };

  const focusFirst = (bad: Record<string, string>) => {
    const first = asked.find((f) => bad[f.key]);
    if (first) setTimeout(() => document.getElementById(`${idPrefix}-${first.key}`)?.focus(), 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const shownKeys = fields.map((f) => f.key);
    const values = { ...raw };
    // Figures of another activity kind are not this record's: cleared on save. One at its default (0) is
    // already clear, and is not sent: the PATCH holds only what the form shows or changes.
    const { body, errors: bad } = toBody(fields, values, original);
    if (original && view.path === "activities") for (const k of ACTIVITY_FIGURES) if (!shownKeys.includes(k) && original[k] !== "" && Number(original[k]) !== 0) body[k] = null;
    setGeneral([]);
    if (Object.values(bad).some(Boolean)) {
      setErrors(bad);
      focusFirst(bad);
      return;
    }
    if (original && Object.keys(body).length === 0) return onClose();
    setSaving(true);
    try {
      const base = `/api/t/${ctx.unit}/${view.path}`;
      const { data } = record ? await send<LedgerRecord>("PATCH", `${base}/${record.id}`, body, { ifMatch: versionTag(record.version) }) : await send<LedgerRecord>("POST", base, body);
      invalidate(`/api/t/${ctx.unit}/${view.path}`);
      markSaved();
      onSaved(data);
    } catch (error) {
      if (error instanceof ApiFailure) {
        // A problem with a field not asked here (a preset) is said above the form.
        const { byField, general: rest } = mapDetails(error.details, asked.map((f) => f.key));
        setErrors(byField);
        setGeneral([error.message, ...rest]);
        if (Object.keys(byField).length) focusFirst(byField);
      } else setGeneral([t("common.networkError")]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} noValidate aria-describedby={general.length ? "form-general" : undefined}>
      {general.length ? (
        <div id="form-general" class="notice notice--error" role="alert">
          {general.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      ) : null}
      <div class="form__grid">
        {asked.map((f) => (
          <FieldInput key={f.key} field={f} value={raw[f.key] ?? ""} error={errors[f.key] || undefined} required={f.required} idPrefix={idPrefix} ctx={ctx} onChange={(v) => change(f.key, v)} />
        ))}
      </div>
      <FormActions busy={saving} onClose={onClose} submit={saveLabel ?? t("common.save")} />
    </form>
  );
}
