/** Small labels: rule status, demo data, stale snapshot, record state. */
import type { ComponentChildren } from "preact";
import type { RuleStatus } from "../api/types";
import { t, type MessageKey } from "../i18n";

const STATUS_KEY: Record<RuleStatus, MessageKey> = {
  pass: "status.pass",
  warn: "status.warn",
  fail: "status.fail",
  not_applicable: "status.not_applicable",
};

export function StatusBadge({ status }: { status: RuleStatus }) {
  return <span class={`badge badge--${status}`}>{t(STATUS_KEY[status] ?? "status.not_applicable")}</span>;
}

export function Tag({ tone = "neutral", title, children }: { tone?: "neutral" | "info" | "warn" | "danger" | "ok"; title?: string; children: ComponentChildren }) {
  return (
    <span class={`tag tag--${tone}`} title={title}>
      {children}
    </span>
  );
}

/** Marks demo records ("演示数据"). */
export function DemoTag({ demo }: { demo: unknown }) {
  return demo ? <Tag tone="info">{t("common.demo")}</Tag> : null;
}

/** A rollup snapshot that missed a refresh, with the error as its tooltip. */
export function StaleBadge({ stale, error, takenAt }: { stale: boolean; error: string | null; takenAt: string | null }) {
  if (!stale) return <Tag tone="ok">{t("rollup.fresh")}</Tag>;
  const tip = error ? t("rollup.staleError", { error }) : takenAt ? t("rollup.staleSince", { at: takenAt.slice(0, 16).replace("T", " ") }) : t("rollup.noSnapshot");
  return (
    <span class="tag tag--warn" title={tip} tabIndex={0} aria-label={`${t("rollup.stale")}: ${tip}`}>
      {t("rollup.stale")}
    </span>
  );
}
