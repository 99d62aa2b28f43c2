/** The unit's last ten changes from its audit trail: when, who, what. */
import { useApi } from "../../api/use-api";
import type { AuditEntry } from "../../api/types";
import { ErrorNote } from "../../components/feedback";
import { dateTime } from "../../format/date";
import { t } from "../../i18n";
import { AUDIT_ACTION, ENTITY, label } from "../../labels";

function what(entry: AuditEntry & { after?: Record<string, unknown> | null }): string {
  const a = entry.after;
  const name = a ? (a.title ?? a.counterpart ?? a.name ?? a.post ?? (a.quarter ? t("common.quarterN", { quarter: Number(a.quarter) }) : null)) : null;
  return name ? `「${String(name)}」` : "";
}

export function RecentActivity({ unit }: { unit: string }) {
  const audit = useApi<{ items: (AuditEntry & { after?: Record<string, unknown> | null })[] }>(`/api/t/${unit}/audit`, { limit: 10 });
  if (audit.error) return <ErrorNote error={audit.error} />;
  const items = audit.data?.items ?? [];
  return (
    <ol class="timeline">
      {items.map((e) => (
        <li key={e.id} class="timeline__item">
          <time class="timeline__time" dateTime={e.at}>
            {dateTime(e.at)}
          </time>
          <span class="timeline__text">
            <span class="timeline__actor">{e.actor.startsWith("system:") ? t("audit.system") : e.actor}</span> {label(AUDIT_ACTION, e.action)}
            {t("audit.of")}
            {label(ENTITY, e.entity)}
            {what(e)}
          </span>
        </li>
      ))}
      {audit.data && !items.length ? <li class="muted">{t("audit.none")}</li> : null}
    </ol>
  );
}
