/**
 * A unit chosen by name or code (GET /api/units, the directory's search) — for a user's unit, and for
 * a unit joining a group or a program.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { get } from "../api/client";
import type { UnitRow } from "../api/types";
import { t } from "../i18n";
import { describe, FieldRow } from "./field";

const UNIT_PAGE = 50;

/**
 * A unit chosen from a select whose options a search box narrows (the API's `q`), a page at a time.
 * Enter in the search box searches at once instead of submitting the form.
 */
export function UnitPicker({ id, value, error, knownName, onChange, label, help: helpText }: { id: string; value: string; error?: string | undefined; knownName?: string | undefined; onChange(slug: string): void; label?: string; help?: string }) {
  const [q, setQ] = useState("");
  const [applied, setApplied] = useState("");
  const [units, setUnits] = useState<{ slug: string; name: string }[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const call = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = async (query: string, after: string | null) => {
    const mine = ++call.current;
    setLoading(true);
    try {
      const page = await get<{ items: UnitRow[]; nextCursor: string | null }>("/api/units", { q: query, cursor: after, limit: UNIT_PAGE });
      if (mine !== call.current) return;
      const items = page.items.map((u) => ({ slug: u.slug, name: u.name }));
      setUnits((prev) => (after ? [...prev, ...items] : items));
      setNext(page.nextCursor);
    } catch {
      if (mine === call.current && !after) setUnits([]);
    } finally {
      if (mine === call.current) setLoading(false);
    }
  };

  useEffect(() => {
    void load(applied, null);
  }, [applied]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (text: string) => {
    setQ(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setApplied(text.trim()), 250);
  };

  // The chosen unit stays an option while a search hides it.
  const options = value && !units.some((u) => u.slug === value) ? [{ slug: value, name: knownName ?? value }, ...units] : units;
  const help = helpText ?? t("users.unitHelp");
  return (
    <FieldRow id={id} label={label ?? t("users.unit")} required error={error ?? null} help={help}>
      <input
        id={`${id}-q`}
        type="search"
        value={q}
        aria-label={t("users.unitSearch")}
        aria-controls={id}
        placeholder={t("users.unitSearchPlaceholder")}
        autoComplete="off"
        onInput={(e) => search((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          clearTimeout(timer.current);
          setApplied(q.trim());
        }}
      />
      <select {...describe(id, error, help)} value={value} aria-busy={loading ? "true" : undefined} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{!loading && options.length === 0 ? t("users.unitNone") : t("form.choose")}</option>
        {options.map((u) => (
          <option key={u.slug} value={u.slug}>
            {u.name}（{u.slug}）
          </option>
        ))}
      </select>
      {next ? (
        <button type="button" class="btn btn--link btn--small" style={{ alignSelf: "flex-start" }} disabled={loading} onClick={() => void load(applied, next)}>
          {t("users.unitMore")}
        </button>
      ) : null}
    </FieldRow>
  );
}
