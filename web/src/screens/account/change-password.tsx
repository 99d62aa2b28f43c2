/**
 * Changing one's own password (POST /api/me/password): the current one, the new one twice. The API
 * judges the new one (length, guessability) and its reasons are shown next to the field; on success
 * the API re-issues this browser's session cookie and every other session of the user ends.
 */
import { useState } from "preact/hooks";
import { ApiFailure, send } from "../../api/client";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { t } from "../../i18n";
import { mapDetails } from "../../ledger/form-values";
import { FormActions } from "../../components/form-actions";
import { useUnsavedChanges } from "../../unsaved";

const FIELDS = ["currentPassword", "newPassword"];

export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const [v, setV] = useState({ currentPassword: "", newPassword: "", repeat: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const markSaved = useUnsavedChanges(v);
  const set = (k: keyof typeof v, value: string) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors((e) => ({ ...e, [k]: "" }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (v.newPassword !== v.repeat) return setErrors({ repeat: t("account.mismatch") });
    setBusy(true);
    setGeneral([]);
    try {
      await send("POST", "/api/me/password", { currentPassword: v.currentPassword, newPassword: v.newPassword });
      markSaved();
      setDone(true);
    } catch (err) {
      if (!(err instanceof ApiFailure)) setGeneral([t("common.networkError")]);
      else {
        const { byField, general: lines } = mapDetails(err.details, FIELDS);
        setErrors(byField);
        setGeneral(Object.keys(byField).length ? lines : [err.message, ...lines]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("account.changePassword")} onClose={onClose}>
      {done ? (
        <div>
          <p class="notice notice--success" role="status">
            {t("account.changed")}
          </p>
          <footer class="form__actions">
            <button type="button" class="btn btn--primary" onClick={onClose}>
              {t("common.close")}
            </button>
          </footer>
        </div>
      ) : (
        <form class="form" onSubmit={submit} noValidate>
          {general.length ? (
            <div class="notice notice--error" role="alert">
              {general.map((m, i) => (
                <p key={i}>{m}</p>
              ))}
            </div>
          ) : null}
          <FieldRow id="pw-current" label={t("account.current")} error={errors.currentPassword || undefined}>
            <input {...describe("pw-current", errors.currentPassword)} type="password" autoComplete="current-password" value={v.currentPassword} onInput={(e) => set("currentPassword", (e.currentTarget as HTMLInputElement).value)} />
          </FieldRow>
          <FieldRow id="pw-new" label={t("account.new")} help={t("account.hint")} error={errors.newPassword || undefined}>
            <input {...describe("pw-new", errors.newPassword, t("account.hint"))} type="password" autoComplete="new-password" value={v.newPassword} onInput={(e) => set("newPassword", (e.currentTarget as HTMLInputElement).value)} />
          </FieldRow>
          <FieldRow id="pw-repeat" label={t("account.repeat")} error={errors.repeat || undefined}>
            <input {...describe("pw-repeat", errors.repeat)} type="password" autoComplete="new-password" value={v.repeat} onInput={(e) => set("repeat", (e.currentTarget as HTMLInputElement).value)} />
          </FieldRow>
          <FormActions busy={busy} onClose={onClose} submit={t("account.submit")} />
        </form>
      )}
    </Dialog>
  );
}
