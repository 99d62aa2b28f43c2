/**
 * The pieces every filter bar (`.filters`) is made of, one of each: the form, a labelled item, a
 * select of choices with its "all" entry, a search box, and the year and quarter pickers. The ledger,
 * the admin lists, the audit trail, the coordinator's and the submission's pickers all use them, so a
 * year list or an "all" entry is the same everywhere.
 */
import type { ComponentChildren } from "preact";
import { t } from "../i18n";

/** The years a screen may pick: next year (plans and targets) back to 2016, the oldest document's first. */
export const YEARS = Array.from({ length: new Date().getFullYear() + 2 - 2016 }, (_, i) => new Date().getFullYear() + 1 - i);

/** What a picker passes on to its <select>: its id, and the aria attributes of a FieldRow (see describe). */
type SelectProps = { id?: string; disabled?: boolean; "aria-invalid"?: "true"; "aria-describedby"?: string };

/** A filter bar: `search` for one that narrows a list (role="search"), else a plain group of pickers. */
export function Filters({ label, search = false, onSubmit, children, class: extra }: { label: string; search?: boolean; onSubmit?(): void; children: ComponentChildren; class?: string }) {
  return (
    <form
      class={extra ? `filters ${extra}` : "filters"}
      role={search ? "search" : undefined}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      {children}
    </form>
  );
}

/** One labelled control of a filter bar. */
export function FilterItem({ id, label, kind, children }: { id: string; label: string; kind?: "grow" | "search"; children: ComponentChildren }) {
  return (
    <div class={kind ? `filters__item filters__item--${kind}` : "filters__item"}>
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

/** A select of `[value, label]` choices, led by `all` (an empty value) when given. */
export function ChoiceSelect({ value, onChange, choices, all, ...rest }: SelectProps & { value: string; onChange(value: string): void; choices: readonly (readonly [string, string])[]; all?: string }) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
      {all !== undefined ? <option value="">{all}</option> : null}
      {value && !choices.some(([v]) => v === value) ? <option value={value}>{value}</option> : null}
      {choices.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
}

/** A year picker over `YEARS` ("2026年"), led by `all` when given. */
export function YearSelect({ value, onChange, all, ...rest }: SelectProps & { value: string | number; onChange(year: string): void; all?: string }) {
  return <ChoiceSelect {...rest} value={String(value)} onChange={onChange} all={all} choices={YEARS.map((y) => [String(y), t("common.yearN", { year: y })] as const)} />;
}

/** A quarter picker: "第1季度" by default, or `named` (e.g. "截至第1季度"), led by `all` when given. */
export function QuarterSelect({ value, onChange, all, named, ...rest }: SelectProps & { value: string | number; onChange(quarter: string): void; all?: string; named?(quarter: number): string }) {
  const name = named ?? ((quarter: number) => t("common.quarterN", { quarter }));
  return <ChoiceSelect {...rest} value={String(value)} onChange={onChange} all={all} choices={[1, 2, 3, 4].map((q) => [String(q), name(q)] as const)} />;
}

/** The search box of a filter bar; the bar's submit applies it. */
export function SearchInput({ id, value, onInput, placeholder }: { id: string; value: string; onInput(value: string): void; placeholder: string }) {
  return <input id={id} type="search" value={value} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} placeholder={placeholder} />;
}

/** The bar's apply button. */
export function ApplyButton() {
  return (
    <button type="submit" class="btn btn--small">
      {t("filters.apply")}
    </button>
  );
}
