/** The project workflow: one button for the one allowed next status (PATCH {status} with If-Match). */
import { useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { ApiFailure, send, versionTag } from "../api/client";
import type { LedgerRecord } from "../api/types";
import { t } from "../i18n";
import { label, PROJECT_STATUS } from "../labels";
import { NEXT_PROJECT_STATUS } from "./resources";

export function NextStatusButton({ unit, record, onDone, onError }: { unit: string; record: LedgerRecord; onDone(message: string): void; onError(message: string): void }) {
  const [busy, setBusy] = useState(false);
  const next = NEXT_PROJECT_STATUS[String(record.status)];
  if (!next) return null;
  const click = async () => {
    setBusy(true);
    try {
      await send("PATCH", `/api/t/${unit}/projects/${record.id}`, { status: next }, { ifMatch: versionTag(record.version) });
      invalidate(`/api/t/${unit}/projects`);
      onDone(t("project.advanced", { status: label(PROJECT_STATUS, next) }));
    } catch (err) {
      onError(err instanceof ApiFailure ? [err.message, ...err.details.map((d) => d.message)].join(" ") : t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="btn btn--small btn--step" onClick={click} disabled={busy} title={t("project.nextStepHint")}>
      {t("project.advanceTo", { status: label(PROJECT_STATUS, next) })}
    </button>
  );
}
