/**
 * What every directory dialog does on submit: busy while sending, the API's field errors shown per
 * field (`body.effectiveTo` → effectiveTo) and the rest as one message, nothing closed on failure.
 */
import { useState } from "preact/hooks";
import { ApiFailure } from "../api/client";
import { t } from "../i18n";
import { mapDetails } from "../ledger/form-values";

export function useForm(fields: string[]) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (send: () => Promise<void>) => async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      await send();
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
