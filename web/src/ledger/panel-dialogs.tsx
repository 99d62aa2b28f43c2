/** The dialogs a ledger list opens: create and edit, void, assign a program, the record's thread, import. */
import type { LedgerRecord, Tenant } from "../api/types";
import { ThreadDialog } from "../components/thread-dialog";
import { t } from "../i18n";
import { AssignProgramDialog } from "./assign-program-dialog";
import type { FieldContext } from "./field-input";
import { ImportDialog } from "./import-dialog";
import { RecordForm } from "./record-form";
import type { ResourceView } from "./resources";
import { VoidDialog } from "./void-dialog";

export type PanelDialog =
  | { kind: "create" }
  | { kind: "edit"; record: LedgerRecord }
  | { kind: "void"; records: LedgerRecord[] }
  | { kind: "assign"; records: LedgerRecord[] }
  | { kind: "import" }
  | { kind: "thread"; id: string; name: string }
  | null;

export function PanelDialogs(props: {
  /** The dialog the list opened. */
  dialog: PanelDialog;
  /** What is shown: the dialog, or the thread a link asked for. */
  shown: PanelDialog;
  view: ResourceView;
  ctx: FieldContext;
  tenant: Tenant | undefined;
  base: string;
  canWrite: boolean;
  canPost: boolean;
  nameOf(r: LedgerRecord): string;
  close(): void;
  closeThread(): void;
  done(message: string): void;
}) {
  const { dialog, shown, view, ctx, tenant, base, canWrite, canPost, nameOf, done } = props;
  return (
    <>
      {dialog?.kind === "create" || dialog?.kind === "edit" ? (
        <RecordForm
          view={view}
          ctx={ctx}
          record={dialog.kind === "edit" ? dialog.record : null}
          onClose={props.close}
          onSaved={() => done(dialog.kind === "edit" ? t("ledger.saved") : t("ledger.created"))}
        />
      ) : null}
      {dialog?.kind === "void" ? (
        <VoidDialog
          unit={ctx.unit}
          path={view.path}
          records={dialog.records}
          name={nameOf(dialog.records[0]!)}
          onClose={props.close}
          onDone={() => done(dialog.records.length === 1 ? t("ledger.voidedDone") : t("bulk.voidDone", { n: dialog.records.length }))}
        />
      ) : null}
      {dialog?.kind === "assign" ? (
        <AssignProgramDialog
          unit={ctx.unit}
          path={view.path}
          records={dialog.records}
          tenant={tenant}
          onClose={props.close}
          onDone={(program) => done(t("bulk.programDone", { n: dialog.records.length, program }))}
        />
      ) : null}
      {shown?.kind === "thread" ? (
        <ThreadDialog
          path={`${base}/${shown.id}/thread`}
          title={shown.name ? t("thread.title", { name: shown.name }) : t("thread.titlePlain")}
          canPost={canPost}
          evidence={{ record: `${base}/${shown.id}`, fileOf: (id) => `/api/t/${ctx.unit}/attachments/${id}`, canUpload: canWrite }}
          onClose={props.closeThread}
        />
      ) : null}
      {dialog?.kind === "import" ? <ImportDialog unit={ctx.unit} view={view} onClose={props.close} onDone={(n) => done(t("import.done", { n }))} /> : null}
    </>
  );
}
