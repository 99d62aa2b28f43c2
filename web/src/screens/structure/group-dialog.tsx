/**
 * Opening a group for a recipient area (found by name or code; special areas such as 兵团第三师 are
 * registered by an admin first) with the clause that sets it up and how the document has the area
 * helped; or changing a group's clause and basis under If-Match.
 */
import { useState } from "preact/hooks";
import { send, versionTag } from "../../api/client";
import { AreaPicker } from "../../components/area-picker";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { useForm, valueOf } from "../../components/use-form";
import { t } from "../../i18n";
import { GROUP_BASIS, label } from "../../labels";
import type { Group } from "./types";

export function GroupDialog({ program, group, onClose, onSaved }: { program: string; group?: Group; onClose(): void; onSaved(): void }) {
  const [v, setV] = useState({ areaCode: group?.area.code ?? "", clause: group?.clause ?? "", basis: group?.basis ?? "pairing" });
  const form = useForm(["areaCode", "clause", "basis"], v);
  const save = form.submit(async () => {
    if (group) await send("PATCH", `/api/programs/${program}/groups/${group.area.code}`, { clause: v.clause, basis: v.basis }, { ifMatch: versionTag(group.version) });
    else await send("POST", `/api/programs/${program}/groups`, v);
    onSaved();
  });
  return (
    <Dialog title={group ? t("structure.editGroup", { area: group.area.fullName }) : t("structure.newGroup")} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        {group ? null : <AreaPicker id="group-area" label={t("structure.area")} help={t("structure.areaHelp")} value={v.areaCode} error={form.errors.areaCode} onChange={(areaCode) => setV((x) => ({ ...x, areaCode }))} />}
        <FieldRow id="group-clause" label={t("structure.clause")} required error={form.errors.clause ?? null} help={t("structure.clauseHelp")}>
          <input {...describe("group-clause", form.errors.clause, t("structure.clauseHelp"))} type="text" value={v.clause} onInput={(e) => setV((x) => ({ ...x, clause: valueOf(e) }))} />
        </FieldRow>
        <FieldRow id="group-basis" label={t("structure.basis")} error={form.errors.basis ?? null}>
          <select {...describe("group-basis", form.errors.basis)} value={v.basis} onChange={(e) => setV((x) => ({ ...x, basis: valueOf(e) as Group["basis"] }))}>
            {Object.keys(GROUP_BASIS).map((k) => (
              <option key={k} value={k}>
                {label(GROUP_BASIS, k)}
              </option>
            ))}
          </select>
        </FieldRow>
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}
