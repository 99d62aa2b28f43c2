/** One ledger field as a labelled control: text, textarea, select, money in 元, date, checkbox. */
import type { Area, LedgerRecord, Tenant } from "../api/types";
import { useRefOptions } from "../api/unit-data";
import { CheckRow, describe, FieldRow } from "../components/field";
import { pick, t } from "../i18n";
import type { FieldDef } from "./resources";
import { fenToWan, fenYuanText, parseYuan } from "../format/money";
import { normalizeDay } from "../../../src/periods/period";

export interface FieldContext {
  unit: string;
  tenant: Tenant | undefined;
  areas: Area[];
}

interface Props {
  field: FieldDef;
  value: string | boolean;
  error?: string | undefined;
  required?: boolean;
  idPrefix: string;
  ctx: FieldContext;
  onChange(value: string | boolean): void;
}

function refLabel(r: LedgerRecord): string {
  const title = String(r.title ?? r.counterpart ?? r.name ?? r.post ?? r.id);
  return r.demo ? `${title}（${t("common.demo")}）` : title;
}

function RefSelect({ field, value, ctx, attrs, onChange }: { field: FieldDef; value: string; ctx: FieldContext; attrs: ReturnType<typeof describe>; onChange(v: string): void }) {
  const { data } = useRefOptions(ctx.unit, field.ref);
  const items = data?.items ?? [];
  return (
    <select {...attrs} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
      <option value="">{t("form.none")}</option>
      {value && !items.some((r) => r.id === value) ? <option value={value}>{value}</option> : null}
      {items.map((r) => (
        <option key={r.id} value={r.id}>
          {refLabel(r)}
        </option>
      ))}
    </select>
  );
}

export function FieldInput({ field, value, error, required, idPrefix, ctx, onChange }: Props) {
  const id = `${idPrefix}-${field.key}`;
  const label = pick(field.label) + (field.kind === "money" ? t("form.yuanSuffix") : "");
  const text = typeof value === "string" ? value : "";
  // Under an amount the echo of what is typed comes first: a target's help is about the indicators that are not money.
  const help = field.kind === "money" ? moneyHint(text) : field.help ? pick(field.help) : null;
  const attrs = describe(id, error, help);
  const set = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
  const isRequired = required ?? field.required;

  if (field.kind === "bool") return <CheckRow id={id} label={pick(field.label)} checked={Boolean(value)} onChange={onChange} error={error ?? null} />;

  let control;
  if (field.kind === "longText") control = <textarea {...attrs} rows={3} value={text} onInput={set} />;
  else if (field.kind === "enum")
    control = (
      <select {...attrs} value={text} onChange={set}>
        <option value="">{t("form.choose")}</option>
        {Object.entries(field.options ?? {}).map(([v, l]) => (
          <option key={v} value={v}>
            {pick(l)}
          </option>
        ))}
      </select>
    );
  else if (field.kind === "program")
    control = (
      <select {...attrs} value={text} onChange={set}>
        <option value="">{isRequired ? t("form.choose") : t("form.none")}</option>
        {(ctx.tenant?.programs ?? []).map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    );
  else if (field.kind === "area")
    control = (
      <select {...attrs} value={text} onChange={set}>
        <option value="">{isRequired ? t("form.choose") : t("form.none")}</option>
        {text && !ctx.areas.some((a) => a.code === text) ? <option value={text}>{text}</option> : null}
        {ctx.areas.map((a) => (
          <option key={a.code} value={a.code}>
            {a.level < 3 ? `${a.name}（${t("form.wholeArea")}）` : a.name} {a.code}
          </option>
        ))}
      </select>
    );
  else if (field.kind === "ref") control = <RefSelect field={field} value={text} ctx={ctx} attrs={attrs} onChange={onChange} />;
  // Typed as text, not the browser's date control, which shows the browser's locale (12/01/2026 in an
  // English browser): YYYY-MM-DD everywhere, and 2026/3/1 or 2026年3月1日 are taken and written back so on leaving.
  else if (field.kind === "date")
    control = (
      <input
        {...attrs}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="YYYY-MM-DD"
        maxLength={12}
        value={text}
        onInput={set}
        onBlur={(e) => {
          const day = normalizeDay((e.currentTarget as HTMLInputElement).value);
          if (day && day !== text) onChange(day);
        }}
      />
    );
  else if (field.kind === "money") control = <input {...attrs} type="text" inputMode="decimal" autoComplete="off" value={text} onInput={set} placeholder="0.00" />;
  else if (field.kind === "int") control = <input {...attrs} type="text" inputMode="numeric" autoComplete="off" value={text} onInput={set} />;
  else control = <input {...attrs} type="text" value={text} onInput={set} autoComplete="off" />;

  return (
    <FieldRow id={id} label={label} required={isRequired} error={error ?? null} help={help} wide={field.kind === "longText"}>
      {control}
    </FieldRow>
  );
}

/**
 * Under an amount, as it is typed: the amount in 元 and in 万元 — "120" meant as 120万 shows 0.01 万元
 * at once. Until it parses, how to type one.
 */
function moneyHint(text: string): string {
  const parsed = text.trim() ? parseYuan(text) : null;
  return parsed?.ok ? t("form.moneyAs", { yuan: fenYuanText(parsed.fen), wan: fenToWan(parsed.fen, 4) }) : t("form.moneyHelp");
}
