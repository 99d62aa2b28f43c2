/**
 * Importing a spreadsheet: the template to fill, the chosen file previewed (what would be added, which
 * rows are wrong at which column, which repeat the ledger — checked by the server exactly as the
 * import checks, nothing written), then 确认导入 with the choice for repeated rows, or 取消. Uploads
 * show the bytes sent and the seconds gone. All rows are written or none.
 */
import { useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { ApiFailure, type ErrorDetail } from "../api/client";
import { download } from "../api/download";
import type { ImportPreview } from "../api/types";
import { uploadForm, type UploadProgress } from "../api/upload";
import { Busy } from "../components/busy";
import { Dialog } from "../components/dialog";
import { describe, FieldRow } from "../components/field";
import { Notice } from "../components/feedback";
import { pick, t } from "../i18n";
import { PreviewCounts, PreviewRows, ProblemList } from "./import-preview";
import type { ResourceView } from "./resources";

type Work = { kind: "preview" | "import"; since: number };

export function ImportDialog({ unit, view, onDone, onClose }: { unit: string; view: ResourceView; onDone(created: number): void; onClose(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [work, setWork] = useState<Work | null>(null);
  const [sent, setSent] = useState<UploadProgress | null>(null);
  /** What to do with rows identical to records already in the ledger: leave them out (the default) or import them again. */
  const [duplicates, setDuplicates] = useState<"skip" | "keep">("skip");
  const base = `/api/t/${unit}/${view.path}`;

  /** Uploads the file to the import route or its preview; an API refusal is shown with its cells. */
  async function post<T>(route: string, chosen: File, kind: Work["kind"]): Promise<T | null> {
    const form = new FormData();
    form.append("file", chosen);
    setWork({ kind, since: Date.now() });
    setSent(null);
    setMessage(null);
    setProblems([]);
    try {
      return (await uploadForm<T>(`${base}/${route}`, form, setSent)).data;
    } catch (err) {
      if (err instanceof ApiFailure) {
        setMessage(err.message);
        setProblems(err.details);
      } else setMessage(t("common.networkError"));
      return null;
    } finally {
      setWork(null);
      setSent(null);
    }
  }

  const runPreview = async (chosen: File | null) => {
    setPreview(null);
    if (!chosen) return setMessage(t("import.chooseFile"));
    const answer = await post<ImportPreview>("import/preview", chosen, "preview");
    if (answer) setPreview(answer);
  };

  const confirm = async () => {
    if (!file || !preview) return;
    const done = await post<{ created: number }>(`import${preview.repeatedRows ? `?duplicates=${duplicates}` : ""}`, file, "import");
    if (!done) return;
    invalidate(base);
    onDone(done.created);
  };

  const toWrite = preview ? preview.create + (duplicates === "keep" ? preview.repeatedRows : 0) : 0;
  const canConfirm = preview !== null && preview.invalidRows === 0 && toWrite > 0;

  return (
    <Dialog title={t("import.title", { what: pick(view.label) })} onClose={onClose} wide>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void (canConfirm ? confirm() : runPreview(file));
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
            disabled={work !== null}
            // Cleared on each click, so the same file chosen again after fixing it is read again.
            onClick={(e) => ((e.currentTarget as HTMLInputElement).value = "")}
            onChange={(e) => {
              const chosen = (e.currentTarget as HTMLInputElement).files?.[0] ?? null;
              setFile(chosen);
              void runPreview(chosen);
            }}
          />
        </FieldRow>
        {work ? <Busy label={t(work.kind === "preview" ? "import.previewing" : "import.uploading")} since={work.since} sent={sent} /> : null}
        {message ? <Notice tone="error">{message}</Notice> : null}
        {preview ? (
          <section class="import-preview-panel" aria-label={t("import.previewTitle")}>
            <PreviewCounts preview={preview} />
            {preview.invalidRows ? <Notice tone="error">{t("import.fixFirst")}</Notice> : toWrite === 0 ? <Notice tone="warn">{t("import.nothingToCreate")}</Notice> : null}
            <PreviewRows preview={preview} />
            <ProblemList problems={preview.errors} total={preview.errorCount} />
            {preview.repeatedRows && !preview.invalidRows ? (
              <fieldset class="import-repeats">
                <legend>{t("import.repeatedChoice", { n: preview.repeatedRows })}</legend>
                <label>
                  <input type="radio" name="import-duplicates" value="skip" checked={duplicates === "skip"} onChange={() => setDuplicates("skip")} /> {t("import.skipRepeated")}
                </label>
                <label>
                  <input type="radio" name="import-duplicates" value="keep" checked={duplicates === "keep"} onChange={() => setDuplicates("keep")} /> {t("import.keepRepeated")}
                </label>
              </fieldset>
            ) : null}
          </section>
        ) : null}
        <ProblemList problems={problems} />
        <footer class="form__actions">
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          {preview ? (
            <button type="submit" class="btn btn--primary" disabled={work !== null || !canConfirm}>
              {work?.kind === "import" ? t("import.uploading") : t("import.confirm")}
            </button>
          ) : (
            <button type="submit" class="btn btn--primary" disabled={work !== null || !file}>
              {work ? t("import.previewing") : t("import.preview")}
            </button>
          )}
        </footer>
      </form>
    </Dialog>
  );
}
