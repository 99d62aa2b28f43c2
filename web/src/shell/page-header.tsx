/** The title line of a screen, with optional actions on the right. */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { t } from "../i18n";

export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string | undefined; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title]);
  return (
    <div class="page-header">
      <div>
        <h1 class="page-header__title">{title}</h1>
        {subtitle ? <p class="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {children ? <div class="page-header__actions">{children}</div> : null}
    </div>
  );
}
