/**
 * One ledger resource: filters, the paged and sorted table (API cursor, 20 a page), and the
 * actions — create, edit, void, import, export, and the project's next status step.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { download } from "../api/download";
import { useApi } from "../api/use-api";
import type { LedgerRecord, Page, Tenant } from "../api/types";
import { useAreaNames, useRefOptions } from "../api/unit-data";
import { DemoTag, Tag } from "../components/badge";
import { DataTable, Pager, type Column } from "../components/data-table";
import { Empty, ErrorNote, Loading, Notice } from "../components/feedback";
import { pick, t } from "../i18n";
import { cellText, columnHeader } from "./cells";
import type { FieldContext } from "./field-input";
import { FilterBar, type ListQuery } from "./filters";
import { ImportDialog } from "./import-dialog";
import { NextStatusButton } from "./project-status";
import { RecordForm } from "./record-form";
import { RecordView } from "./record-view";
import { fieldOf, type ResourceView } from "./resources";
import { TargetsPrefill } from "./targets-prefill";
import { VoidDialog } from "./void-dialog";
import { ThreadDialog } from "../components/thread-dialog";
import { useSession } from "../session";

const PAGE_SIZE = 20;

type Dialog = { kind: "create" } | { kind: "edit"; record: LedgerRecord } | { kind: "void"; record: LedgerRecord } | { kind: "import" } | { kind: "thread"; id: string; name: string } | null;

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
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  useEffect(() => setCursors([undefined]), [paramsKey, view.path]);
  const cursor = cursors[cursors.length - 1];
  const base = `/api/t/${ctx.unit}/${view.path}`;
  const list = useApi<Page<LedgerRecord>>(base, { ...params, limit: PAGE_SIZE, cursor });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exportError, setExportError] = useState<Error | null>(null);
  const canWrite = tenant?.access.write ?? false;
  const role = useSession()?.user.role;
  const threaded = THREADED.has(view.path);
  // The unit's staff answer on a thread; a coordinator returns the record there.
  const canPost = canWrite || role === "coordinator";
  // A link from the inbox (?thread=<id>) opens that record's thread; one from a rule's evidence (?open=<id>), the record.
  const linked = threaded && query.thread ? { kind: "thread" as const, id: query.thread, name: "" } : null;
  const shown: Dialog = dialog ?? linked;
  const personal = tenant?.access.personal ?? true;

  const items = list.data?.items ?? [];
  useAreaNames(items.flatMap((r) => [r.areaCode, r.hostAreaCode]));
  const refField = view.fields.find((f) => f.kind === "ref" && view.columns.includes(f.key));
  const refs = useRefOptions(ctx.unit, refField?.ref);
  const refNames = useMemo(() => new Map((refs.data?.items ?? []).map((r) => [r.id, String(r.title ?? r.counterpart ?? r.name ?? r.id)])), [refs.data]);
  const programNames = useMemo(() => new Map((tenant?.programs ?? []).map((p) => [p.slug, p.name])), [tenant]);

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    list.reload();
  };

  const nameOf = (r: LedgerRecord) => {
    const f = fieldOf(view, view.titleField);
    return f ? cellText(f, r, refNames, programNames) : r.id;
  };

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
            {canWrite && view.path === "projects" ? <NextStatusButton unit={ctx.unit} record={r} onDone={(m) => done(m)} onError={(m) => setNotice(m)} /> : null}
            {canWrite ? (
              <button type="button" class="btn btn--link" onClick={() => setDialog({ kind: "edit", record: r })} aria-label={`${t("common.edit")} ${nameOf(r)}`}>
                {t("common.edit")}
              </button>
            ) : null}
            {threaded ? (
              <button type="button" class="btn btn--link" onClick={() => setDialog({ kind: "thread", id: r.id, name: nameOf(r) })} aria-label={`${t("thread.open")} ${nameOf(r)}`}>
                {t("thread.open")}
              </button>
            ) : null}
            {canWrite ? (
              <button type="button" class="btn btn--link btn--link-danger" onClick={() => setDialog({ kind: "void", record: r })} aria-label={`${t("ledger.void")} ${nameOf(r)}`}>
                {t("ledger.void")}
              </button>
            ) : null}
          </div>
        ),
    });

  const exportAs = (format: "xlsx" | "csv") => {
    setExportError(null);
    download(`${base}/export`, { ...params, format }).catch((e: Error) => setExportError(e));
  };

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
          <button type="button" class="btn" onClick={() => exportAs("xlsx")}>
            {t("ledger.exportXlsx")}
          </button>
          <button type="button" class="btn" onClick={() => exportAs("csv")}>
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
      {exportError ? <ErrorNote error={exportError} /> : null}
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? <Empty title={t("ledger.empty")}>{canWrite ? t("ledger.emptyHint") : null}</Empty> : null}
      {items.length > 0 ? (
        <div aria-busy={list.loading}>
          <DataTable
            columns={columns}
            rows={items}
            rowKey={(r) => r.id}
            sort={params.sort}
            onSort={(sort) => onQuery({ ...query, sort })}
            caption={pick(view.label)}
            rowClass={(r) => (r.voidedAt ? "is-voided" : "")}
          />
          <Pager
            page={cursors.length}
            total={list.data?.total ?? null}
            hasNext={Boolean(list.data?.nextCursor)}
            onPrev={() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c))}
            onNext={() => list.data?.nextCursor && setCursors((c) => [...c, list.data!.nextCursor!])}
          />
        </div>
      ) : null}
      {dialog?.kind === "create" || dialog?.kind === "edit" ? (
        <RecordForm
          view={view}
          ctx={ctx}
          record={dialog.kind === "edit" ? dialog.record : null}
          onClose={() => setDialog(null)}
          onSaved={() => done(dialog.kind === "edit" ? t("ledger.saved") : t("ledger.created"))}
        />
      ) : null}
      {dialog?.kind === "void" ? (
        <VoidDialog unit={ctx.unit} path={view.path} record={dialog.record} name={nameOf(dialog.record)} onClose={() => setDialog(null)} onDone={() => done(t("ledger.voidedDone"))} />
      ) : null}
      {shown?.kind === "thread" ? (
        <ThreadDialog
          path={`${base}/${shown.id}/thread`}
          title={shown.name ? t("thread.title", { name: shown.name }) : t("thread.titlePlain")}
          canPost={canPost}
          evidence={{ record: `${base}/${shown.id}`, fileOf: (id) => `/api/t/${ctx.unit}/attachments/${id}`, canUpload: canWrite }}
          onClose={() => {
            setDialog(null);
            if (query.thread) onQuery({ ...query, thread: "" });
          }}
        />
      ) : null}
      {query.open && !dialog ? (
        <RecordView
          view={view}
          base={base}
          id={query.open}
          personal={personal}
          canWrite={canWrite}
          refNames={refNames}
          programNames={programNames}
          nameOf={nameOf}
          onEdit={(record) => {
            onQuery({ ...query, open: "" });
            setDialog({ kind: "edit", record });
          }}
          onClose={() => onQuery({ ...query, open: "" })}
        />
      ) : null}
      {dialog?.kind === "import" ? <ImportDialog unit={ctx.unit} view={view} onClose={() => setDialog(null)} onDone={(n) => done(t("import.done", { n }))} /> : null}
    </section>
  );
}
