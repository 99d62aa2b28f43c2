/**
 * Work that takes a while (an import, an export): a moving bar that claims no percentage it cannot
 * know, the seconds gone, and the bytes sent (an upload) or received (a download) so far.
 */
import { useEffect, useState } from "preact/hooks";
import { fileSize } from "../format/size";
import { t } from "../i18n";

/** Seconds since `since` (a Date.now() value), ticking each second while it is set. */
export function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * An indeterminate progress bar with what is happening and for how long.
 * `sent` is an upload's bytes sent (of its total), `received` a download's bytes received.
 * @example <Busy label="正在导入…" since={started} sent={{ sent: 1e6, total: 3e6 }} />
 */
export function Busy({ label, since, sent, received }: { label: string; since: number; sent?: { sent: number; total: number | null } | null; received?: number | null }) {
  const seconds = useElapsed(since);
  const uploaded = sent ? (sent.total !== null && sent.sent >= sent.total ? t("busy.sentAll", { total: fileSize(sent.total) }) : t("busy.sent", { sent: fileSize(sent.sent), total: sent.total === null ? "?" : fileSize(sent.total) })) : null;
  const downloaded = received ? t("busy.received", { received: fileSize(received) }) : null;
  const text = [label, uploaded, downloaded, t("busy.elapsed", { s: seconds })].filter(Boolean).join(" · ");
  return (
    <div class="busy" role="status" aria-live="polite">
      <div class="busy__track" role="progressbar" aria-label={label} aria-valuetext={text}>
        <div class="busy__bar" />
      </div>
      <span class="busy__text">{text}</span>
    </div>
  );
}
