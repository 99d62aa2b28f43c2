/**
 * The left navigation: the unit's screens when a unit is open (its own users, or an admin or
 * coordinator looking at it), a coordinator's program screens, the admin's units and users.
 */
import { useCached } from "../api/cache";
import type { User } from "../api/types";
import { t, type MessageKey } from "../i18n";
import { href, type Route } from "../router";

interface Item {
  link: string;
  key: MessageKey;
  active: boolean;
}

function Section({ title, items }: { title: string; items: Item[] }) {
  return (
    <div class="sidenav__section">
      <p class="sidenav__heading">{title}</p>
      <ul>
        {items.map((i) => (
          <li key={i.link}>
            <a href={i.link} class={`sidenav__link${i.active ? " is-active" : ""}`} aria-current={i.active ? "page" : undefined}>
              {t(i.key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SideNav({ user, route }: { user: User; route: Route }) {
  const [area, id, screen] = route.segments;
  const unit = area === "u" ? id : user.unit;
  const tenantName = useCached<{ name: string }>(unit ? `/api/t/${unit}` : null).data?.name;
  const programs = useCached<{ items?: { slug: string; name: string }[] }>(user.role === "admin" ? "/api/programs" : null).data;
  const programSlugs = user.role === "admin" ? (programs?.items ?? []).map((p) => p.slug) : user.programs;
  const program = area === "p" && id ? id : programSlugs[0];
  const period = { year: route.query.year, quarter: route.query.quarter };
  const sections = [];

  if (unit) {
    const at = (s: string | undefined) => area === "u" && id === unit && screen === s;
    sections.push(
      <Section
        key="unit"
        title={tenantName ?? unit}
        items={[
          { link: href(["u", unit]), key: "nav.dashboard", active: at(undefined) },
          { link: href(["u", unit, "ledger", "projects"]), key: "nav.ledger", active: at("ledger") },
          ...(user.role === "unit_editor" || user.role === "unit_admin" ? [{ link: href(["u", unit, "quick"]), key: "nav.quick" as const, active: at("quick") }] : []),
          { link: href(["u", unit, "submissions"]), key: "nav.submissions", active: at("submissions") },
          { link: href(["u", unit, "reports"]), key: "nav.reports", active: at("reports") },
          { link: href(["u", unit, "audit"]), key: "nav.audit", active: at("audit") },
          ...(user.role === "unit_admin" ? [{ link: href(["admin", "users"]), key: "nav.users" as const, active: area === "admin" && id === "users" }] : []),
          ...(user.role === "unit_admin" || user.role === "admin" ? [{ link: href(["u", unit, "settings"]), key: "nav.settings" as const, active: at("settings") }] : []),
        ]}
      />,
    );
  }
  if (program && (user.role === "coordinator" || user.role === "admin")) {
    const at = (s: string) => area === "p" && screen === s;
    sections.push(
      <Section
        key="program"
        title={t("nav.program")}
        items={[
          { link: href(["p", program, "rollup"], period), key: "nav.rollup", active: at("rollup") || at("areas") || at("units") },
          { link: href(["p", program, "rules"]), key: "nav.rules", active: at("rules") },
          { link: href(["p", program, "reports"]), key: "nav.programReports", active: at("reports") },
          { link: href(["p", program, "structure"]), key: "nav.structure", active: at("structure") },
        ]}
      />,
    );
  }
  if (user.role === "recipient") {
    sections.push(
      <Section
        key="recipient"
        title={t("nav.recipient")}
        items={[
          { link: href(["recipient"]), key: "nav.claims", active: area === "recipient" },
          ...(user.area ? [{ link: href(["areas", user.area]), key: "nav.areaPage" as const, active: area === "areas" }] : []),
        ]}
      />,
    );
  }
  if (user.role === "admin") {
    sections.push(
      <Section
        key="admin"
        title={t("nav.admin")}
        items={[
          { link: href(["admin", "units"]), key: "nav.units", active: area === "admin" && id !== "users" && id !== "programs" },
          { link: href(["admin", "programs"]), key: "nav.programs", active: area === "admin" && id === "programs" },
          { link: href(["admin", "users"]), key: "nav.users", active: area === "admin" && id === "users" },
        ]}
      />,
    );
  }
  return (
    <nav class="sidenav" aria-label={t("nav.label")}>
      {sections}
    </nav>
  );
}
