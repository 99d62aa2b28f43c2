/**
 * The unit's search box in the top bar: the whole ledger searched as one types (GET /api/t/{unit}/search),
 * the hits grouped by kind of record; choosing one opens it in its ledger list (`?record=<id>`), a quarterly
 * submission on its own screen. `/` anywhere outside a field puts the cursor in the box; Esc leaves it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { SearchHit } from "../../../src/ledger/global-search";
import { get } from "../api/client";
import { useTenant } from "../api/unit-data";
import { fenToWan } from "../format/money";
import { pick, t } from "../i18n";
import { FUND_KIND, INDICATOR_LABELS, label } from "../labels";
import { RESOURCES } from "../ledger/resources";
import { href, navigate } from "../router";

/** Typing pauses this long before a search is sent. */
const DEBOUNCE_MS = 250;

function groupLabel(resource: SearchHit["resource"]): string {
  const view = RESOURCES.find((r) => r.path === resource);
  return view ? pick(view.label) : t("nav.submissions");
}

/** How a hit is named: its own title, or what names a fund, a target, a submission. */
export function hitTitle(hit: SearchHit): string {
  if (hit.resource === "funds") return `${label(FUND_KIND, hit.kind)} ${fenToWan(hit.amountFen ?? 0)} ${t("unit.wan")}`;
  if (hit.resource === "targets") return t("search.target", { year: hit.year ?? "", indicator: label(INDICATOR_LABELS, hit.kind) });
  if (hit.resource === "submissions") return t("search.submission", { year: hit.year ?? "", quarter: hit.quarter ?? "" });
  return hit.title ?? hit.id;
}

/** Where a hit opens. */
export function hitLink(unit: string, hit: SearchHit): string {
  if (hit.resource === "submissions") return href(["u", unit, "submissions"], { year: hit.year, quarter: hit.quarter, program: hit.program });
  return href(["u", unit, "ledger", hit.resource], { record: hit.id });
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

export function LedgerSearch({ unit }: { unit: string }) {
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ q: string; hits: SearchHit[] | null; error: boolean }>({ q: "", hits: null, error: false });
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(0);
  const programs = new Map((useTenant(unit).data?.programs ?? []).map((p) => [p.slug, p.name]));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target) && !document.querySelector("dialog[open]")) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const term = q.trim();
  useEffect(() => {
    if (!term) return setState({ q: "", hits: null, error: false });
    const call = ++latest.current;
    const timer = setTimeout(() => {
      get<{ hits: SearchHit[] }>(`/api/t/${unit}/search`, { q: term, limit: 30 }).then(
        (res) => call === latest.current && setState({ q: term, hits: res.hits, error: false }),
        () => call === latest.current && setState({ q: term, hits: null, error: true }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [term, unit]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setQ("");
    input.current?.blur();
    navigate(hitLink(unit, hit));
  };

  const groups = new Map<SearchHit["resource"], SearchHit[]>();
  for (const hit of state.hits ?? []) (groups.get(hit.resource) ?? groups.set(hit.resource, []).get(hit.resource)!).push(hit);
  const links = () => [...(box.current?.querySelectorAll<HTMLAnchorElement>(".search__hit") ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      setOpen(false);
      (e.target as HTMLElement).blur?.();
    }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const all = links();
      if (!all.length) return;
      e.preventDefault();
      const at = all.indexOf(document.activeElement as HTMLAnchorElement);
      const next = e.key === "ArrowDown" ? Math.min(all.length - 1, at + 1) : at - 1;
      if (next < 0) input.current?.focus();
      else all[next]!.focus();
    }
  };

  return (
    <div
      class="search"
      ref={box}
      role="search"
      onKeyDown={onKeyDown}
      onFocusIn={() => setOpen(true)}
      onFocusOut={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <input
        ref={input}
        type="search"
        class="search__input"
        aria-label={t("search.label")}
        placeholder={t("search.placeholder")}
        // A search box, not a combobox: the hits are links in a live region it controls (while shown).
        aria-controls={open && term ? "search-results" : undefined}
        value={q}
        maxLength={100}
        onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
      />
      {open && term ? (
        <div id="search-results" class="search__results" aria-label={t("search.results")} aria-live="polite">
          {state.q !== term ? <p class="search__note">{t("search.searching")}</p> : null}
          {state.q === term && state.error ? <p class="search__note">{t("common.networkError")}</p> : null}
          {state.q === term && state.hits?.length === 0 ? <p class="search__note">{t("search.none", { q: term })}</p> : null}
          {[...groups].map(([resource, hits]) => (
            <section key={resource} class="search__group" aria-label={groupLabel(resource)}>
              <h3 class="search__group-title">{groupLabel(resource)}</h3>
              <ul>
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <a
                      class="search__hit"
                      href={hitLink(unit, hit)}
                      data-hit={hit.id}
                      onClick={(e) => {
                        e.preventDefault();
                        choose(hit);
                      }}
                    >
                      <span class="search__title">{hitTitle(hit)}</span>
                      <span class="search__meta">{[hit.date ?? "", hit.program ? (programs.get(hit.program) ?? "") : ""].filter(Boolean).join(" · ")}</span>
                      <span class="search__snippet">{hit.snippet}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}
