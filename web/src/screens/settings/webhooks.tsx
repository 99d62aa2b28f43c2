/**
 * 群机器人: the WeCom (企业微信) or DingTalk group robots a unit's or a program's notices also go to — added with
 * the robot's URL (and DingTalk's 加签 secret), tested at once, switched off and on. The URL's key and the secret
 * are never shown again.
 */
import { useState } from "preact/hooks";
import { ApiFailure, send, versionTag } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Tag } from "../../components/badge";
import { DataTable } from "../../components/data-table";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { ErrorNote, Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { useForm, valueOf } from "../../components/use-form";
import { dateTime } from "../../format/date";
import { t } from "../../i18n";

interface Webhook {
  id: string;
  format: "wecom" | "dingtalk";
  url: string;
  hasSecret: boolean;
  enabled: boolean;
  version: number;
  lastStatus: string | null;
  lastAt: string | null;
}

function AddDialog({ base, onClose, onSaved }: { base: string; onClose(): void; onSaved(): void }) {
  const [v, setV] = useState({ format: "wecom", url: "", secret: "" });
  const form = useForm(["format", "url", "secret"], v);
  const save = form.submit(async () => {
    await send("POST", base, { format: v.format, url: v.url.trim(), ...(v.secret.trim() ? { secret: v.secret.trim() } : {}) });
    onSaved();
  });
  return (
    <Dialog title={t("hooks.add")} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        <FieldRow id="hook-format" label={t("hooks.format")} error={form.errors.format ?? null}>
          <select {...describe("hook-format", form.errors.format)} value={v.format} onChange={(e) => setV((x) => ({ ...x, format: valueOf(e) }))}>
            <option value="wecom">{t("hooks.wecom")}</option>
            <option value="dingtalk">{t("hooks.dingtalk")}</option>
          </select>
        </FieldRow>
        <FieldRow id="hook-url" label={t("hooks.url")} required error={form.errors.url ?? null} help={t("hooks.urlHelp")}>
          <input {...describe("hook-url", form.errors.url, t("hooks.urlHelp"))} type="url" value={v.url} onInput={(e) => setV((x) => ({ ...x, url: valueOf(e) }))} autoComplete="off" />
        </FieldRow>
        <FieldRow id="hook-secret" label={t("hooks.secret")} error={form.errors.secret ?? null} help={t("hooks.secretHelp")}>
          <input {...describe("hook-secret", form.errors.secret, t("hooks.secretHelp"))} type="password" value={v.secret} onInput={(e) => setV((x) => ({ ...x, secret: valueOf(e) }))} autoComplete="off" />
        </FieldRow>
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}

/** `base` is the list's path: /api/units/{unit}/webhooks or /api/programs/{program}/webhooks. */
export function WebhooksCard({ base }: { base: string }) {
  const list = useApi<{ items: Webhook[] }>(base);
  const [adding, setAdding] = useState(false);
  const [said, setSaid] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const act = async (work: () => Promise<string>) => {
    try {
      setSaid({ tone: "success", text: await work() });
    } catch (err) {
      setSaid({ tone: "error", text: err instanceof ApiFailure ? err.message : t("common.networkError") });
    }
    list.reload();
  };
  const test = (w: Webhook) =>
    act(async () => {
      const { data } = await send<{ delivered: boolean; error: string | null }>("POST", `/api/webhooks/${w.id}/test`);
      return data.delivered ? t("hooks.testOk") : t("hooks.testFailed", { error: data.error ?? "" });
    });
  const toggle = (w: Webhook) =>
    act(async () => {
      await send("PATCH", `/api/webhooks/${w.id}`, { enabled: !w.enabled }, { ifMatch: versionTag(w.version) });
      return w.enabled ? t("hooks.disabled") : t("hooks.enabled");
    });
  return (
    <section class="card" aria-labelledby="hooks-title">
      <div class="card__head">
        <h2 id="hooks-title">{t("hooks.title")}</h2>
        <button type="button" class="btn btn--small" onClick={() => setAdding(true)}>
          {t("hooks.add")}
        </button>
      </div>
      <p class="muted">{t("hooks.help")}</p>
      {said ? <Notice tone={said.tone}>{said.text}</Notice> : null}
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.items.length === 0 ? <p class="muted">{t("hooks.none")}</p> : null}
      {list.data && list.data.items.length ? (
        <DataTable
          rows={list.data.items}
          rowKey={(w) => w.id}
          caption={t("hooks.title")}
          columns={[
            { key: "format", header: t("hooks.format"), nowrap: true, render: (w) => (w.format === "wecom" ? t("hooks.wecom") : t("hooks.dingtalk")) },
            { key: "url", header: t("hooks.url"), render: (w) => <code>{w.url}</code> },
            { key: "state", header: t("hooks.state"), nowrap: true, render: (w) => (w.enabled ? <Tag tone="ok">{t("hooks.on")}</Tag> : <Tag>{t("hooks.off")}</Tag>) },
            { key: "last", header: t("hooks.last"), render: (w) => (w.lastAt ? `${dateTime(w.lastAt)} · ${w.lastStatus ?? ""}` : "—") },
            {
              key: "actions",
              header: t("ledger.actions"),
              headerHidden: true,
              nowrap: true,
              render: (w) => (
                <>
                  <button type="button" class="btn btn--link" onClick={() => void test(w)}>
                    {t("hooks.test")}
                  </button>{" "}
                  <button type="button" class="btn btn--link" onClick={() => void toggle(w)}>
                    {w.enabled ? t("hooks.turnOff") : t("hooks.turnOn")}
                  </button>
                </>
              ),
            },
          ]}
        />
      ) : null}
      {adding ? (
        <AddDialog
          base={base}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setSaid({ tone: "success", text: t("hooks.added") });
            list.reload();
          }}
        />
      ) : null}
    </section>
  );
}
