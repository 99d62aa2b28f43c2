/**
 * Creating a user (POST /api/users) and editing one (PATCH /api/users/{id} with If-Match from the
 * GET's ETag). The unit picker shows only for unit roles, the programs only for coordinators; the
 * API judges everything else, and each of its field errors is shown next to its field.
 */
import { useEffect, useState } from "preact/hooks";
import { ApiFailure, send, versionTag } from "../../api/client";
import type { Role, UserRow } from "../../api/types";
import { Dialog } from "../../components/dialog";
import { CheckRow, describe, FieldRow } from "../../components/field";
import { ErrorNote, Loading } from "../../components/feedback";
import { t } from "../../i18n";
import { mapDetails } from "../../ledger/form-values";
import { AreaPicker } from "../../components/area-picker";
import { useUnsavedChanges } from "../../unsaved";
import { fixedUnit, focusFirstError, isUnitRole, ProgramChecks, RoleSelect, UnitPicker, USER_FIELDS } from "./users-fields";
import { FormActions } from "../../components/form-actions";

/** The API's answer as field errors and the lines shown above the form. */
function explain(err: unknown): { byField: Record<string, string>; general: string[] } {
  if (!(err instanceof ApiFailure)) return { byField: {}, general: [t("common.networkError")] };
  const { byField, general } = mapDetails(err.details, USER_FIELDS);
  return { byField, general: [err.message, ...general] };
}

