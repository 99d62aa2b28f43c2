/**
 * Creating a unit: slug (names its database), name and kind, and optionally the group it joins (a
 * program's recipient area, as member or lead) — so rules, the rollup and reports reach it at once.
 * The API's field errors are shown per field.
 */
import { useState } from "preact/hooks";
import { send } from "../../api/client";
import { useApi } from "../../api/use-api";
import type { UnitRow } from "../../api/types";
import { Dialog } from "../../components/dialog";
import { ProgramOptions } from "../../components/program-options";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { t } from "../../i18n";
import { label, MEMBER_ROLE, UNIT_KIND } from "../../labels";
import { useForm } from "../../components/use-form";

export function CreateUnitDialog({ onClose, onCreated }: { onClose(): void; onCreated(u: UnitRow): void }) {
  const [v, setV] = useState({ slug: "", name: "", kind: "city" });
  const [place, setPlace] = useState({ program: "", areaCode: "", role: "member" });
  const groups = useApi<{ items: { id: string; area: { code: string; fullName: string }; lead: { name: string } | null }[] }>(place.program ? `/api/programs/${place.program}/groups` : null);
  const form = useForm(["slug", "name", "kind", "groups"], { v, place });
  const { errors, general } = form;
  const set = (k: keyof typeof v) => (e: Event) => setV((x) => ({ ...x, [k]: (e.currentTarget as HTMLInputElement).value }));

  const submit = form.submit(async () => {
    const body = { ...v, groups: place.program && place.areaCode ? [{ program: place.program, areaCode: place.areaCode, role: place.role }] : [] };
    const { data } = await send<UnitRow>("POST", "/api/units", body);
    onCreated(data);
  });

  return (
    <Dialog title={t("admin.createUnit")} onClose={onClose}>
      <form class="form" onSubmit={submit} noValidate>
        {general ? <Notice tone="error">{general}</Notice> : null}
        <FieldRow id="unit-slug" label={t("admin.slug")} required error={errors.slug ?? null} help={t("admin.slugHelp")}>
          <input {...describe("unit-slug", errors.slug, t("admin.slugHelp"))} type="text" value={v.slug} onInput={set("slug")} autoComplete="off" />
        </FieldRow>
        <FieldRow id="unit-name" label={t("admin.name")} required error={errors.name ?? null}>
          <input {...describe("unit-name", errors.name)} type="text" value={v.name} onInput={set("name")} autoComplete="off" />
        </FieldRow>
        <FieldRow id="unit-kind" label={t("admin.kind")} required error={errors.kind ?? null}>
          <select {...describe("unit-kind", errors.kind)} value={v.kind} onChange={set("kind")}>
            {Object.keys(UNIT_KIND).map((k) => (
              <option key={k} value={k}>
                {label(UNIT_KIND, k)}
              </option>
            ))}
          </select>
        </FieldRow>
        <fieldset class="form__group">
          <legend>{t("admin.placeLegend")}</legend>
          <FieldRow id="unit-program" label={t("admin.placeProgram")} error={null} help={t("admin.placeHelp")}>
            <select {...describe("unit-program", undefined, t("admin.placeHelp"))} value={place.program} onChange={(e) => setPlace({ program: (e.currentTarget as HTMLSelectElement).value, areaCode: "", role: "member" })}>
              <option value="">{t("admin.placeNone")}</option>
              <ProgramOptions />
            </select>
          </FieldRow>
          {place.program ? (
            <>
              <FieldRow id="unit-group" label={t("admin.placeGroup")} error={errors.groups ?? null}>
                <select {...describe("unit-group", errors.groups)} value={place.areaCode} onChange={(e) => setPlace((x) => ({ ...x, areaCode: (e.currentTarget as HTMLSelectElement).value }))}>
                  <option value="">{t("admin.placeChoose")}</option>
                  {(groups.data?.items ?? []).map((g) => (
                    <option key={g.id} value={g.area.code}>
                      {g.area.fullName}
                      {g.lead ? `（${t("rollup.lead")}：${g.lead.name}）` : ""}
                    </option>
                  ))}
                </select>
              </FieldRow>
              <FieldRow id="unit-role" label={t("rollup.role")} error={null}>
                <select id="unit-role" value={place.role} onChange={(e) => setPlace((x) => ({ ...x, role: (e.currentTarget as HTMLSelectElement).value }))}>
                  <option value="member">{label(MEMBER_ROLE, "member")}</option>
                  <option value="lead">{label(MEMBER_ROLE, "lead")}</option>
                </select>
              </FieldRow>
            </>
          ) : null}
        </fieldset>
        <FormActions busy={form.busy} onClose={onClose} submit={t("admin.create")} />
      </form>
    </Dialog>
  );
}
