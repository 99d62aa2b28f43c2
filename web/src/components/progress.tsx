/**
 * A progress bar of actual against expected-by-now and the full target, named for what it measures
 * (`label`, e.g. the rule's title: a screen reader hears "联席会议完成进度, 完成 1 · 全年 2").
 */
import { t } from "../i18n";

export function Progress({ label, actual, expected, target, text, status }: { label: string; actual: number; expected: number | null; target: number | null; text: string; status: string }) {
  const full = Math.max(target ?? 0, expected ?? 0, actual, 1);
  const pct = (n: number) => `${Math.min(100, (n / full) * 100).toFixed(1)}%`;
  return (
    <div class="progress">
      <div
        class={`progress__track progress--${status}`}
        role="progressbar"
        aria-label={t("rule.progress", { rule: label })}
        aria-valuemin={0}
        aria-valuemax={full}
        aria-valuenow={actual}
        aria-valuetext={text}
      >
        <div class="progress__bar" style={{ width: pct(actual) }} />
        {expected !== null && expected > 0 && expected < full ? <div class="progress__mark" style={{ left: pct(expected) }} title={t("rule.expectedMark")} /> : null}
      </div>
      <span class="progress__text">{text}</span>
    </div>
  );
}
