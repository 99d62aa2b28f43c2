/**
 * Between a record and its form: every input holds text (or a checkbox's boolean); on save the text
 * becomes the API's values — money from 元 to integer fen, counts to integers — and what the user
 * typed stays in the form whatever the answer.
 */
import { fenToYuan, parseYuan } from "../format/money";
import { t } from "../i18n";
import type { FieldDef } from "./resources";
import { normalizeDay } from "../../../src/periods/period";

export type RawValues = Record<string, string | boolean>;

/** A record's values as the form's text. */
export function toRaw(fields: FieldDef[], record: Record<string, unknown> | null, defaults: RawValues = {}): RawValues {
  const raw: RawValues = {};
  for (const f of fields) {
    const v = record ? record[f.key] : undefined;
    if (f.kind === "bool") raw[f.key] = v === undefined || v === null ? Boolean(defaults[f.key] ?? false) : Boolean(v);
    else if (v === undefined || v === null) raw[f.key] = (defaults[f.key] as string | undefined) ?? "";
    else if (f.kind === "money") raw[f.key] = fenToYuan(Number(v));
    else raw[f.key] = String(v);
  }
  return raw;
}

const MONEY_ERRORS = {
  format: "form.moneyFormat",
  decimals: "form.moneyDecimals",
  negative: "form.moneyNegative",
  too_large: "form.moneyTooLarge",
} as const;

/** One field's text as its API value; an error message when the text cannot be one. */
export function parseField(f: FieldDef, value: string | boolean): { value: unknown; error?: string } {
  if (f.kind === "bool") return { value: Boolean(value) };
  const text = String(value ?? "").trim();
  if (text === "") return { value: f.kind === "text" && f.required ? "" : null };
  if (f.kind === "money") {
    const parsed = parseYuan(text);
    return parsed.ok ? { value: parsed.fen } : { value: null, error: t(MONEY_ERRORS[parsed.reason]) };
  }
  if (f.kind === "int") {
    if (!/^\d+$/.test(text.replace(/[,，]/g, ""))) return { value: null, error: t("form.intFormat") };
    const n = Number(text.replace(/[,，]/g, ""));
    return Number.isSafeInteger(n) ? { value: n } : { value: null, error: t("form.intFormat") };
  }
  if (f.kind === "date") {
    const day = normalizeDay(text);
    return day ? { value: day } : { value: null, error: t("form.dateFormat") };
  }
  return { value: text };
}

/**
 * The body to send: on create every filled field (and required text even when empty, so the API
 * names it); on update only what changed, a cleared field as null. Client-side errors by field.
 */
export function toBody(fields: FieldDef[], raw: RawValues, original: RawValues | null): { body: Record<string, unknown>; errors: Record<string, string> } {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const value = raw[f.key] ?? (f.kind === "bool" ? false : "");
    if (original && value === original[f.key]) continue;
    const parsed = parseField(f, value);
    if (parsed.error) {
      errors[f.key] = parsed.error;
      continue;
    }
    if (!original && (parsed.value === null || (f.kind === "bool" && parsed.value === false))) continue;
    body[f.key] = parsed.value;
  }
  return { body, errors };
}

/** API error details mapped to fields ("body.amountFen" → amountFen); the rest stay general. */
export function mapDetails(details: { path?: string; message: string }[], keys: string[]): { byField: Record<string, string>; general: string[] } {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const d of details) {
    const key = d.path?.replace(/^body\./, "").split(".")[0];
    if (key && keys.includes(key)) byField[key] = byField[key] ? `${byField[key]}；${d.message}` : d.message;
    else general.push(d.message);
  }
  return { byField, general };
}
