/** One recipient area of a program: its group (lead and members) and what each member contributed. */
import { useApi } from "../../api/use-api";
import type { AreaDrillDown, AreaSums } from "../../api/types";
import { useProgramNames } from "../../api/programs";
import { StaleBadge } from "../../components/badge";
import { DataTable } from "../../components/data-table";
import { FigureCard } from "../../components/figure-card";
import { ErrorNote, Loading } from "../../components/feedback";
import { count, fenToWan } from "../../format/money";
import { pick, t } from "../../i18n";
import { label, MEMBER_ROLE } from "../../labels";
import { href, navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";
import { periodOf, PeriodPicker, periodQuery } from "./period-picker";
import { TrendSection } from "./trend-chart";

export function AreaDrillScreen({ program, code, query }: { program: string; code: string; query: Record<string, string> }) {
  const period = periodOf(query);
  const names = useProgramNames();
  const area = useApi<AreaDrillDown>(`/api/programs/${program}/rollup/areas/${code}`, periodQuery(period));
  const a = area.data;
  const role = (slug: string) => a?.group.members.find((m) => m.slug === slug)?.role;
  const unitName = (slug: string) => a?.group.members.find((m) => m.slug === slug)?.name ?? slug;
  const fresh = (slug: string) => a?.units.find((u) => u.unit.slug === slug)?.freshness;

  return (
    <>
      <nav class="breadcrumb" aria-label={t("common.breadcrumb")}>
        <a href={href(["p", program, "rollup"], periodQuery(period))}>{t("rollup.title")}</a> / <span>{a?.group.area.shortName ?? code}</span>
      </nav>
      <PageHeader title={a?.group.area.fullName ?? code} subtitle={pick(names(program))}>
        <a href={href(["areas", code], { year: period.year })} data-link="area-helpers">
          {t("areaPage.allHelpers")}
        </a>
      </PageHeader>
      <div class="card card--tight">
        <PeriodPicker program={program} period={period} programChoice={false} onChange={(_, next) => navigate(href(["p", program, "areas", code], periodQuery(next)), true)} />
      </div>
      {area.error ? <ErrorNote error={area.error} onRetry={area.reload} /> : null}
      {!a && !area.error ? <Loading /> : null}
      {a ? (
        <>
          <div class="figures">
            <FigureCard label={t("rollup.fundsIn")} value={fenToWan(a.sums.inFen)} unit={t("unit.wan")} tone="primary">
              {t("dash.disbursed", { value: fenToWan(a.sums.disbursedFen) })}
            </FigureCard>
            <FigureCard label={t("rollup.share")} value={a.sums.grassrootsSharePercent === null ? "—" : String(a.sums.grassrootsSharePercent)} unit="%">
              {t("rollup.grassrootsOf", { value: fenToWan(a.sums.grassrootsInFen) })}
            </FigureCard>
            <FigureCard label={t("rollup.projects")} value={count(a.sums.projects)} unit={t("unit.items")} />
            <FigureCard label={t("rollup.cadres")} value={count(a.sums.cadresInPost)} unit={t("unit.people")} />
          </div>
          <TrendSection path={`/api/programs/${program}/rollup/areas/${code}/trend`} year={period.year} />
          <section class="card" aria-labelledby="area-members">
            <div class="card__head">
              <h2 id="area-members">{t("area.contributions")}</h2>
              <span class="muted">{t("area.clause", { clause: a.group.clause })}</span>
            </div>
            <DataTable<Contribution>
              rows={a.contributions}
              rowKey={(c) => c.unit}
              caption={t("area.contributions")}
              columns={[
                { key: "unit", header: t("rollup.unit"), render: (c) => <a href={href(["p", program, "units", c.unit], periodQuery(period))}>{unitName(c.unit)}</a> },
                { key: "role", header: t("rollup.role"), render: (c) => label(MEMBER_ROLE, role(c.unit) === "lead" ? "lead" : "member") },
                { key: "fresh", header: t("rollup.freshness"), render: (c) => (fresh(c.unit) ? <StaleBadge {...fresh(c.unit)!} /> : "—") },
                ...sumColumns(),
              ]}
            />
          </section>
        </>
      ) : null}
    </>
  );
}

type Contribution = { unit: string; sums: AreaSums };

function sumColumns() {
  return [
    { key: "in", header: t("rollup.fundsInWan"), numeric: true, render: (c: Contribution) => fenToWan(c.sums.inFen) },
    { key: "grassroots", header: t("rollup.grassrootsWan"), numeric: true, render: (c: Contribution) => fenToWan(c.sums.grassrootsInFen) },
    { key: "disbursed", header: t("area.disbursedWan"), numeric: true, render: (c: Contribution) => fenToWan(c.sums.disbursedFen) },
    { key: "projects", header: t("rollup.projects"), numeric: true, render: (c: Contribution) => count(c.sums.projects) },
    { key: "cadres", header: t("rollup.cadres"), numeric: true, render: (c: Contribution) => count(c.sums.cadresInPost) },
  ];
}
