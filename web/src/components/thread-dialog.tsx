/**
 * A record's thread, as either side sees it: the recipient's standing, every entry (who, which side, what
 * it said, about which version) oldest first, and a box to add one. The same dialog serves the helper's
 * ledger (GET/POST /api/t/{unit}/{resource}/{id}/thread) and the recipient (GET/POST
 * /api/recipient/claims/{unit}/{entity}/{id}/thread).
 */
import { useState } from "preact/hooks";
import { send } from "../api/client";
import { useApi } from "../api/use-api";
import { dateTime } from "../format/date";
import { fenToWan } from "../format/money";
import { t } from "../i18n";
import { label, STANDING, THREAD_KIND, THREAD_SIDE } from "../labels";
import { Attachments } from "./attachments";
import { Tag } from "./badge";
import { Dialog } from "./dialog";
import { describe, FieldRow } from "./field";
import { ErrorNote, Loading, Notice } from "./feedback";
import { FormActions } from "./form-actions";
import { useForm } from "./use-form";

export interface ThreadEntry {
  id: number;
  recordVersion: number;
  kind: string;
  side: "helper" | "recipient" | "coordinator";
  authorName: string;
  text: string;
  amountFen: number | null;
  date: string | null;
  at: string;
}

export type Standing = "unconfirmed" | "confirmed" | "disputed" | "amended";

/** The standing as a tag: confirmed green, disputed red, waiting amber. */
export function StandingTag({ standing }: { standing: Standing | null | undefined }) {
  if (!standing) return null;
  const tone = standing === "confirmed" ? "ok" : standing === "disputed" ? "danger" : standing === "amended" ? "warn" : "neutral";
  return <Tag tone={tone}>{label(STANDING, standing)}</Tag>;
}

export function ThreadDialog({ path, title, canPost, onClose, onPosted, evidence }: { path: string; title: string; canPost: boolean; onClose(): void; onPosted?(): void; evidence?: { record: string; fileOf(id: string): string; canUpload: boolean } }) {
  const thread = useApi<{ standing?: Standing | null; claim?: { standing: Standing | null }; entries: ThreadEntry[] }>(path);
  const [text, setText] = useState("");
  const form = useForm(["text"], text);
  const post = form.submit(async () => {
    await send("POST", path, { text });
    setText("");
    thread.reload();
    onPosted?.();
  });
  const standing = thread.data ? (thread.data.standing ?? thread.data.claim?.standing ?? null) : null;
  return (
    <Dialog title={title} onClose={onClose} wide>
      {thread.error ? <ErrorNote error={thread.error} onRetry={thread.reload} /> : null}
      {!thread.data && !thread.error ? <Loading /> : null}
      {thread.data ? (
        <>
          <p>
            {t("thread.standing")} <StandingTag standing={standing} />
          </p>
          {thread.data.entries.length === 0 ? <p class="muted">{t("thread.empty")}</p> : null}
          <ol class="thread" aria-label={t("thread.entries")}>
            {thread.data.entries.map((e) => (
              <li key={e.id} class={`thread__entry thread__entry--${e.side}`} data-kind={e.kind}>
                <div class="thread__meta">
                  <strong>{e.authorName}</strong>（{label(THREAD_SIDE, e.side)}） · {label(THREAD_KIND, e.kind)} · {t("thread.version", { version: e.recordVersion })} · <time>{dateTime(e.at)}</time>
                </div>
                <p class="thread__text">{e.text}</p>
                {e.amountFen !== null ? <p class="muted">{t("thread.arrived", { wan: fenToWan(e.amountFen), date: e.date ?? "—" })}</p> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {evidence ? <Attachments record={evidence.record} fileOf={evidence.fileOf} canUpload={evidence.canUpload} /> : null}
      {canPost ? (
        <form class="form" onSubmit={post} noValidate>
          {form.general ? <Notice tone="error">{form.general}</Notice> : null}
          <FieldRow id="thread-text" label={t("thread.write")} error={form.errors.text ?? null}>
            <textarea {...describe("thread-text", form.errors.text)} rows={3} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          </FieldRow>
          <FormActions busy={form.busy} onClose={onClose} submit={t("thread.send")} />
        </form>
      ) : null}
    </Dialog>
  );
}
