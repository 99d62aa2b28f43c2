/**
 * Unsaved input is not lost silently. A form registers what it holds; while any registered form
 * differs from what it started with (or last saved), closing or reloading the page asks the browser's
 * own question (`beforeunload`), and leaving it inside the app — a link, back or forward, a typed hash —
 * asks ours (router.ts calls mayLeave()). Saving marks the form clean; cancelling unmounts it.
 */
import { useEffect, useRef } from "preact/hooks";
import { t } from "./i18n";

interface Entry {
  baseline: string;
  current: string;
  /** Saved: the values the form shows next (cleared, or as stored) are its new starting point. */
  rebase: boolean;
}

const forms = new Set<Entry>();

/** Whether any mounted form holds input that was not saved. */
export function hasUnsavedChanges(): boolean {
  for (const f of forms) if (f.current !== f.baseline) return true;
  return false;
}

/**
 * Whether the user may leave the current screen: yes when nothing is unsaved, else their answer to
 * the confirm. Call it before an in-app navigation the user started.
 */
export function mayLeave(): boolean {
  return !hasUnsavedChanges() || window.confirm(t("unsaved.confirm"));
}

function askBeforeUnload(e: BeforeUnloadEvent): void {
  if (!hasUnsavedChanges()) return;
  // Browsers show their own sentence; both calls are needed across browsers to ask at all.
  e.preventDefault();
  e.returnValue = "";
}

/**
 * Registers a form's values (any JSON-able state) while it is mounted; returns `markSaved`, to call
 * once the API has stored them (before any navigation the save leads to).
 * @example const markSaved = useUnsavedChanges(values); … await send(…); markSaved(); onSaved();
 */
export function useUnsavedChanges(values: unknown): () => void {
  const snapshot = JSON.stringify(values);
  const entry = useRef<Entry | null>(null);
  if (!entry.current) entry.current = { baseline: snapshot, current: snapshot, rebase: false };
  // Kept current on every render, so a check right after typing sees the latest text.
  entry.current.current = snapshot;
  if (entry.current.rebase) {
    entry.current.baseline = snapshot;
    entry.current.rebase = false;
  }
  useEffect(() => {
    const mine = entry.current!;
    // Listening only while a form is open: a beforeunload listener keeps some browsers from caching the page.
    if (forms.size === 0) window.addEventListener("beforeunload", askBeforeUnload);
    forms.add(mine);
    return () => {
      forms.delete(mine);
      if (forms.size === 0) window.removeEventListener("beforeunload", askBeforeUnload);
    };
  }, []);
  return () => {
    const mine = entry.current!;
    mine.baseline = mine.current;
    mine.rebase = true;
  };
}
