/**
 * 记一笔: a cadre on site records one piece of work from a phone — choose the kind with one tap, then
 * only what that kind carries (the server's figures for it, the date already today), save, and add a
 * photo or the signed document to it. The same form and checks as the ledger's; just fewer steps.
 */
import { useState } from "preact/hooks";
import type { LedgerRecord } from "../../api/types";
import { useTenant, useUnitAreas } from "../../api/unit-data";
import { Attachments } from "../../components/attachments";
import { ErrorNote, Loading, Notice } from "../../components/feedback";
import { pick, t } from "../../i18n";
import { ACTIVITY_KIND } from "../../labels";
import { RecordFormBody } from "../../ledger/record-form";
import { ACTIVITIES } from "../../ledger/resources";
import { href } from "../../router";
import { PageHeader } from "../../shell/page-header";

/** Asked in the ledger, not on site: which pairing or sub-unit it belongs to can be added there later. */
const LATER = ["kind", "pairingId", "subUnitId"];

export function QuickActivityScreen({ unit }: { unit: string }) {
  const tenant = useTenant(unit);
  const areas = useUnitAreas(tenant.data);
  const [kind, setKind] = useState<string | null>(null);
  const [saved, setSaved] = useState<LedgerRecord | null>(null);
  // A new form for each record (its typed values and unsaved guard start afresh).
  const [round, setRound] = useState(0);
  const again = () => {
    setSaved(null);
    setKind(null);
    setRound((n) => n + 1);
  };

  if (tenant.error) return <ErrorNote error={tenant.error} />;
  if (!tenant.data) return <Loading />;
  if (!tenant.data.access.write) return <Notice tone="warn">{t("quick.readOnly")}</Notice>;
  return (
    <div class="quick">
      <PageHeader title={t("quick.title")} subtitle={tenant.data.name} />
      {saved ? (
        <section class="card quick__done" aria-labelledby="quick-done">
          <h2 id="quick-done" class="card__title">
            {t("quick.saved", { title: String(saved.title), date: String(saved.date) })}
          </h2>
          <p class="muted">{t("quick.addFiles")}</p>
          <Attachments record={`/api/t/${unit}/activities/${saved.id}`} fileOf={(id) => `/api/t/${unit}/attachments/${id}`} canUpload />
          <div class="form__actions">
            <a class="btn" href={href(["u", unit, "ledger", "activities"], { record: saved.id })}>
              {t("quick.inLedger")}
            </a>
            <button type="button" class="btn btn--primary" onClick={again}>
              {t("quick.again")}
            </button>
          </div>
        </section>
      ) : !kind ? (
        <section aria-labelledby="quick-kinds">
          <h2 id="quick-kinds" class="quick__step">
            {t("quick.chooseKind")}
          </h2>
          <div class="quick__kinds">
            {Object.entries(ACTIVITY_KIND).map(([value, label]) => (
              <button key={value} type="button" class="btn quick__kind" data-kind={value} onClick={() => setKind(value)}>
                {pick(label)}
              </button>
            ))}
          </div>
        </section>
      ) : (
        <section aria-labelledby="quick-form">
          <h2 id="quick-form" class="quick__step">
            {pick(ACTIVITY_KIND[kind] ?? [kind, kind])}
            <button type="button" class="btn btn--link btn--small" onClick={() => setKind(null)}>
              {t("quick.otherKind")}
            </button>
          </h2>
          <RecordFormBody
            key={`${round}-${kind}`}
            view={ACTIVITIES}
            ctx={{ unit, tenant: tenant.data, areas }}
            record={null}
            preset={{ kind }}
            omit={LATER}
            saveLabel={t("quick.save")}
            onSaved={setSaved}
            onClose={() => setKind(null)}
          />
        </section>
      )}
    </div>
  );
}
