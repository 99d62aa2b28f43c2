/**
 * A ledger list's columns: the view's own (personal ones only for the unit's staff), the first with
 * its demo and voided tags, and the row actions a reader may take (next status, edit, thread, void).
 */
import type { LedgerRecord } from "../api/types";
import { DemoTag, Tag } from "../components/badge";
import type { Column } from "../components/data-table";
import { pick, t } from "../i18n";
import { cellText, columnHeader } from "./cells";
import type { PanelDialog } from "./panel-dialogs";
import { NextStatusButton } from "./project-status";
import { fieldOf, type ResourceView } from "./resources";

export interface ColumnContext {
  view: ResourceView;
  unit: string;
  personal: boolean;
  canWrite: boolean;
  threaded: boolean;
  refNames: Map<string, string>;
  programNames: Map<string, string>;
  nameOf(r: LedgerRecord): string;
  open(dialog: PanelDialog): void;
  done(message: string): void;
  notice(message: string): void;
}

export function recordColumns({ view, unit, personal, canWrite, threaded, refNames, programNames, nameOf, open, done, notice }: ColumnContext): Column<LedgerRecord>[] {
  const columns: Column<LedgerRecord>[] = view.columns
    .map((key) => fieldOf(view, key))
    .filter((f) => f !== undefined && (personal || !f.personal))
    .map((f, i) => ({
      key: f!.key,
      header: columnHeader(f!, pick(f!.label)),
      sortable: view.sorts.includes(f!.key),
      numeric: f!.kind === "money" || (f!.kind === "int" && f!.key !== "year"),
      render: (r: LedgerRecord) => (
        <>
          {cellText(f!, r, refNames, programNames)}
          {i === 0 ? (
            <>
              {" "}
              <DemoTag demo={r.demo} />
              {r.voidedAt ? (
                <Tag tone="danger" title={r.voidReason ?? ""}>
                  {t("ledger.voided")}
                </Tag>
              ) : null}
            </>
          ) : null}
        </>
      ),
    }));
  if (canWrite || threaded)
    columns.push({
      key: "_actions",
      header: t("ledger.actions"),
      render: (r) =>
        r.voidedAt ? null : (
          <div class="row-actions">
            {canWrite && view.path === "projects" ? <NextStatusButton unit={unit} record={r} onDone={(m) => done(m)} onError={(m) => notice(m)} /> : null}
            {canWrite ? (
              <button type="button" class="btn btn--link" onClick={() => open({ kind: "edit", record: r })} aria-label={`${t("common.edit")} ${nameOf(r)}`}>
                {t("common.edit")}
              </button>
            ) : null}
            {threaded ? (
              <button type="button" class="btn btn--link" onClick={() => open({ kind: "thread", id: r.id, name: nameOf(r) })} aria-label={`${t("thread.open")} ${nameOf(r)}`}>
                {t("thread.open")}
              </button>
            ) : null}
            {canWrite ? (
              <button type="button" class="btn btn--link btn--link-danger" onClick={() => open({ kind: "void", records: [r] })} aria-label={`${t("ledger.void")} ${nameOf(r)}`}>
                {t("ledger.void")}
              </button>
            ) : null}
          </div>
        ),
    });

  return columns;
}
