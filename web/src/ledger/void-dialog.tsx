/** Voiding a record: the reason is required (2–500 characters) and kept with the record. */
import { useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { ApiFailure, send, versionTag } from "../api/client";
import type { LedgerRecord } from "../api/types";
import { Dialog } from "../components/dialog";
import { describe, FieldRow } from "../components/field";
import { t } from "../i18n";

export function VoidDialog({ unit, path, record, name, onDone, onClose }: { unit: string; path: string; record: LedgerRecord; name: string; onDone(): void; onClose(): void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (reason.trim().length < 2) return setError(t("void.reasonTooShort"));
    setBusy(true);
    try {
      await send("POST", `/api/t/${unit}/${path}/${record.id}/void`, { reason: reason.trim() }, { ifMatch: versionTag(record.version) });
      invalidate(`/api/t/${unit}/${path}`);
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? [err.message, ...err.details.map((d) => d.message)].join(" ") : t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t("void.title")} onClose={onClose}>
      <form class="form" onSubmit={submit} noValidate>
        <p class="muted">{t("void.intro", { name })}</p>
        <FieldRow id="void-reason" label={t("void.reason")} required error={error}>
          <textarea {...describe("void-reason", error)} rows={3} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
        </FieldRow>
        <footer class="form__actions">
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" class="btn btn--danger" disabled={busy}>
            {t("void.confirm")}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
