/** Rule results as cards: status, title, the explanation in the current language, and progress. */
import { useState } from "preact/hooks";
import type { RuleResult } from "../../api/types";
import { StatusBadge } from "../../components/badge";
import { Progress } from "../../components/progress";
import { bySeverity, ruleProgressText } from "../../format/rule-figures";
import { pick, t } from "../../i18n";

const LONG = 110;

/** An explanation; a long one (a list of towns…) is cut to three lines until expanded. */
function Explanation({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (text.length <= LONG) return <p class="rule__explanation">{text}</p>;
  return (
    <div>
      <p class={`rule__explanation${open ? "" : " is-clamped"}`}>{text}</p>
      <button type="button" class="btn btn--link btn--small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t("rule.less") : t("rule.more")}
      </button>
    </div>
  );
}

export function RuleCard({ result }: { result: RuleResult }) {
  const r = result;
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
      {r.clause ? <p class="rule__clause">{t("rule.clause", { clause: r.clause })}</p> : null}
    </li>
  );
}

export function RuleList({ results }: { results: RuleResult[] }) {
  if (!results.length) return <p class="muted">{t("rule.none")}</p>;
  return (
    <ul class="rules">
      {bySeverity(results).map((r) => (
        <RuleCard key={r.rule} result={r} />
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
