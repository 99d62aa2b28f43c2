/**
 * A modal on the native <dialog>: focus moves into it, Tab stays in it (the page behind is inert), Esc
 * closes it, focus returns to the opener.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";
import { t } from "../i18n";

export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id: a confirmation opened over another dialog must not take that one's title.
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Closed first: while the modal is open the page behind it is inert and refuses focus.
      if (dialog?.open) dialog.close();
      opener?.focus?.();
      // The rest of this render may move nodes around the opener and blur it: focus it again then,
      // unless focus has gone somewhere on purpose (another dialog, a new screen's <main>).
      setTimeout(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lost && opener?.isConnected) opener.focus();
      }, 0);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`dialog${wide ? " dialog--wide" : ""}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {/* A div, not <header>: a dialog's title bar is not the page's banner landmark. */}
      <div class="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="btn btn--icon" onClick={onClose} aria-label={t("common.close")}>
          ×
        </button>
      </div>
      <div class="dialog__body">{children}</div>
    </dialog>
  );
}