function General({ lines }: { lines: string[] }) {
  return lines.length ? (
    <div id="user-form-general" class="notice notice--error" role="alert">
      {lines.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  ) : null;
}

export function CreateUserDialog({ onClose, onCreated }: { onClose(): void; onCreated(u: UserRow): void }) {
  const [v, setV] = useState({ username: "", displayName: "", password: "", role: "unit_editor" as Role, unit: "", programs: [] as string[], areaCode: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const markSaved = useUnsavedChanges(v);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors((e) => ({ ...e, [k]: "" }));
  };
  const text = (k: "username" | "displayName" | "password") => (e: Event) => set(k, (e.currentTarget as HTMLInputElement).value);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral([]);
    const body: Record<string, unknown> = { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, role: v.role };
    if (isUnitRole(v.role) && (fixedUnit() ?? v.unit)) body.unit = fixedUnit() ?? v.unit;
    if (v.role === "coordinator") body.programs = v.programs;
    if (v.role === "recipient" && v.areaCode) body.areaCode = v.areaCode;
    try {
      const { data } = await send<UserRow>("POST", "/api/users", body);
      markSaved();
      onCreated(data);
    } catch (err) {
      const { byField, general: lines } = explain(err);
      setErrors(byField);
      setGeneral(lines);
      focusFirstError("user", byField);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("users.create")} onClose={onClose}>
      <form class="form" onSubmit={submit} noValidate aria-describedby={general.length ? "user-form-general" : undefined}>
        <General lines={general} />
        <FieldRow id="user-username" label={t("users.username")} required error={errors.username || null} help={t("users.usernameHelp")}>
          <input {...describe("user-username", errors.username, t("users.usernameHelp"))} type="text" value={v.username} onInput={text("username")} autoComplete="off" spellcheck={false} />
        </FieldRow>
        <FieldRow id="user-displayName" label={t("users.displayName")} required error={errors.displayName || null}>
          <input {...describe("user-displayName", errors.displayName)} type="text" value={v.displayName} onInput={text("displayName")} autoComplete="off" />
        </FieldRow>
        <FieldRow id="user-password" label={t("users.password")} required error={errors.password || null} help={t("users.passwordHelp")}>
          <input {...describe("user-password", errors.password, t("users.passwordHelp"))} type="password" value={v.password} onInput={text("password")} autoComplete="new-password" />
        </FieldRow>
        <RoleSelect id="user-role" value={v.role} error={errors.role || undefined} onChange={(r) => set("role", r)} />
        {isUnitRole(v.role) && !fixedUnit() ? <UnitPicker id="user-unit" value={v.unit} error={errors.unit || undefined} onChange={(s) => set("unit", s)} /> : null}
        {v.role === "coordinator" ? <ProgramChecks id="user-programs" value={v.programs} error={errors.programs || undefined} onChange={(p) => set("programs", p)} /> : null}
        {v.role === "recipient" ? <AreaPicker id="user-area" label={t("users.area")} help={t("users.areaHelp")} value={v.areaCode} error={errors.areaCode} onChange={(a) => set("areaCode", a)} /> : null}
        <FormActions busy={busy} onClose={onClose} submit={t("users.createSubmit")} />
      </form>
    </Dialog>
  );
}

interface EditValues {
  displayName: string;
  role: Role;
  unit: string;
  programs: string[];
  areaCode: string;
  disabled: boolean;
  password: string;
}

const valuesOf = (u: UserRow): EditValues => ({ displayName: u.displayName, role: u.role, unit: u.unit ?? "", programs: [...u.programs], areaCode: u.areaCode ?? "", disabled: u.disabled, password: "" });

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed: a role without a unit loses its unit, a non-coordinator its programs. */
function changes(stored: UserRow, v: EditValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (v.displayName.trim() !== stored.displayName) body.displayName = v.displayName.trim();
  if (v.role !== stored.role) body.role = v.role;
  const unit = isUnitRole(v.role) ? v.unit || null : null;
  if (unit !== stored.unit) body.unit = unit;
  const programs = v.role === "coordinator" ? v.programs : [];
  if (!sameSet(programs, stored.programs)) body.programs = programs;
  const areaCode = v.role === "recipient" ? v.areaCode || null : null;
  if (areaCode !== (stored.areaCode ?? null)) body.areaCode = areaCode;
  if (v.disabled !== stored.disabled) body.disabled = v.disabled;
  if (v.password) body.password = v.password;
  return body;
}

export function EditUserDialog({ id, self, unitName, onClose, onSaved }: { id: string; self: boolean; unitName(slug: string | null): string; onClose(): void; onSaved(u: UserRow): void }) {
  const [stored, setStored] = useState<{ user: UserRow; etag: string } | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [v, setV] = useState<EditValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Unsaved: what saving would send (nothing until the user is loaded and changed).
  const markSaved = useUnsavedChanges(stored && v ? changes(stored.user, v) : {});

  const fetchUser = async () => {
    const { data, etag } = await send<UserRow>("GET", `/api/users/${encodeURIComponent(id)}`);
    const loaded = { user: data, etag: etag ?? versionTag(data.version ?? 1) };
    setStored(loaded);
    setV(valuesOf(data));
    return loaded;
  };

  useEffect(() => {
    setLoadError(null);
    fetchUser().catch((e: Error) => setLoadError(e));
  }, [id]);

  const set = <K extends keyof EditValues>(k: K, value: EditValues[K]) => {
    setV((x) => (x ? { ...x, [k]: value } : x));
    setErrors((e) => ({ ...e, [k]: "" }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!stored || !v) return;
    const body = changes(stored.user, v);
    setErrors({});
    setGeneral([]);
    if (Object.keys(body).length === 0) return setGeneral([t("users.noChanges")]);
    setBusy(true);
    try {
      const { data } = await send<UserRow>("PATCH", `/api/users/${encodeURIComponent(id)}`, body, { ifMatch: stored.etag });
      markSaved();
      onSaved(data);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 412) {
        // Someone saved first: show their version, and let the admin decide again.
        await fetchUser().catch(() => undefined);
        setGeneral([t("users.stale")]);
      } else {
        const { byField, general: lines } = explain(err);
        setErrors(byField);
        setGeneral(lines);
        focusFirstError("user", byField);
      }
    } finally {
      setBusy(false);
    }
  };

  const title = stored ? t("users.editOf", { name: stored.user.displayName }) : t("users.edit");
  return (
    <Dialog title={title} onClose={onClose}>
      {loadError ? <ErrorNote error={loadError} /> : null}
      {!stored && !loadError ? <Loading /> : null}
      {stored && v ? (
        <form class="form" onSubmit={submit} noValidate aria-describedby={general.length ? "user-form-general" : undefined}>
          <General lines={general} />
          <FieldRow id="user-username" label={t("users.username")} help={t("users.usernameHelp")}>
            <input {...describe("user-username", null, t("users.usernameHelp"))} type="text" value={stored.user.username} readOnly />
          </FieldRow>
          <FieldRow id="user-displayName" label={t("users.displayName")} required error={errors.displayName || null}>
            <input {...describe("user-displayName", errors.displayName)} type="text" value={v.displayName} onInput={(e) => set("displayName", (e.currentTarget as HTMLInputElement).value)} autoComplete="off" />
          </FieldRow>
          <RoleSelect id="user-role" value={v.role} error={errors.role || undefined} onChange={(r) => set("role", r)} />
          {isUnitRole(v.role) && !fixedUnit() ? <UnitPicker id="user-unit" value={v.unit} knownName={v.unit ? unitName(v.unit) : undefined} error={errors.unit || undefined} onChange={(s) => set("unit", s)} /> : null}
          {v.role === "coordinator" ? <ProgramChecks id="user-programs" value={v.programs} error={errors.programs || undefined} onChange={(p) => set("programs", p)} /> : null}
          {v.role === "recipient" ? <AreaPicker id="user-area" label={t("users.area")} help={t("users.areaHelp")} value={v.areaCode} error={errors.areaCode} onChange={(a) => set("areaCode", a)} /> : null}
          <FieldRow id="user-password" label={t("users.newPassword")} error={errors.password || null} help={t("users.newPasswordHelp")}>
            <input {...describe("user-password", errors.password, t("users.newPasswordHelp"))} type="password" value={v.password} onInput={(e) => set("password", (e.currentTarget as HTMLInputElement).value)} autoComplete="new-password" />
          </FieldRow>
          {self ? null : (
            <div>
              <CheckRow id="user-disabled" label={t("users.disable")} checked={v.disabled} error={errors.disabled || null} onChange={(on) => set("disabled", on)} />
            </div>
          )}
          <FormActions busy={busy} onClose={onClose} />
        </form>
      ) : null}
    </Dialog>
  );
}
