/**
 * Rule results as cards: status, title, the explanation in the current language, progress, and the
 * clause — cited by its document's title and number, with the sentence quoted — and, given where
 * the results come from, a button opening the records behind the figure (核查依据).
 */
import { useState } from "preact/hooks";
import { useCached } from "../../api/cache";
import type { ProgramInfo } from "../../api/programs";
import type { RuleResult } from "../../api/types";
import { StatusBadge } from "../../components/badge";
import { Progress } from "../../components/progress";
import { clauseLabel } from "../../../../src/rules/clause-label";
import { bySeverity, ruleProgressText } from "../../format/rule-figures";
import { pick, t } from "../../i18n";
import { EvidenceDialog, type EvidenceScope } from "./evidence-dialog";

const LONG = 110;

/** An explanation or a quote; a long one (a list of towns, a whole clause) is cut short until expanded. */
function Explanation({ text, class: base = "rule__explanation" }: { text: string; class?: string }) {
  const [open, setOpen] = useState(false);
  if (text.length <= LONG) return <p class={base}>{text}</p>;
  return (
    <div>
      <p class={`${base}${open ? "" : " is-clamped"}`}>{text}</p>
      <button type="button" class="btn btn--link btn--small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t("rule.less") : t("rule.more")}
      </button>
    </div>
  );
}

export function RuleCard({ result, documents, scope }: { result: RuleResult; documents: readonly ProgramInfo[]; scope?: EvidenceScope }) {
  const r = result;
  const [open, setOpen] = useState(false);
  const clause = r.clause ? clauseLabel(r.clause, documents) : null;
  return (
    <li class={`rule rule--${r.status}`} data-rule={r.rule}>
      <div class="rule__head">
        <StatusBadge status={r.status} />
        <h3 class="rule__title">{pick(r.title)}</h3>
      </div>
      <Explanation text={pick(r.explanation)} />
      {r.status !== "not_applicable" && r.actual !== null ? (
        <Progress label={pick(r.title)} actual={r.actual} expected={r.expected} target={r.target} text={ruleProgressText(r)} status={r.status} />
      ) : null}
      {clause ? <p class="rule__clause">{t("rule.clause", { clause })}</p> : null}
      {r.quote ? <Explanation text={t("rule.quote", { quote: r.quote })} class="rule__quote" /> : null}
      {scope ? (
        <button type="button" class="btn btn--link btn--small" onClick={() => setOpen(true)}>
          {t("rule.evidence")}
        </button>
      ) : null}
      {open && scope ? <EvidenceDialog scope={scope} result={r} clause={clause} onClose={() => setOpen(false)} /> : null}
    </li>
  );
}

/**
 * @param scope where the results were judged (unit, program, period): given, each card opens its records.
 */
export function RuleList({ results, scope }: { results: RuleResult[]; scope?: EvidenceScope }) {
  const documents = useCached<{ items: ProgramInfo[] }>("/api/programs").data?.items ?? [];
  if (!results.length) return <p class="muted">{t("rule.none")}</p>;
  return (
    <ul class="rules">
      {bySeverity(results).map((r) => (
        <RuleCard key={r.rule} result={r} documents={documents} scope={scope} />
      ))}
    </ul>
  );
}

/** "通过 3 · 预警 1 · 未达标 2" for a set of results. */
export function RuleCounts({ results }: { results: { status: string }[] }) {
  const n = (s: string) => results.filter((r) => r.status === s).length;
  return (
    <span class="rule-counts">
      <span class="rule-counts__pass">{t("rule.countPass", { n: n("pass") })}</span>
      <span class="rule-counts__warn">{t("rule.countWarn", { n: n("warn") })}</span>
      <span class="rule-counts__fail">{t("rule.countFail", { n: n("fail") })}</span>
    </span>
  );
}
