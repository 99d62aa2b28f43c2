/** 退回修改: a coordinator of the submission's program sends it back with a reason. */
import { useState } from "preact/hooks";
import { ApiFailure, send, versionTag } from "../../api/client";
import type { Submission } from "../../api/types";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { t } from "../../i18n";
import { useUnsavedChanges } from "../../unsaved";

export function ReopenButton({ unit, record, onDone }: { unit: string; record: Submission; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const markSaved = useUnsavedChanges({ reason: open ? reason : "" });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (reason.trim().length < 2) return setError(t("void.reasonTooShort"));
    try {
      await send("POST", `/api/t/${unit}/submissions/${record.id}/reopen`, { reason: reason.trim() }, { ifMatch: versionTag(record.version) });
      markSaved();
      setOpen(false);
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : t("common.networkError"));
    }
  };
  return (
    <div class="submission__reopen">
      <button type="button" class="btn btn--danger-outline" onClick={() => setOpen(true)}>
        {t("sub.reopen")}
      </button>
      {open ? (
        <Dialog title={t("sub.reopen")} onClose={() => setOpen(false)}>
          <form class="form" onSubmit={submit} noValidate>
            <FieldRow id="reopen-reason" label={t("sub.reopenReason")} required error={error}>
              <textarea {...describe("reopen-reason", error)} rows={3} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
            </FieldRow>
            <footer class="form__actions">
              <button type="button" class="btn" onClick={() => setOpen(false)}>
                {t("common.cancel")}
              </button>
              <button type="submit" class="btn btn--danger">
                {t("sub.reopenConfirm")}
              </button>
            </footer>
          </form>
        </Dialog>
      ) : null}
    </div>
  );
}
