/**
 * A labelled form row: <label for> tied to the control, the hint and the error tied to it by
 * aria-describedby, and the error shown right under the control.
 */
import type { ComponentChildren } from "preact";

/** The aria attributes a control in a FieldRow carries. */
export function describe(id: string, error?: string | null, help?: string | null) {
  const ids = [help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? ("true" as const) : undefined, "aria-describedby": ids || undefined };
}

export function FieldRow({
  id,
  label,
  required,
  error,
  help,
  children,
  wide,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string | null;
  help?: string | null;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <div class={`field${error ? " has-error" : ""}${wide ? " field--wide" : ""}`} data-field={id}>
      <label for={id} class="field__label">
        {label}
        {required ? (
          <span class="field__req" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      {help ? (
        <p id={`${id}-help`} class="field__help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label after it. */
export function CheckRow({ id, label, checked, onChange, error }: { id: string; label: string; checked: boolean; onChange(v: boolean): void; error?: string | null }) {
  return (
    <div class={`field field--check${error ? " has-error" : ""}`} data-field={id}>
      <input type="checkbox" {...describe(id, error)} checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{label}</label>
      {error ? (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
