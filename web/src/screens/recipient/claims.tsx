/**
 * 受援地工作台: what every helper of every program records for the recipient's area in a year — money,
 * projects, cadres posted here (name and post), activities — with the area's standing on each record, and
 * the money claimed against the money the area confirmed arrived. The recipient confirms or disputes each
 * record (with a reason) and keeps the conversation on its thread.
 */
import { useState } from "preact/hooks";
import { useApi } from "../../api/use-api";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorNote, Loading, Notice } from "../../components/feedback";
import { FigureCard } from "../../components/figure-card";
import { YearSelect } from "../../components/filters";
import { StandingTag, ThreadDialog } from "../../components/thread-dialog";
import { count, fenToWan } from "../../format/money";
import { t } from "../../i18n";
import { ACTIVITY_KIND, CADRE_STATUS, FUND_KIND, label, PROJECT_STATUS } from "../../labels";
import { href, navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";
import type { ClaimEntity, ClaimRow, Claims } from "./types";
import { VerdictDialog } from "./verdict-dialog";

const ENTITIES: ClaimEntity[] = ["fund", "project", "cadre", "activity"];

/** What the record says, in a line a county clerk reads. */
function what(c: ClaimRow): string {
  const f = c.fields;
  if (c.entity === "fund") return `${label(FUND_KIND, String(f.kind))} ${fenToWan(Number(f.amountFen ?? 0))} ${t("unit.wan")}`;
  if (c.entity === "project") return `${String(f.title)}（${label(PROJECT_STATUS, String(f.status))}）`;
  if (c.entity === "cadre") return `${String(f.name)} · ${String(f.post)}（${label(CADRE_STATUS, String(f.status))}）`;
  return `${label(ACTIVITY_KIND, String(f.kind))}：${String(f.title)}`;
}

type Open = { kind: "confirmed" | "disputed" | "thread"; claim: ClaimRow } | null;

export function RecipientScreen({ query }: { query: Record<string, string> }) {
  const entity = (ENTITIES as string[]).includes(query.entity ?? "") ? (query.entity as ClaimEntity) : "fund";
  const year = Number(query.year) || new Date().getFullYear();
  const claims = useApi<Claims>("/api/recipient/claims", { entity, year });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const go = (next: Record<string, string | number>) => navigate(href(["recipient"], { entity, year, ...next }), true);
  // A link from the inbox names the record's thread (?thread=unit/id): open it once the list is there.
  const linked = query.thread && claims.data?.items.find((c) => `${c.unit.slug}/${c.id}` === query.thread);
  const current = open ?? (linked ? { kind: "thread" as const, claim: linked } : null);
  const close = () => {
    setOpen(null);
    if (query.thread) go({ thread: "" });
  };
  const data = claims.data;

  const columns: Column<ClaimRow>[] = [
    { key: "unit", header: t("recipient.helper"), nowrap: true, render: (c) => c.unit.name },
    { key: "date", header: t("recipient.date"), nowrap: true, render: (c) => c.date ?? "—" },
    { key: "what", header: t("recipient.what"), render: (c) => what(c) },
    ...(entity === "activity" ? [] : [{ key: "standing", header: t("recipient.standing"), nowrap: true, render: (c: ClaimRow) => <StandingTag standing={c.standing} /> }]),
    {
      key: "actions",
      header: t("ledger.actions"),
      headerHidden: true,
      nowrap: true,
      render: (c) => (
        <>
          {entity !== "activity" && c.standing !== "confirmed" ? (
            <button type="button" class="btn btn--small btn--primary" onClick={() => setOpen({ kind: "confirmed", claim: c })} aria-label={`${t("recipient.confirm")} ${what(c)}`}>
              {t("recipient.confirm")}
            </button>
          ) : null}{" "}
          {entity !== "activity" ? (
            <button type="button" class="btn btn--small" onClick={() => setOpen({ kind: "disputed", claim: c })} aria-label={`${t("recipient.dispute")} ${what(c)}`}>
              {t("recipient.dispute")}
            </button>
          ) : null}{" "}
          <button type="button" class="btn btn--link" onClick={() => setOpen({ kind: "thread", claim: c })} aria-label={`${t("recipient.thread")} ${what(c)}`}>
            {t("recipient.thread")}
            {c.messages ? `（${c.messages}）` : ""}
          </button>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={data ? t("recipient.title", { area: data.area.fullName }) : t("recipient.titlePlain")} subtitle={t("recipient.subtitle")} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <div class="card card--tight filters">
        <div class="filters__item">
          <label for="recipient-year">{t("rollup.period")}</label>
          <YearSelect id="recipient-year" value={year} onChange={(y) => go({ year: y })} />
        </div>
        <div class="tabs" role="tablist" aria-label={t("recipient.kinds")}>
          {ENTITIES.map((e) => (
            <a key={e} role="tab" aria-selected={e === entity} class={`tabs__tab${e === entity ? " is-active" : ""}`} href={href(["recipient"], { entity: e, year })}>
              {t(`recipient.entity.${e}`)}
            </a>
          ))}
        </div>
      </div>
      {claims.error ? <ErrorNote error={claims.error} onRetry={claims.reload} /> : null}
      {!data && !claims.error ? <Loading /> : null}
      {data ? (
        <>
          {entity === "fund" ? (
            <div class="figures">
              <FigureCard label={t("recipient.claimed")} value={fenToWan(data.money.claimedFen)} unit={t("unit.wan")} testId="claimed" />
              <FigureCard label={t("recipient.confirmed")} value={fenToWan(data.money.confirmedFen)} unit={t("unit.wan")} tone="primary" testId="confirmed">
                {t("recipient.rate", { percent: data.money.confirmedPercent ?? "—" })}
              </FigureCard>
              <FigureCard label={t("recipient.disputed")} value={fenToWan(data.money.disputedFen)} unit={t("unit.wan")} testId="disputed" />
              <FigureCard label={t("recipient.helpers")} value={count(data.helpers.length)} unit={t("unit.items")} testId="helpers" />
            </div>
          ) : null}
          {data.unavailable.length ? <Notice tone="warn">{t("recipient.unavailable", { units: data.unavailable.join("、") })}</Notice> : null}
          <section class="card" aria-labelledby="recipient-list">
            <div class="card__head">
              <h2 id="recipient-list">{t(`recipient.entity.${entity}`)}</h2>
              <span class="card__count">{data.items.length}</span>
            </div>
            {data.items.length === 0 ? <p class="muted">{t("recipient.none")}</p> : <DataTable rows={data.items} rowKey={(c) => `${c.unit.slug}/${c.id}`} caption={t(`recipient.entity.${entity}`)} columns={columns} />}
          </section>
        </>
      ) : null}
      {current && current.kind !== "thread" ? (
        <VerdictDialog
          claim={current.claim}
          verdict={current.kind}
          onClose={close}
          onSaved={() => {
            close();
            setNotice(current.kind === "confirmed" ? t("recipient.confirmedDone") : t("recipient.disputedDone"));
            claims.reload();
          }}
        />
      ) : null}
      {current?.kind === "thread" ? (
        <ThreadDialog
          path={`/api/recipient/claims/${current.claim.unit.slug}/${current.claim.entity}/${current.claim.id}/thread`}
          title={`${t("recipient.thread")}：${what(current.claim)}`}
          canPost
          onClose={close}
          onPosted={claims.reload}
          // A cadre's files stay with the helper unit; everything else's evidence the recipient may see.
          {...(current.claim.entity === "cadre"
            ? {}
            : { evidence: { record: `/api/recipient/claims/${current.claim.unit.slug}/${current.claim.entity}/${current.claim.id}`, fileOf: (id: string) => `/api/recipient/claims/${current.claim.unit.slug}/${current.claim.entity}/${current.claim.id}/attachments/${id}`, canUpload: false } })}
        />
      ) : null}
    </>
  );
}
