/** 归入计划: puts the chosen records under one of the unit's programs, all or none (the bulk route). */
import { useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { send } from "../api/client";
import type { LedgerRecord, Tenant } from "../api/types";
import { Dialog } from "../components/dialog";
import { describe, FieldRow } from "../components/field";
import { FormActions } from "../components/form-actions";
import { t } from "../i18n";
import { bulkItems, failureText } from "./void-dialog";

export function AssignProgramDialog({ unit, path, records, tenant, onDone, onClose }: { unit: string; path: string; records: LedgerRecord[]; tenant: Tenant | undefined; onDone(program: string): void; onClose(): void }) {
  const programs = tenant?.programs ?? [];
  const [program, setProgram] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!program) return setError(t("bulk.programChoose"));
    setBusy(true);
    try {
      await send("POST", `/api/t/${unit}/${path}/bulk/program`, { items: bulkItems(records), program });
      invalidate(`/api/t/${unit}/${path}`);
      onDone(programs.find((p) => p.slug === program)?.name ?? program);
    } catch (err) {
      setError(failureText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t("bulk.programTitle")} onClose={onClose}>
      <form class="form" onSubmit={submit} noValidate>
        <p class="muted">{t("bulk.programIntro", { n: records.length })}</p>
        <FieldRow id="bulk-program" label={t("bulk.programField")} required error={error}>
          <select {...describe("bulk-program", error)} value={program} onChange={(e) => setProgram((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t("bulk.programChoose")}</option>
            {programs.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </FieldRow>
        <FormActions busy={busy} onClose={onClose} submit={t("bulk.programConfirm")} />
      </form>
    </Dialog>
  );
}
