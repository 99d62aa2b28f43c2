/** 台账: one tab per ledger resource, each a filtered, sorted, paged table with its forms. */
import { useTenant, useUnitAreas } from "../../api/unit-data";
import { ErrorNote } from "../../components/feedback";
import { pick, t } from "../../i18n";
import { ResourcePanel } from "../../ledger/resource-panel";
import { RESOURCES, resourceByPath } from "../../ledger/resources";
import { href, navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";

export function LedgerScreen({ unit, resource, query }: { unit: string; resource: string | undefined; query: Record<string, string> }) {
  const view = resourceByPath(resource);
  const tenant = useTenant(unit);
  const areas = useUnitAreas(tenant.data);
  return (
    <>
      <PageHeader title={t("ledger.title")} subtitle={tenant.data?.name} />
      <nav class="tabs" aria-label={t("ledger.tabs")}>
        {RESOURCES.map((r) => (
          <a key={r.path} class={`tabs__tab${r.path === view.path ? " is-active" : ""}`} href={href(["u", unit, "ledger", r.path])} aria-current={r.path === view.path ? "page" : undefined}>
            {pick(r.label)}
          </a>
        ))}
      </nav>
      {tenant.error ? <ErrorNote error={tenant.error} /> : null}
      <ResourcePanel
        key={view.path}
        view={view}
        tenant={tenant.data}
        ctx={{ unit, tenant: tenant.data, areas }}
        query={query}
        onQuery={(q) => navigate(href(["u", unit, "ledger", view.path], q), true)}
      />
    </>
  );
}
