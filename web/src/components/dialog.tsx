/**
 * A modal on the native <dialog>: focus moves into it, Esc closes it, focus returns to the opener.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";

export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      class={`dialog${wide ? " dialog--wide" : ""}`}
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header class="dialog__header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" class="btn btn--icon" onClick={onClose} aria-label={t("common.close")}>
          ×
        </button>
      </header>
      <div class="dialog__body">{children}</div>
    </dialog>
  );
}
