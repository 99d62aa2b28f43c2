/** Creating a unit: slug (names its database), name and kind; the API's field errors shown per field. */
import { useState } from "preact/hooks";
import { ApiFailure, send } from "../../api/client";
import type { UnitRow } from "../../api/types";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { t } from "../../i18n";
import { label, UNIT_KIND } from "../../labels";
import { mapDetails } from "../../ledger/form-values";

export function CreateUnitDialog({ onClose, onCreated }: { onClose(): void; onCreated(u: UnitRow): void }) {
  const [v, setV] = useState({ slug: "", name: "", kind: "city" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (e: Event) => setV((x) => ({ ...x, [k]: (e.currentTarget as HTMLInputElement).value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const { data } = await send<UnitRow>("POST", "/api/units", v);
      onCreated(data);
    } catch (err) {
      if (err instanceof ApiFailure) {
        const { byField } = mapDetails(err.details, ["slug", "name", "kind"]);
        setErrors(byField);
        setGeneral(err.message);
      } else setGeneral(t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };

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
        <footer class="form__actions">
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" class="btn btn--primary" disabled={busy}>
            {t("admin.create")}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
