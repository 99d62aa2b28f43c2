/**
 * One quarterly submission: write progress, problems and next steps; save a draft (create, or PATCH
 * with If-Match); submit, after which it is locked until the coordinator reopens it with a reason.
 * Its attachments (the signed report, vouchers) are taken once it is stored and locked with it: a
 * submitted report lists its files but takes no more, as the server refuses (423) until it is reopened.
 */
import { useState } from "preact/hooks";
import { ApiFailure, send, versionTag } from "../../api/client";
import type { Submission } from "../../api/types";
import { Attachments } from "../../components/attachments";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { Tag } from "../../components/badge";
import { dateTime, longDate } from "../../format/date";
import { t, type MessageKey } from "../../i18n";
import { mapDetails } from "../../ledger/form-values";
import { useUnsavedChanges } from "../../unsaved";
import { quarterIsOver, quarterRange, today, type Quarter } from "../../../../src/periods/period";

const PARTS: { key: "progress" | "problems" | "nextSteps"; label: MessageKey; help: MessageKey }[] = [
  { key: "progress", label: "sub.progress", help: "sub.progressHelp" },
  { key: "problems", label: "sub.problems", help: "sub.problemsHelp" },
  { key: "nextSteps", label: "sub.nextSteps", help: "sub.nextStepsHelp" },
];

type Texts = Record<"progress" | "problems" | "nextSteps", string>;

export function SubmissionEditor({ unit, year, quarter, program, record, canWrite, onChanged }: { unit: string; year: number; quarter: number; program: string; record: Submission | null; canWrite: boolean; onChanged(s: Submission, message: string): void }) {
  // The record as last stored: kept here so that a draft created by a submit that then fails is edited, not created again.
  const [stored, setStored] = useState<Submission | null>(record);
  const [texts, setTexts] = useState<Texts>({ progress: record?.progress ?? "", problems: record?.problems ?? "", nextSteps: record?.nextSteps ?? "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const markSaved = useUnsavedChanges(texts);
  const locked = stored?.status === "submitted";
  // A quarter's report is locked only once the quarter is over (the server refuses earlier; same day, Beijing time).
  const open = !quarterIsOver(year, quarter as Quarter, today());
  const quarterEnd = quarterRange(year, quarter as Quarter).to;
  const dirty = !stored || PARTS.some((p) => texts[p.key] !== (stored[p.key] ?? ""));

  const fail = (err: unknown) => {
    if (err instanceof ApiFailure) {
      const { byField, general } = mapDetails(err.details, PARTS.map((p) => p.key));
      setErrors(byField);
      setMessage({ tone: "error", text: [err.message, ...general].join(" ") });
      const first = PARTS.find((p) => byField[p.key]);
      if (first) setTimeout(() => document.getElementById(`sub-${first.key}`)?.focus(), 0);
    } else setMessage({ tone: "error", text: t("common.networkError") });
  };

  /** Saves the text; returns the record as stored (created when there was none). */
  const save = async (): Promise<Submission> => {
    if (!stored) return (await send<Submission>("POST", `/api/t/${unit}/submissions`, { year, quarter, program, ...texts })).data;
    if (!dirty) return stored;
    return (await send<Submission>("PATCH", `/api/t/${unit}/submissions/${stored.id}`, texts, { ifMatch: versionTag(stored.version) })).data;
  };

  const run = async (what: "save" | "submit") => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      let saved = await save();
      markSaved();
      setStored(saved);
      if (what === "submit") {
        saved = (await send<Submission>("POST", `/api/t/${unit}/submissions/${saved.id}/submit`, undefined, { ifMatch: versionTag(saved.version) })).data;
        setStored(saved);
      }
      onChanged(saved, t(what === "submit" ? "sub.submittedDone" : "sub.savedDone"));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div class="submission">
      <div class="submission__status">
        {stored ? <Tag tone={locked ? "ok" : stored.status === "reopened" ? "warn" : "neutral"}>{t(`sub.status.${stored.status}` as MessageKey)}</Tag> : <Tag>{t("sub.status.new")}</Tag>}
        {locked ? (
          <span class="submission__locked" role="status">
            <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5A1.5 1.5 0 0 1 12.5 15h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm1.5 0h5V5a2.5 2.5 0 0 0-5 0v2Z" />
            </svg>{" "}
            {t("sub.lockedAt", { at: stored?.submittedAt ? dateTime(stored.submittedAt) : "" })}
          </span>
        ) : null}
        {stored ? <span class="muted">{t("sub.version", { version: stored.version, at: dateTime(stored.updatedAt) })}</span> : null}
      </div>
      {stored?.status === "reopened" ? (
        <Notice tone="warn">
          <strong>{t("sub.reopenedBy", { date: longDate(stored.reopenedAt) })}</strong> {stored.reopenReason}
        </Notice>
      ) : null}
      {locked ? <Notice tone="info">{t("sub.lockedHint")}</Notice> : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run("save");
        }}
      >
        {PARTS.map((p) => {
          const id = `sub-${p.key}`;
          return (
            <FieldRow key={p.key} id={id} label={t(p.label)} required={p.key === "progress"} help={t(p.help)} error={errors[p.key] ?? null} wide>
              <textarea
                {...describe(id, errors[p.key], t(p.help))}
                rows={p.key === "progress" ? 8 : 5}
                value={texts[p.key]}
                readOnly={locked || !canWrite}
                onInput={(e) => setTexts((x) => ({ ...x, [p.key]: (e.currentTarget as HTMLTextAreaElement).value }))}
              />
            </FieldRow>
          );
        })}
        {canWrite && !locked ? (
          <footer class="form__actions">
            <button type="submit" class="btn" disabled={busy}>
              {t("sub.saveDraft")}
            </button>
            <button type="button" class="btn btn--primary" disabled={busy || open} aria-describedby={open ? "sub-quarter-open" : undefined} onClick={() => setConfirming(true)}>
              {t("sub.submit")}
            </button>
            {open ? (
              <p id="sub-quarter-open" class="muted small" data-testid="sub-quarter-open">
                {t("sub.quarterOpen", { quarter, date: longDate(quarterEnd) })}
              </p>
            ) : null}
          </footer>
        ) : null}
      </form>
      {stored ? <Attachments record={`/api/t/${unit}/submissions/${stored.id}`} fileOf={(id) => `/api/t/${unit}/attachments/${id}`} canUpload={canWrite && !locked} /> : canWrite ? <p class="muted small">{t("sub.attachAfterSave")}</p> : null}
      {confirming ? (
        <Dialog title={t("sub.confirmTitle")} onClose={() => setConfirming(false)}>
          <p>{t("sub.confirmText", { year, quarter })}</p>
          <footer class="form__actions">
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </button>
            <button type="button" class="btn btn--primary" disabled={busy} onClick={() => void run("submit")}>
              {t("sub.confirmSubmit")}
            </button>
          </footer>
        </Dialog>
      ) : null}
    </div>
  );
}
