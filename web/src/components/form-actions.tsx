/** A dialog form's footer: cancel, and the submit button (disabled, and saying so, while sending). */
import { t } from "../i18n";

export function FormActions({ busy, onClose, submit }: { busy: boolean; onClose(): void; submit?: string }) {
  return (
    <footer class="form__actions">
      <button type="button" class="btn" onClick={onClose}>
        {t("common.cancel")}
      </button>
      <button type="submit" class="btn btn--primary" disabled={busy}>
        {busy ? t("common.saving") : (submit ?? t("common.save"))}
      </button>
    </footer>
  );
}
