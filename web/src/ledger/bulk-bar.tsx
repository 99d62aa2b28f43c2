/** What can be done to the rows chosen in a ledger list: 作废 (one reason for all), 归入计划, or let them go. */
import { t } from "../i18n";

export function BulkBar({ count, canAssign, onVoid, onAssign, onClear }: { count: number; canAssign: boolean; onVoid(): void; onAssign(): void; onClear(): void }) {
  return (
    <div class="bulk-bar" role="region" aria-label={t("bulk.selected", { n: count })}>
      <span class="bulk-bar__count" aria-live="polite">
        {t("bulk.selected", { n: count })}
      </span>
      <button type="button" class="btn btn--small btn--danger" onClick={onVoid}>
        {t("bulk.void")}
      </button>
      {canAssign ? (
        <button type="button" class="btn btn--small" onClick={onAssign}>
          {t("bulk.program")}
        </button>
      ) : null}
      <button type="button" class="btn btn--small btn--link" onClick={onClear}>
        {t("bulk.clear")}
      </button>
    </div>
  );
}
