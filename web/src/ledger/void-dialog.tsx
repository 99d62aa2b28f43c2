/**
 * Voiding records: the reason is required (2–500 characters) and kept with each record. One record
 * goes to its own route with If-Match; several to the bulk route with each version read, all or none.
 */
import { useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { ApiFailure, send, versionTag } from "../api/client";
import type { LedgerRecord } from "../api/types";
import { Dialog } from "../components/dialog";
import { describe, FieldRow } from "../components/field";
import { t } from "../i18n";
import { useUnsavedChanges } from "../unsaved";

/** The message of a failed write, with every row or field it names. */
export function failureText(err: unknown): string {
  return err instanceof ApiFailure ? [err.message, ...err.details.map((d) => d.message)].join(" ") : t("common.networkError");
}

/** The body of a bulk action: each chosen record with the version it was read at. */
export function bulkItems(records: LedgerRecord[]): { id: string; version: number }[] {
  return records.map((r) => ({ id: r.id, version: r.version }));
}

export function VoidDialog({ unit, path, records, name, onDone, onClose }: { unit: string; path: string; records: LedgerRecord[]; name: string; onDone(): void; onClose(): void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const one = records.length === 1 ? records[0] : undefined;
  const markSaved = useUnsavedChanges({ reason });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (reason.trim().length < 2) return setError(t("void.reasonTooShort"));
    setBusy(true);
    try {
      if (one) await send("POST", `/api/t/${unit}/${path}/${one.id}/void`, { reason: reason.trim() }, { ifMatch: versionTag(one.version) });
      else await send("POST", `/api/t/${unit}/${path}/bulk/void`, { items: bulkItems(records), reason: reason.trim() });
      markSaved();
      invalidate(`/api/t/${unit}/${path}`);
      onDone();
    } catch (err) {
      setError(failureText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={one ? t("void.title") : t("bulk.voidTitle")} onClose={onClose}>
      <form class="form" onSubmit={submit} noValidate>
        <p class="muted">{one ? t("void.intro", { name }) : t("bulk.voidIntro", { n: records.length })}</p>
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
