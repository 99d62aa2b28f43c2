/**
 * The parts of the user forms that depend on the role: the unit picker (units searched and paged from
 * GET /api/units) for unit roles, the program checkboxes (GET /api/programs) for coordinators.
 */
export { UnitPicker } from "../../components/unit-picker";
import { useCached } from "../../api/cache";
import type { ProgramInfo } from "../../api/programs";
import type { Role, UnitRow } from "../../api/types";
import { describe, FieldRow } from "../../components/field";
import { pick, t } from "../../i18n";
import { label, ROLE } from "../../labels";
import { session } from "../../session";

export const ROLES: readonly Role[] = ["admin", "coordinator", "unit_admin", "unit_editor", "viewer", "recipient"];

/** The roles tied to one unit: they need a unit, the others must not have one. */
export const UNIT_ROLES: readonly Role[] = ["unit_admin", "unit_editor", "viewer"];

export const isUnitRole = (role: string) => (UNIT_ROLES as readonly string[]).includes(role);

/** The fields the users API reports errors on (details[].path "body.<field>"). */
export const USER_FIELDS = ["username", "displayName", "password", "role", "unit", "programs", "areaCode", "disabled"];

/** Every unit's name by slug (the API's largest page; for labels, not for picking). */
export function useUnitNames(): (slug: string | null) => string {
  const { data } = useCached<{ items: UnitRow[] }>("/api/units?limit=500");
  return (slug) => (slug ? (data?.items.find((u) => u.slug === slug)?.name ?? slug) : "—");
}

/** The programs, named in the UI's language. */
export function usePrograms(): { slug: string; name: string }[] {
  const { data } = useCached<{ items: ProgramInfo[] }>("/api/programs");
  return (data?.items ?? []).map((p) => ({ slug: p.slug, name: pick([p.name, p.nameEn ?? p.name]) }));
}

/** The roles the signed-in user may give: a unit admin its own unit's staff roles only. */
export function grantableRoles(): readonly Role[] {
  return session.get()?.user.role === "unit_admin" ? UNIT_ROLES : ROLES;
}

/** The unit a unit admin's forms are held to (its own), or null for a platform admin. */
export function fixedUnit(): string | null {
  const user = session.get()?.user;
  return user?.role === "unit_admin" ? user.unit : null;
}

export function RoleSelect({ id, value, error, onChange }: { id: string; value: Role; error?: string | undefined; onChange(role: Role): void }) {
  return (
    <FieldRow id={id} label={t("users.role")} required error={error ?? null}>
      <select {...describe(id, error)} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Role)}>
        {grantableRoles().map((r) => (
          <option key={r} value={r}>
            {label(ROLE, r)}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

/** The programs a coordinator coordinates, as checkboxes in a labelled group. */
export function ProgramChecks({ id, value, error, onChange }: { id: string; value: string[]; error?: string | undefined; onChange(programs: string[]): void }) {
  const programs = usePrograms();
  const help = t("users.programsHelp");
  const toggle = (slug: string, on: boolean) => onChange(on ? [...value.filter((s) => s !== slug), slug] : value.filter((s) => s !== slug));
  return (
    <fieldset
      id={id}
      class={`field${error ? " has-error" : ""}`}
      data-field={id}
      tabIndex={-1}
      aria-describedby={[`${id}-help`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
      aria-invalid={error ? "true" : undefined}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
    >
      <legend class="field__label" style={{ padding: 0, marginBottom: "4px" }}>
        {t("users.programs")}
        <span class="field__req" aria-hidden="true">
          *
        </span>
      </legend>
      {programs.map((p) => (
        <div key={p.slug} style={{ display: "flex", alignItems: "center", gap: "8px", minHeight: "28px" }}>
          <input type="checkbox" id={`${id}-${p.slug}`} value={p.slug} checked={value.includes(p.slug)} onChange={(e) => toggle(p.slug, (e.currentTarget as HTMLInputElement).checked)} />
          <label for={`${id}-${p.slug}`}>{p.name}</label>
        </div>
      ))}
      <p id={`${id}-help`} class="field__help">
        {help}
      </p>
      {error ? (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Moves the keyboard focus to the first field the API found fault with. */
export function focusFirstError(prefix: string, byField: Record<string, string>): void {
  const first = USER_FIELDS.find((f) => byField[f]);
  if (!first) return;
  setTimeout(() => {
    const el = document.getElementById(`${prefix}-${first}`);
    const target = el?.tagName === "FIELDSET" ? (el.querySelector("input") ?? el) : el;
    target?.focus();
  }, 0);
}
