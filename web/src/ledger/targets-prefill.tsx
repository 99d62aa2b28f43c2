/** 按政策文件预填: fills a year's targets from the documents (POST /targets/prefill {year}). */
import { useState } from "preact/hooks";
import { invalidate } from "../api/cache";
import { ApiFailure, send } from "../api/client";
import { t } from "../i18n";
import { YearSelect } from "../components/filters";

export function TargetsPrefill({ unit, onDone }: { unit: string; onDone(message: string): void }) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await send<{ created: number; existing: number }>("POST", `/api/t/${unit}/targets/prefill`, { year: Number(year) });
      invalidate(`/api/t/${unit}/targets`);
      onDone(t("targets.prefilled", { created: data.created, existing: data.existing, year }));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="inline-group">
      <label for="prefill-year" class="sr-only">
        {t("targets.prefillYear")}
      </label>
      <YearSelect id="prefill-year" value={year} onChange={setYear} />
      <button type="button" class="btn" onClick={run} disabled={busy}>
        {t("targets.prefill")}
      </button>
      {error ? (
        <span class="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
