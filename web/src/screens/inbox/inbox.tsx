/**
 * 消息: the notices the user's role addresses — a dispute, a correction, an answer, a returned record, a
 * reminder — newest first; opening one marks it read and goes where it points.
 */
import { send } from "../../api/client";
import { useApi } from "../../api/use-api";
import { ErrorNote, Loading } from "../../components/feedback";
import { dateTime } from "../../format/date";
import { pick, t } from "../../i18n";
import { label, NOTICE_KIND } from "../../labels";
import { navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";
import { refreshUnread } from "./unread";

export interface InboxItem {
  id: number;
  kind: string;
  text: { zh: string; en: string };
  link: string;
  at: string;
  read: boolean;
}

export function InboxScreen() {
  const inbox = useApi<{ items: InboxItem[]; unread: number }>("/api/me/inbox", { limit: 50 });
  const open = async (item: InboxItem) => {
    if (!item.read) await send("POST", "/api/me/inbox/read", { ids: [item.id] }).catch(() => undefined);
    refreshUnread();
    navigate(item.link);
  };
  const readAll = async () => {
    await send("POST", "/api/me/inbox/read", { ids: "all" });
    refreshUnread();
    inbox.reload();
  };
  return (
    <>
      <PageHeader title={t("inbox.title")} subtitle={inbox.data ? t("inbox.unread", { count: inbox.data.unread }) : undefined}>
        <button type="button" class="btn" onClick={() => void readAll()} disabled={!inbox.data?.unread}>
          {t("inbox.readAll")}
        </button>
      </PageHeader>
      {inbox.error ? <ErrorNote error={inbox.error} onRetry={inbox.reload} /> : null}
      {!inbox.data && !inbox.error ? <Loading /> : null}
      {inbox.data ? (
        <section class="card">
          {inbox.data.items.length === 0 ? <p class="muted">{t("inbox.empty")}</p> : null}
          <ul class="inbox">
            {inbox.data.items.map((item) => (
              <li key={item.id} class={`inbox__item${item.read ? "" : " is-unread"}`}>
                <button type="button" class="inbox__open" onClick={() => void open(item)}>
                  <span class="inbox__kind">{label(NOTICE_KIND, item.kind)}</span>
                  <span class="inbox__text">{pick(item.text)}</span>
                  <time class="inbox__at">{dateTime(item.at)}</time>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
