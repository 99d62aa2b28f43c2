/**
 * One ledger resource: filters, the paged and sorted table (API cursor, 20 a page), and the
 * actions — create, edit, void, import, export, and the project's next status step; rows chosen by
 * checkbox are voided or put under a program together. `?record=<id>` (a search hit) shows that record.
 */
import { useCursorPages } from "../api/cursor-pages";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useApi } from "../api/use-api";
import type { LedgerRecord, Page, Tenant } from "../api/types";
import { useAreaNames, useRefOptions } from "../api/unit-data";
import { Busy } from "../components/busy";
import { DataTable, Pager } from "../components/data-table";
import { Empty, ErrorNote, Loading, Notice } from "../components/feedback";
import { pick, t } from "../i18n";
import { cellText } from "./cells";
import type { FieldContext } from "./field-input";
import { FilterBar, type ListQuery } from "./filters";
import { RecordView } from "./record-view";
import { fieldOf, type ResourceView } from "./resources";
import { TargetsPrefill } from "./targets-prefill";
import { BulkBar } from "./bulk-bar";
import { PanelDialogs, type PanelDialog } from "./panel-dialogs";
import { recordColumns } from "./record-columns";
import { useExport } from "./use-export";
import { useSession } from "../session";

const PAGE_SIZE = 20;

/** The records both sides of a pairing talk about (the recipient confirms or disputes; a coordinator returns). */
const THREADED = new Set(["funds", "projects", "cadres", "activities"]);

/** The list query the API takes, from the screen's query (empty values dropped). */
export function listParams(view: ResourceView, query: ListQuery): Record<string, string> {
  const params: Record<string, string> = {};
  const allowed = new Set([...view.filters, "q", "includeVoided", "sort", ...(view.period ? ["year"] : []), ...(view.period === "date" ? ["quarter"] : [])]);
  for (const [k, v] of Object.entries(query)) if (v && allowed.has(k)) params[k] = v;
  if (!params.sort) params.sort = view.defaultSort;
  return params;
}

