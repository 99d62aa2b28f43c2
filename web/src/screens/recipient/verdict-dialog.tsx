/**
 * The recipient's verdict on one record: confirm it (the money arrived, the project is complete, the cadre
 * is in post), or dispute it with a reason the helper can act on — and for money, what arrived and when.
 * Sent with the record's version (If-Match): if the helper corrected it meanwhile, the recipient is told to
 * look again.
 */
import { useState } from "preact/hooks";
import { send, versionTag } from "../../api/client";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { useForm, valueOf } from "../../components/use-form";
import { fenToWan, parseYuan } from "../../format/money";
import { t } from "../../i18n";
import type { ClaimRow } from "./types";

export function VerdictDialog({ claim, verdict, onClose, onSaved }: { claim: ClaimRow; verdict: "confirmed" | "disputed"; onClose(): void; onSaved(): void }) {
  const [reason, setReason] = useState("");
  const [amount, setAmount] = useState("");
  const [date, setDate] = useState("");
  const form = useForm(["reason", "amountFen", "date", "verdict"], { reason, amount, date });
  const money = claim.entity === "fund";
  const parsed = amount.trim() ? parseYuan(amount) : null;
  const save = form.submit(async () => {
    const body: Record<string, unknown> = { verdict };
    if (reason.trim()) body.reason = reason.trim();
    if (money && parsed?.ok) body.amountFen = parsed.fen;
    if (money && date.trim()) body.date = date.trim();
    await send("POST", `/api/recipient/claims/${claim.unit.slug}/${claim.entity}/${claim.id}/verdict`, body, { ifMatch: versionTag(claim.version) });
    onSaved();
  });
  return (
    <Dialog title={verdict === "confirmed" ? t("recipient.confirmTitle") : t("recipient.disputeTitle")} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        <p>{t("recipient.about", { unit: claim.unit.name, date: claim.date ?? "—" })}{money ? ` · ${fenToWan(Number(claim.fields.amountFen ?? 0))} ${t("unit.wan")}` : ""}</p>
        {verdict === "disputed" ? (
          <>
            <FieldRow id="verdict-reason" label={t("recipient.reason")} required error={form.errors.reason ?? null} help={t("recipient.reasonHelp")}>
              <textarea {...describe("verdict-reason", form.errors.reason, t("recipient.reasonHelp"))} rows={3} value={reason} onInput={(e) => setReason(valueOf(e))} />
            </FieldRow>
            {money ? (
              <div class="form__grid">
                <FieldRow id="verdict-amount" label={t("recipient.arrivedAmount")} error={form.errors.amountFen ?? (parsed && !parsed.ok ? t("form.moneyFormat") : null)} help={parsed?.ok ? t("recipient.asWan", { wan: fenToWan(parsed.fen) }) : t("recipient.amountHelp")}>
                  <input {...describe("verdict-amount", form.errors.amountFen)} type="text" inputMode="decimal" value={amount} onInput={(e) => setAmount(valueOf(e))} />
                </FieldRow>
                <FieldRow id="verdict-date" label={t("recipient.arrivedDate")} error={form.errors.date ?? null}>
                  <input {...describe("verdict-date", form.errors.date)} type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={date} onInput={(e) => setDate(valueOf(e))} />
                </FieldRow>
              </div>
            ) : null}
          </>
        ) : (
          <p class="muted">{t(`recipient.confirmHelp.${claim.entity as "fund" | "project" | "cadre"}`)}</p>
        )}
        <FormActions busy={form.busy} onClose={onClose} submit={verdict === "confirmed" ? t("recipient.confirm") : t("recipient.dispute")} />
      </form>
    </Dialog>
  );
}
