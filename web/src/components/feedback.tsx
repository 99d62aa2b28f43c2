/** Loading, empty and error states, and the page-level notice line. */
import type { ComponentChildren } from "preact";
import { ApiFailure } from "../api/client";
import { t } from "../i18n";

export function Loading({ label }: { label?: string }) {
  return (
    <div class="state state--loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state--empty">
      <p class="state__title">{title}</p>
      {children ? <div class="state__body">{children}</div> : null}
    </div>
  );
}

/** An error from the API in the user's language (the API answers in it), or a network failure. */
export function ErrorNote({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const message = error instanceof ApiFailure ? error.message : t("common.networkError");
  return (
    <div class="notice notice--error" role="alert">
      <span>{message}</span>
      {error instanceof ApiFailure && error.details.length > 0 && !error.details.some((d) => d.path?.startsWith("body.")) ? (
        <ul class="notice__details">
          {error.details.slice(0, 5).map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" class="btn btn--small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ tone = "info", children }: { tone?: "info" | "success" | "warn" | "error"; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
