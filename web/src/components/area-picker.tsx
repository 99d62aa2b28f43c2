/**
 * An area chosen by name or code (GET /api/areas?q=): a search box that narrows a select — for a group's
 * recipient area and a recipient user's area.
 */
import { useState } from "preact/hooks";
import { useApi } from "../api/use-api";
import { t } from "../i18n";
import { describe, FieldRow } from "./field";

export function AreaPicker({ id, label, help, value, knownName, error, onChange }: { id: string; label: string; help: string; value: string; knownName?: string | undefined; error?: string | null | undefined; onChange(code: string): void }) {
  const [q, setQ] = useState("");
  const found = useApi<{ items: { code: string; name: string; fullName: string; level: number }[] }>(q.trim() ? "/api/areas" : null, { q: q.trim(), limit: 30 });
  const items = found.data?.items ?? [];
  // The chosen area stays an option while a search hides it.
  const options = value && !items.some((a) => a.code === value) ? [{ code: value, name: knownName ?? value, fullName: knownName ?? value, level: 0 }, ...items] : items;
  return (
    <FieldRow id={id} label={label} required error={error ?? null} help={help}>
      <input {...describe(`${id}-q`, error, help)} type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} aria-label={t("area.search")} placeholder={t("structure.areaPlaceholder")} autoComplete="off" />
      <select {...describe(id, error)} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)} size={Math.min(6, Math.max(2, options.length))}>
        {options.map((a) => (
          <option key={a.code} value={a.code}>
            {a.fullName}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}
