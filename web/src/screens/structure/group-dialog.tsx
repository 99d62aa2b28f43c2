/**
 * Opening a group for a recipient area (found by name or code; special areas such as 兵团第三师 are
 * registered by an admin first) with the clause that sets it up and how the document has the area
 * helped; or changing a group's clause and basis under If-Match.
 */
import { useState } from "preact/hooks";
import { send, versionTag } from "../../api/client";
import { useApi } from "../../api/use-api";
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
  const [q, setQ] = useState("");
  const found = useApi<{ items: { code: string; name: string; level: number }[] }>(!group && q.trim() ? "/api/areas" : null, { q: q.trim(), limit: 30 });
  const form = useForm(["areaCode", "clause", "basis"]);
  const save = form.submit(async () => {
    if (group) await send("PATCH", `/api/programs/${program}/groups/${group.area.code}`, { clause: v.clause, basis: v.basis }, { ifMatch: versionTag(group.version) });
    else await send("POST", `/api/programs/${program}/groups`, v);
    onSaved();
  });
  return (
    <Dialog title={group ? t("structure.editGroup", { area: group.area.fullName }) : t("structure.newGroup")} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        {group ? null : (
          <FieldRow id="group-area" label={t("structure.area")} required error={form.errors.areaCode ?? null} help={t("structure.areaHelp")}>
            <input {...describe("group-area-q", form.errors.areaCode, t("structure.areaHelp"))} type="search" value={q} onInput={(e) => setQ(valueOf(e))} aria-label={t("structure.areaSearch")} placeholder={t("structure.areaPlaceholder")} />
            <select {...describe("group-area", form.errors.areaCode)} value={v.areaCode} onChange={(e) => setV((x) => ({ ...x, areaCode: valueOf(e) }))} size={Math.min(6, Math.max(2, found.data?.items.length ?? 0))}>
              {(found.data?.items ?? []).map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}（{a.code}）
                </option>
              ))}
            </select>
          </FieldRow>
        )}
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
