/**
 * Registering a prefecture's counties: the 2016 document funds each of "52个贫困县…共53个县" in its seven
 * prefectures without naming them, so the coordinator ticks the prefecture's counties that are meant, and each
 * is judged from then on. The whole list is saved at once under the group's If-Match.
 */
import { useState } from "preact/hooks";
import { send, versionTag } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Dialog } from "../../components/dialog";
import { Loading, Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { useForm } from "../../components/use-form";
import { t } from "../../i18n";
import type { Group } from "./types";

export function CountiesDialog({ program, group, onClose, onSaved }: { program: string; group: Group; onClose(): void; onSaved(): void }) {
  const [chosen, setChosen] = useState(() => new Set(group.counties.map((c) => c.code)));
  const counties = useApi<{ items: { code: string; name: string }[] }>("/api/areas", { parent: group.area.code, level: 3, limit: 500 });
  const form = useForm(["counties"], [...chosen].sort());
  const save = form.submit(async () => {
    await send("PUT", `/api/programs/${program}/groups/${group.area.code}/counties`, { counties: [...chosen] }, { ifMatch: versionTag(group.version) });
    onSaved();
  });
  const toggle = (code: string, on: boolean) => setChosen((s) => new Set(on ? [...s, code] : [...s].filter((c) => c !== code)));
  return (
    <Dialog title={t("structure.countiesTitle", { area: group.area.fullName })} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        <p class="muted">{t("structure.countiesHelp")}</p>
        {!counties.data ? <Loading /> : null}
        <fieldset class="checks" aria-label={t("structure.counties")}>
          {(counties.data?.items ?? []).map((c) => (
            <label key={c.code} class="checks__item">
              <input type="checkbox" name="county" value={c.code} checked={chosen.has(c.code)} onChange={(e) => toggle(c.code, (e.currentTarget as HTMLInputElement).checked)} /> {c.name}
            </label>
          ))}
        </fieldset>
        <p aria-live="polite">{t("structure.countiesChosen", { count: chosen.size })}</p>
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}
