/**
 * One ledger record opened by link (`#/u/{unit}/ledger/{resource}?record={id}`, from a search hit or a rule's
 * 核查依据): every field it shows its reader, whether it is voided and why, and — for the unit's own
 * writers — the way on to edit it.
 */
import { Fragment } from "preact";
import { ApiFailure } from "../api/client";
import { useApi } from "../api/use-api";
import type { LedgerRecord } from "../api/types";
import { useAreaNames } from "../api/unit-data";
import { Tag } from "../components/badge";
import { Dialog } from "../components/dialog";
import { ErrorNote, Loading, Notice } from "../components/feedback";
import { pick, t } from "../i18n";
import { cellText } from "./cells";
import type { ResourceView } from "./resources";

export function RecordView({ view, base, id, personal, canWrite, refNames, programNames, nameOf, onEdit, onClose }: {
  view: ResourceView;
  base: string;
  id: string;
  personal: boolean;
  canWrite: boolean;
  refNames: Map<string, string>;
  programNames: Map<string, string>;
  nameOf(r: LedgerRecord): string;
  onEdit(r: LedgerRecord): void;
  onClose(): void;
}) {
  const record = useApi<LedgerRecord>(`${base}/${id}`);
  const r = record.data;
  useAreaNames(r ? [r.areaCode, r.hostAreaCode] : []);
  const missing = record.error instanceof ApiFailure && record.error.status === 404;
  return (
    <Dialog title={r ? `${t("ledger.record")}：${nameOf(r)}` : t("ledger.record")} onClose={onClose}>
      {record.loading && !r ? <Loading /> : null}
      {missing ? <Notice tone="warn">{t("ledger.recordMissing")}</Notice> : record.error ? <ErrorNote error={record.error} onRetry={record.reload} /> : null}
      {r ? (
        <div data-testid="record-view" data-record={r.id}>
          {r.voidedAt ? (
            <p>
              <Tag tone="danger">{t("ledger.voided")}</Tag> {r.voidReason ?? ""}
            </p>
          ) : null}
          <dl class="facts">
            {view.fields
              .filter((f) => personal || !f.personal)
              .map((f) => (
                <Fragment key={f.key}>
                  <dt>{pick(f.label)}</dt>
                  <dd>{cellText(f, r, refNames, programNames)}</dd>
                </Fragment>
              ))}
          </dl>
          <footer class="form__actions">
            <button type="button" class="btn" onClick={onClose}>
              {t("common.close")}
            </button>
            {canWrite && !r.voidedAt ? (
              <button type="button" class="btn btn--primary" onClick={() => onEdit(r)}>
                {t("common.edit")}
              </button>
            ) : null}
          </footer>
        </div>
      ) : null}
    </Dialog>
  );
}
