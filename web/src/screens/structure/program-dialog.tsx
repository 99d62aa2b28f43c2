/**
 * A program's own fields, created (admin: with the rule set it starts with — none, or a copy of
 * another program's) or changed (admin or its coordinator, under If-Match). The API refuses a term
 * that would leave a membership outside it, and says which.
 */
import { useState } from "preact/hooks";
import { send, versionTag } from "../../api/client";
import { Dialog } from "../../components/dialog";
import { ProgramOptions } from "../../components/program-options";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { useForm, valueOf } from "../../components/use-form";
import { t } from "../../i18n";
import type { Program } from "./types";

const FIELDS = ["slug", "name", "nameEn", "document", "docNumber", "startYear", "endYear", "coordinator", "cadreTermMonths", "rulesFrom"];

export function ProgramDialog({ program, onClose, onSaved }: { program?: Program; onClose(): void; onSaved(p: Program): void }) {
  const year = new Date().getFullYear();
  const [v, setV] = useState({
    slug: "",
    name: program?.name ?? "",
    nameEn: program?.nameEn ?? "",
    document: program?.document ?? "",
    docNumber: program?.docNumber ?? "",
    startYear: String(program?.startYear ?? year),
    endYear: String(program?.endYear ?? year + 2),
    coordinator: program?.coordinator ?? "",
    cadreTermMonths: program?.cadreTermMonths ? String(program.cadreTermMonths) : "",
    rulesFrom: "",
  });
  const form = useForm(FIELDS, v);
  const set = (k: keyof typeof v) => (e: Event) => setV((x) => ({ ...x, [k]: valueOf(e) }));
  const fields = () => ({
    name: v.name,
    nameEn: v.nameEn,
    document: v.document,
    docNumber: v.docNumber,
    startYear: Number(v.startYear),
    endYear: Number(v.endYear),
    coordinator: v.coordinator,
    cadreTermMonths: v.cadreTermMonths ? Number(v.cadreTermMonths) : null,
  });
  const save = form.submit(async () => {
    const { data } = program
      ? await send<Program>("PATCH", `/api/programs/${program.slug}`, fields(), { ifMatch: versionTag(program.version) })
      : await send<Program>("POST", "/api/programs", { slug: v.slug, ...fields(), rulesFrom: v.rulesFrom || null });
    onSaved(data);
  });
  const text = (k: keyof typeof v, labelKey: Parameters<typeof t>[0], required = true, help?: string) => (
    <FieldRow id={`program-${k}`} label={t(labelKey)} required={required} error={form.errors[k] ?? null} help={help ?? null}>
      <input {...describe(`program-${k}`, form.errors[k], help)} type="text" value={v[k]} onInput={set(k)} autoComplete="off" />
    </FieldRow>
  );
  return (
    <Dialog title={program ? t("structure.editProgram") : t("structure.newProgram")} onClose={onClose} wide>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        {program ? null : text("slug", "structure.programSlug", true, t("admin.slugHelp"))}
        {text("name", "structure.programName")}
        {text("docNumber", "structure.docNumber")}
        {text("document", "structure.document")}
        <div class="form__grid">
          <FieldRow id="program-startYear" label={t("structure.startYear")} required error={form.errors.startYear ?? null}>
            <input {...describe("program-startYear", form.errors.startYear)} type="number" min={2000} max={2100} value={v.startYear} onInput={set("startYear")} />
          </FieldRow>
          <FieldRow id="program-endYear" label={t("structure.endYear")} required error={form.errors.endYear ?? null}>
            <input {...describe("program-endYear", form.errors.endYear)} type="number" min={2000} max={2100} value={v.endYear} onInput={set("endYear")} />
          </FieldRow>
        </div>
        {text("coordinator", "structure.coordinator")}
        <FieldRow id="program-cadreTermMonths" label={t("structure.cadreTerm")} error={form.errors.cadreTermMonths ?? null} help={t("structure.cadreTermHelp")}>
          <input {...describe("program-cadreTermMonths", form.errors.cadreTermMonths, t("structure.cadreTermHelp"))} type="number" min={1} max={120} value={v.cadreTermMonths} onInput={set("cadreTermMonths")} />
        </FieldRow>
        {text("nameEn", "structure.nameEn", false)}
        {program ? null : (
          <FieldRow id="program-rulesFrom" label={t("structure.rulesFrom")} error={form.errors.rulesFrom ?? null} help={t("structure.rulesFromHelp")}>
            <select {...describe("program-rulesFrom", form.errors.rulesFrom, t("structure.rulesFromHelp"))} value={v.rulesFrom} onChange={set("rulesFrom")}>
              <option value="">{t("structure.rulesNone")}</option>
              <ProgramOptions />
            </select>
          </FieldRow>
        )}
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}
