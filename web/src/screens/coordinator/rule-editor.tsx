/**
 * One rule of a program's rule set: on or off, and its numeric parameters as inputs built from the
 * rule's JSON schema (amounts ending in "Fen" typed in 元). Saved with PUT and If-Match "version".
 */
import { useState } from "preact/hooks";
import { ApiFailure, send, versionTag } from "../../api/client";
import type { ProgramRule } from "../../api/types";
import { CheckRow, describe, FieldRow } from "../../components/field";
import { Tag } from "../../components/badge";
import { dateTime } from "../../format/date";
import { fenToYuan, parseYuan } from "../../format/money";
import { pick, t, type MessageKey } from "../../i18n";
import { label, RULE_PARAM } from "../../labels";
import { useUnsavedChanges } from "../../unsaved";

const isMoney = (key: string) => /Fen$/.test(key);

function numericKeys(rule: ProgramRule): string[] {
  return Object.entries(rule.paramsSchema.properties ?? {})
    .filter(([, s]) => s.type === "integer" || s.type === "number")
    .map(([k]) => k);
}

/** Yes/no parameters (e.g. the annual agreement counts only with its signed copy attached), as checkboxes. */
function booleanKeys(rule: ProgramRule): string[] {
  return Object.entries(rule.paramsSchema.properties ?? {})
    .filter(([, s]) => s.type === "boolean")
    .map(([k]) => k);
}

function initialText(rule: ProgramRule): Record<string, string> {
  return Object.fromEntries(numericKeys(rule).map((k) => [k, isMoney(k) ? fenToYuan(Number(rule.params[k] ?? 0)) : String(rule.params[k] ?? "")]));
}

export function RuleEditor({ program, rule: initial, canEdit }: { program: string; rule: ProgramRule; canEdit: boolean }) {
  const [rule, setRule] = useState(initial);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [text, setText] = useState(() => initialText(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const keys = numericKeys(rule);
  const flags = booleanKeys(rule);
  const [flagValues, setFlagValues] = useState<Record<string, boolean>>(() => Object.fromEntries(flags.map((k) => [k, Boolean(initial.params[k])])));
  const others = Object.keys(rule.paramsSchema.properties ?? {}).filter((k) => !keys.includes(k) && !flags.includes(k));
  const idOf = (k: string) => `rule-${rule.id}-${k}`;
  const markSaved = useUnsavedChanges({ enabled, text, flagValues });

  const save = async (e: Event) => {
    e.preventDefault();
    const params: Record<string, number | boolean> = { ...flagValues };
    const bad: Record<string, string> = {};
    for (const k of keys) {
      const raw = (text[k] ?? "").trim();
      if (isMoney(k)) {
        const p = parseYuan(raw);
        if (p.ok) params[k] = p.fen;
        else bad[k] = t("form.moneyFormat");
      } else if (/^-?\d+(\.\d+)?$/.test(raw)) params[k] = Number(raw);
      else bad[k] = t("form.intFormat");
    }
    setErrors(bad);
    setMessage(null);
    if (Object.keys(bad).length) return;
    try {
      const { data } = await send<ProgramRule>("PUT", `/api/programs/${program}/rules/${rule.id}`, { enabled, params }, { ifMatch: versionTag(rule.version) });
      markSaved();
      setRule(data);
      setText(initialText(data));
      setMessage({ tone: "ok", text: t("rules.saved", { version: data.version }) });
    } catch (err) {
      if (err instanceof ApiFailure) {
        const byField: Record<string, string> = {};
        for (const d of err.details) {
          const k = d.path?.replace(/^body\.params\./, "").split(".")[0];
          if (k && keys.includes(k)) byField[k] = d.message;
        }
        setErrors(byField);
        setMessage({ tone: "danger", text: err.message });
      } else setMessage({ tone: "danger", text: t("common.networkError") });
    }
  };

  return (
    <li class={`rule-config${enabled ? "" : " is-disabled"}`}>
      <form onSubmit={save} noValidate>
        <div class="rule-config__head">
          <h2>{pick(rule.title)}</h2>
          <Tag>{t(`rules.period.${rule.period}` as MessageKey)}</Tag>
        </div>
        <p class="rule__clause">{t("rule.clause", { clause: rule.clause })}</p>
        <details class="rule-config__quote">
          <summary>{t("rules.quote")}</summary>
          <blockquote>{rule.quote}</blockquote>
        </details>
        <div class="rule-config__fields">
          <CheckRow id={idOf("enabled")} label={t("rules.enabled")} checked={enabled} onChange={setEnabled} />
          {flags.map((k) => (
            <CheckRow key={k} id={idOf(k)} label={label(RULE_PARAM, k)} checked={flagValues[k] ?? false} onChange={(v) => canEdit && setFlagValues((x) => ({ ...x, [k]: v }))} />
          ))}
          {keys.map((k) => {
            const s = rule.paramsSchema.properties?.[k];
            const help = isMoney(k) ? t("rules.moneyParam") : s?.minimum !== undefined && s?.maximum !== undefined ? t("rules.range", { min: s.minimum, max: s.maximum }) : null;
            return (
              <FieldRow key={k} id={idOf(k)} label={`${s?.title ?? label(RULE_PARAM, k)}${isMoney(k) ? t("form.yuanSuffix") : ""}`} error={errors[k] ?? null} help={help}>
                <input
                  {...describe(idOf(k), errors[k], help)}
                  type="text"
                  inputMode="decimal"
                  value={text[k] ?? ""}
                  readOnly={!canEdit}
                  onInput={(e) => setText((x) => ({ ...x, [k]: (e.currentTarget as HTMLInputElement).value }))}
                />
              </FieldRow>
            );
          })}
        </div>
        {others.length ? <p class="muted small">{t("rules.otherParams", { keys: others.map((k) => `${k} = ${JSON.stringify(rule.params[k])}`).join("; ") })}</p> : null}
        <div class="rule-config__foot">
          <span class="muted small">{t("rules.version", { version: rule.version, by: rule.updatedBy, at: dateTime(rule.updatedAt) })}</span>
          {message ? (
            <span class={`text-${message.tone}`} role="status">
              {message.text}
            </span>
          ) : null}
          {canEdit ? (
            <button type="submit" class="btn btn--primary btn--small">
              {t("common.save")}
            </button>
          ) : null}
        </div>
      </form>
    </li>
  );
}
