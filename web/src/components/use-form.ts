/**
 * What every directory dialog does on submit: busy while sending, the API's field errors shown per
 * field (`body.effectiveTo` → effectiveTo) and the rest as one message, nothing closed on failure.
 * The form's values are watched, so leaving with unsaved input asks first (unsaved.ts).
 */
import { useState } from "preact/hooks";
import { ApiFailure } from "../api/client";
import { t } from "../i18n";
import { mapDetails } from "../ledger/form-values";
import { useUnsavedChanges } from "../unsaved";

/**
 * @param fields the API field names shown by this form
 * @param values the form's current values (its state): changed from the first render, they count as unsaved
 * @example const form = useForm(["clause"], v); <form onSubmit={form.submit(async () => { await send(…); onSaved(); })}>
 */
export function useForm(fields: string[], values: unknown) {
  const markSaved = useUnsavedChanges(values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (send: () => Promise<void>) => async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      // Clean as soon as the API has it, so the navigation a save may lead to is not asked about.
      await send();
      markSaved();
    } catch (err) {
      if (err instanceof ApiFailure) {
        const { byField, general: others } = mapDetails(err.details, fields);
        setErrors(byField);
        setGeneral([err.message, ...others].join(" "));
      } else setGeneral(t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };
  return { errors, general, busy, submit };
}

/** An input's value, for onInput handlers. */
export const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement).value;
