/**
 * An import's preview as the clerk reads it: the counts (将新增 N 条, 有误 M 行, 重复 K 行), the first
 * rows of each kind with their values by name and every wrong cell marked at its row and column, then
 * the list of errors (with a note when there were more than the server sends).
 */
import type { ImportPreview } from "../api/types";
import type { ErrorDetail } from "../api/client";
import { Tag } from "../components/badge";
import { Notice } from "../components/feedback";
import { t } from "../i18n";

const STATUS_TONE = { create: "ok", invalid: "danger", repeated: "warn" } as const;

/** The counts line. */
export function PreviewCounts({ preview }: { preview: ImportPreview }) {
  return (
    <p class="import-counts" data-testid="import-counts">
      <Tag tone="ok">{t("import.toCreate", { n: preview.create })}</Tag> <Tag tone={preview.invalidRows ? "danger" : "neutral"}>{t("import.invalidRows", { n: preview.invalidRows })}</Tag>{" "}
      <Tag tone={preview.repeatedRows ? "warn" : "neutral"}>{t("import.repeatedRows", { n: preview.repeatedRows })}</Tag>
    </p>
  );
}

export function PreviewRows({ preview }: { preview: ImportPreview }) {
  if (!preview.shown.length) return null;
  // Errors by "row/column header", to mark the cells.
  const wrong = new Map<string, string[]>();
  for (const e of preview.errors) {
    const key = `${e.row ?? ""}/${e.column ?? ""}`;
    wrong.set(key, [...(wrong.get(key) ?? []), e.message]);
  }
  return (
    <>
      {preview.rows > preview.shown.length ? <p class="muted">{t("import.shownCapped", { n: preview.rows, limit: preview.shownPerStatus })}</p> : null}
      <div class="table-wrap table-wrap--short" tabIndex={0} role="region" aria-label={t("import.previewTitle")}>
        <table class="table table--compact import-preview">
          <caption class="sr-only">{t("import.previewTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.row")}</th>
              <th scope="col">{t("import.statusCol")}</th>
              {preview.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.shown.map((r) => (
              <tr key={r.row} class={`import-preview__row--${r.status}`} data-row={r.row} data-status={r.status}>
                <th scope="row">{r.row}</th>
                <td>
                  <Tag tone={STATUS_TONE[r.status]} title={r.status === "repeated" ? t("import.repeatsRecord") : undefined}>
                    {t(`import.status.${r.status}`)}
                  </Tag>
                </td>
                {preview.columns.map((c) => {
                  const problems = wrong.get(`${r.row}/${c.header}`);
                  return (
                    <td key={c.key} class={problems ? "cell--error" : undefined} data-column={c.header} title={problems?.join("\n")} aria-invalid={problems ? "true" : undefined}>
                      {r.values[c.key] ?? problems?.join("；") ?? "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Every error by row and column (as many as the server sent, saying when there were more). */
export function ProblemList({ problems, total }: { problems: ErrorDetail[]; total?: number }) {
  if (!problems.length) return null;
  return (
    <>
      {total !== undefined && total > problems.length ? <Notice tone="warn">{t("import.errorsCapped", { n: total, shown: problems.length })}</Notice> : null}
      <div class="table-wrap table-wrap--short" tabIndex={0} role="region" aria-label={t("import.problems")}>
        <table class="table table--compact" data-testid="import-problems">
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
                <td>{p.column || p.path || "—"}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