export function ResourcePanel({ view, tenant, ctx, query, onQuery }: { view: ResourceView; tenant: Tenant | undefined; ctx: FieldContext; query: ListQuery; onQuery(q: ListQuery): void }) {
  const params = listParams(view, query);
  const paramsKey = JSON.stringify(params);
  const pages = useCursorPages(`${view.path} ${paramsKey}`);
  const cursor = pages.cursor;
  const base = `/api/t/${ctx.unit}/${view.path}`;
  // A record linked to (`?record=<id>`: a search hit, a rule's evidence) is shown alone, until "show all",
  // and opened in full over the list until its reader closes it.
  const focus = query.record || null;
  const [viewing, setViewing] = useState(true);
  useEffect(() => setViewing(true), [focus]);
  const list = useApi<Page<LedgerRecord>>(focus ? null : base, { ...params, limit: PAGE_SIZE, cursor });
  const focused = useApi<LedgerRecord>(focus ? `${base}/${encodeURIComponent(focus)}` : null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => setSelected(new Set()), [paramsKey, view.path, cursor, focus]);
  const [dialog, setDialog] = useState<PanelDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = tenant?.access.write ?? false;
  const role = useSession()?.user.role;
  const threaded = THREADED.has(view.path);
  // The unit's staff answer on a thread; a coordinator returns the record there.
  const canPost = canWrite || role === "coordinator";
  // A link from the inbox (?thread=<id>) opens that record's thread.
  const linked = threaded && query.thread ? { kind: "thread" as const, id: query.thread, name: "" } : null;
  const shown: PanelDialog = dialog ?? linked;
  const personal = tenant?.access.personal ?? true;

  const items = focus ? (focused.data ? [focused.data] : []) : (list.data?.items ?? []);
  const chosen = items.filter((r) => selected.has(r.id));
  const hasProgram = view.fields.some((f) => f.kind === "program");
  useAreaNames(items.flatMap((r) => [r.areaCode, r.hostAreaCode]));
  const refField = view.fields.find((f) => f.kind === "ref" && view.columns.includes(f.key));
  const refs = useRefOptions(ctx.unit, refField?.ref);
  const refNames = useMemo(() => new Map((refs.data?.items ?? []).map((r) => [r.id, String(r.title ?? r.counterpart ?? r.name ?? r.id)])), [refs.data]);
  const programNames = useMemo(() => new Map((tenant?.programs ?? []).map((p) => [p.slug, p.name])), [tenant]);

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    setSelected(new Set());
    list.reload();
    focused.reload();
  };

  const nameOf = (r: LedgerRecord) => {
    const f = fieldOf(view, view.titleField);
    return f ? cellText(f, r, refNames, programNames) : r.id;
  };

  const columns = recordColumns({ view, unit: ctx.unit, personal, canWrite, threaded, refNames, programNames, nameOf, open: setDialog, done, notice: setNotice });
  const { exporting, exportError, exportAs } = useExport(base, params);

  return (
    <section class="panel" aria-labelledby={`panel-${view.path}`}>
      <div class="panel__head">
        <h2 id={`panel-${view.path}`} class="panel__title">
          {pick(view.label)}
          {list.data ? <span class="panel__count">{t("ledger.total", { n: list.data.total })}</span> : null}
        </h2>
        <div class="toolbar">
          {view.path === "targets" && canWrite ? <TargetsPrefill unit={ctx.unit} onDone={(m) => done(m)} /> : null}
          {canWrite ? (
            <button type="button" class="btn" onClick={() => setDialog({ kind: "import" })}>
              {t("ledger.import")}
            </button>
          ) : null}
          <button type="button" class="btn" disabled={exporting !== null} onClick={() => exportAs("xlsx")}>
            {t("ledger.exportXlsx")}
          </button>
          <button type="button" class="btn" disabled={exporting !== null} onClick={() => exportAs("csv")}>
            {t("ledger.exportCsv")}
          </button>
          {canWrite ? (
            <button type="button" class="btn btn--primary" onClick={() => setDialog({ kind: "create" })}>
              {t("ledger.create", { what: pick(view.label) })}
            </button>
          ) : null}
        </div>
      </div>
      <FilterBar view={view} tenant={tenant} query={query} onChange={onQuery} />
      {notice ? (
        <Notice tone="success">
          <span>{notice}</span>
          <button type="button" class="btn btn--link" onClick={() => setNotice(null)} aria-label={t("common.close")}>
            ×
          </button>
        </Notice>
      ) : null}
      {exporting ? <Busy label={t("ledger.exporting")} since={exporting.since} received={exporting.received} /> : null}
      {exportError ? <ErrorNote error={exportError} /> : null}
      {focus ? (
        <Notice>
          <span>{t("ledger.focused")}</span>
          <button type="button" class="btn btn--link" onClick={() => onQuery({ ...query, record: "" })}>
            {t("ledger.showAll")}
          </button>
        </Notice>
      ) : null}
      {focused.error ? <ErrorNote error={focused.error} onRetry={focused.reload} /> : null}
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {(list.loading && !list.data && !focus) || (focused.loading && !focused.data && focus) ? <Loading /> : null}
      {list.data && !focus && items.length === 0 ? <Empty title={t("ledger.empty")}>{canWrite ? t("ledger.emptyHint") : null}</Empty> : null}
      {canWrite && chosen.length > 0 ? (
        <BulkBar
          count={chosen.length}
          canAssign={hasProgram}
          onVoid={() => setDialog({ kind: "void", records: chosen })}
          onAssign={() => setDialog({ kind: "assign", records: chosen })}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      {items.length > 0 ? (
        <div aria-busy={list.loading}>
          <DataTable
            selection={
              canWrite
                ? { selected, onChange: setSelected, label: (r) => t("ledger.selectRow", { name: nameOf(r) }), allLabel: t("ledger.selectAll"), selectable: (r) => !r.voidedAt }
                : undefined
            }
            columns={columns}
            rows={items}
            rowKey={(r) => r.id}
            sort={params.sort}
            onSort={(sort) => onQuery({ ...query, sort })}
            caption={pick(view.label)}
            rowClass={(r) => [r.voidedAt ? "is-voided" : "", r.id === focus ? "is-focused" : ""].join(" ").trim()}
          />
          {focus ? null : (
            <Pager {...pages.pager(list.data?.nextCursor)} total={list.data?.total ?? null} />
          )}
        </div>
      ) : null}
      <PanelDialogs
        dialog={dialog}
        shown={shown}
        view={view}
        ctx={ctx}
        tenant={tenant}
        base={base}
        canWrite={canWrite}
        canPost={canPost}
        nameOf={nameOf}
        close={() => setDialog(null)}
        closeThread={() => {
          setDialog(null);
          if (query.thread) onQuery({ ...query, thread: "" });
        }}
        done={done}
      />
      {focus && viewing && !dialog ? (
        <RecordView
          view={view}
          base={base}
          id={focus}
          personal={personal}
          canWrite={canWrite}
          refNames={refNames}
          programNames={programNames}
          nameOf={nameOf}
          onEdit={(record) => {
            setViewing(false);
            setDialog({ kind: "edit", record });
          }}
          onClose={() => setViewing(false)}
        />
      ) : null}
    </section>
  );
}
