/**
 * 核查依据: one rule's records — those that count, and the unit's records near it that do not, each
 * with why (the server says it, in both languages) — paged by cursor, each linking to the record in
 * the ledger. The clause is quoted with its document's title above the lists.
 */
import { useEffect, useState } from "preact/hooks";
import { get } from "../../api/client";
import type { EvidenceItem, EvidencePage, RuleResult } from "../../api/types";
import { Dialog } from "../../components/dialog";
import { ErrorNote, Loading } from "../../components/feedback";
import { count, fenToWan } from "../../format/money";
import { pick, t } from "../../i18n";
import { href } from "../../router";

const PAGE = 20;

/** Where a record lives in the ledger: its resource tab opened on it, a submission on its quarter. */
const LEDGER_PATH: Record<EvidenceItem["entity"], string | null> = { activity: "activities", fund: "funds", project: "projects", pairing: "pairings", cadre: "cadres", submission: null };

export interface EvidenceScope {
  unit: string;
  program: string;
  year: number;
  quarter?: number | null;
}

export function recordLink(scope: EvidenceScope, item: EvidenceItem): string {
  const path = LEDGER_PATH[item.entity];
  if (path) return href(["u", scope.unit, "ledger", path], { record: item.id });
  // A submission's label starts with its quarter (Q3 submitted).
  const quarter = /^Q(\d)/.exec(item.label)?.[1];
  return href(["u", scope.unit, "submissions"], { year: scope.year, quarter, program: scope.program });
}

function valueText(item: EvidenceItem): string | null {
  if (item.value === null || item.value === 0) return null;
  return item.entity === "fund" ? `${fenToWan(item.value)} ${t("unit.wan")}` : count(item.value);
}

/** A paged list of one kind (counted or not), growing by "加载更多". */
function useEvidence(path: string, query: Record<string, string | number | undefined>) {
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error?: Error; done: boolean }>({ loading: true, done: false });
  const load = (after: string | null) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    get<EvidencePage>(path, { ...query, limit: PAGE, cursor: after ?? undefined }).then(
      (page) => {
        setItems((xs) => (after ? [...xs, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setState({ loading: false, done: page.nextCursor === null });
      },
      (error: Error) => setState((s) => ({ ...s, loading: false, error })),
    );
  };
  useEffect(() => load(null), [path, JSON.stringify(query)]);
  // Retrying after a failure asks again for the page that failed: the first, or the one after the last shown.
  return { items, state, more: () => cursor && load(cursor), retry: () => load(items.length ? cursor : null) };
}

function EvidenceList({ scope, path, query, testId }: { scope: EvidenceScope; path: string; query: Record<string, string | number | undefined>; testId: string }) {
  const { items, state, more, retry } = useEvidence(path, query);
  return (
    <div data-testid={testId}>
      {state.error ? <ErrorNote error={state.error} onRetry={retry} /> : null}
      {items.length === 0 && state.loading ? <Loading /> : null}
      {items.length === 0 && !state.loading && !state.error ? <p class="muted">{t("evidence.none")}</p> : null}
      {items.length ? (
        <ul class="evidence-list">
          {items.map((item) => (
            <li key={item.id} class="evidence-list__item" data-record={item.id}>
              <div class="evidence-list__line">
                <a href={recordLink(scope, item)} title={t("evidence.open")}>
                  {item.label}
                </a>
                {item.date ? <span class="muted small">{item.date}</span> : null}
                {valueText(item) ? <span class="muted small">{valueText(item)}</span> : null}
              </div>
              {item.reasons?.length ? (
                <ul class="evidence-list__reasons">
                  {item.reasons.map((r) => (
                    <li key={r.code}>{pick(r.text)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!state.done && items.length > 0 ? (
        <button type="button" class="btn btn--small" disabled={state.loading} onClick={() => more()}>
          {t("evidence.more")}
        </button>
      ) : null}
    </div>
  );
}

export function EvidenceDialog({ scope, result, clause, onClose }: { scope: EvidenceScope; result: RuleResult; clause: string | null; onClose(): void }) {
  const path = `/api/t/${scope.unit}/compliance/${scope.program}/${result.rule}/evidence`;
  const period = { year: scope.year, quarter: scope.quarter ?? undefined };
  return (
    <Dialog title={t("evidence.title", { rule: pick(result.title) })} onClose={onClose} wide>
      {clause || result.quote ? (
        <blockquote class="evidence-clause">
          {clause ? <p class="evidence-clause__source">{clause}</p> : null}
          {result.quote ? <p>{result.quote}</p> : null}
        </blockquote>
      ) : null}
      <section aria-labelledby="evidence-counted">
        <h3 id="evidence-counted" class="evidence-heading">
          {t("evidence.counted")}
        </h3>
        <EvidenceList scope={scope} path={path} query={{ ...period, counted: "true" }} testId="evidence-counted" />
      </section>
      <section aria-labelledby="evidence-not-counted">
        <h3 id="evidence-not-counted" class="evidence-heading">
          {t("evidence.notCounted")}
        </h3>
        <p class="muted small">{t("evidence.notCountedHint")}</p>
        <EvidenceList scope={scope} path={path} query={{ ...period, counted: "false" }} testId="evidence-not-counted" />
      </section>
    </Dialog>
  );
}
