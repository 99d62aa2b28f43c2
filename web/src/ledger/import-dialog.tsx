/**
 * Importing a spreadsheet: the template to fill, the upload (multipart field `file`), and — when the
 * API refuses it — every bad cell by row and column. All rows are written or none.
 */
import { useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { ApiFailure, send, type ErrorDetail } from "../api/client";
import { download } from "../api/download";
import { Dialog } from "../components/dialog";
import { describe, FieldRow } from "../components/field";
import { Notice } from "../components/feedback";
import { pick, t } from "../i18n";
import type { ResourceView } from "./resources";

export function ImportDialog({ unit, view, onDone, onClose }: { unit: string; view: ResourceView; onDone(created: number): void; onClose(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The server found rows already in the ledger: the clerk chooses to leave them out or import them again. */
  const [repeated, setRepeated] = useState(false);
  const base = `/api/t/${unit}/${view.path}`;

  const upload = async (duplicates?: "skip" | "keep") => {
    if (!file) return setMessage(t("import.chooseFile"));
    const form = new FormData();
    form.append("file", file);
    setBusy(true);
    setMessage(null);
    setProblems([]);
    setRepeated(false);
    try {
      const { data } = await send<{ created: number }>("POST", `${base}/import${duplicates ? `?duplicates=${duplicates}` : ""}`, undefined, { form });
      invalidate(base);
      onDone(data.created);
    } catch (err) {
      if (err instanceof ApiFailure) {
        setMessage(err.message);
        setProblems(err.details);
        setRepeated(err.status === 409 && err.details.some((d) => d.code === "duplicate"));
      } else setMessage(t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("import.title", { what: pick(view.label) })} onClose={onClose} wide>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
        noValidate
      >
        <ol class="steps">
          <li>
            {t("import.step1")}{" "}
            <a
              href={`${base}/template.xlsx`}
              onClick={(e) => {
                e.preventDefault();
                void download(`${base}/template.xlsx`).catch(() => setMessage(t("common.networkError")));
              }}
            >
              {t("import.template")}
            </a>
          </li>
          <li>{t("import.step2")}</li>
        </ol>
        <FieldRow id="import-file" label={t("import.file")} required help={t("import.fileHelp")}>
          <input
            {...describe("import-file", null, t("import.fileHelp"))}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null);
              setRepeated(false);
            }}
          />
        </FieldRow>
        {message ? <Notice tone="error">{message}</Notice> : null}
        {problems.length ? (
          <div class="table-wrap table-wrap--short">
            <table class="table table--compact">
              <caption class="sr-only">{t("import.problems")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.row")}</th>
                  <th scope="col">{t("import.column")}</th>
                  <th scope="col">{t("import.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.row ?? "—"}</td>
                    <td>{p.column ?? p.path ?? "—"}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <footer class="form__actions">
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          {repeated ? (
            <>
              <button type="button" class="btn btn--primary" disabled={busy} onClick={() => void upload("skip")}>
                {t("import.skipRepeated")}
              </button>
              <button type="button" class="btn" disabled={busy} onClick={() => void upload("keep")}>
                {t("import.keepRepeated")}
              </button>
            </>
          ) : (
            <button type="submit" class="btn btn--primary" disabled={busy}>
              {busy ? t("import.uploading") : t("import.upload")}
            </button>
          )}
        </footer>
      </form>
    </Dialog>
  );
}
