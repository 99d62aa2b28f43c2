/**
 * 受援地: one recipient area across every program that supports it — each program's groups, their
 * helpers in force in the year and what each put into the area (GET /api/areas/{code}/helpers, the
 * same figures as each program's rollup).
 */
import { useApi } from "../../api/use-api";
import type { AreaSums, Freshness } from "../../api/types";
import { StaleBadge } from "../../components/badge";
import { DataTable } from "../../components/data-table";
import { FigureCard } from "../../components/figure-card";
import { YearSelect } from "../../components/filters";
import { ErrorNote, Loading } from "../../components/feedback";
import { count, fenToWan } from "../../format/money";
import { t } from "../../i18n";
import { label, MEMBER_ROLE } from "../../labels";
import { href, navigate } from "../../router";
import { PageHeader } from "../../shell/page-header";

interface Helper {
  unit: { slug: string; name: string };
  role: "lead" | "member";
  effectiveFrom: string | null;
  effectiveTo: string | null;
  sums: AreaSums;
  freshness: Freshness;
}

interface AreaHelpers {
  area: { code: string; fullName: string };
  period: string;
  totals: AreaSums;
  programs: { program: string; name: string; docNumber: string; sums: AreaSums; groups: { id: string; area: { code: string; fullName: string }; helpers: Helper[] }[] }[];
}


export function AreaHelpersScreen({ code, query }: { code: string; query: Record<string, string> }) {
  const year = Number(query.year) || new Date().getFullYear();
  const page = useApi<AreaHelpers>(`/api/areas/${code}/helpers`, { year });
  const a = page.data;
  const days = (h: Helper) => (h.effectiveFrom || h.effectiveTo ? `${h.effectiveFrom ?? "…"} — ${h.effectiveTo ?? "…"}` : t("areaPage.always"));
  return (
    <>
      <PageHeader title={a?.area.fullName ?? code} subtitle={t("areaPage.subtitle")} />
      <div class="card card--tight">
        <label for="area-year">{t("rollup.period")}</label> <YearSelect id="area-year" value={year} onChange={(y) => navigate(href(["areas", code], { year: y }), true)} />
      </div>
      {page.error ? <ErrorNote error={page.error} onRetry={page.reload} /> : null}
      {!a && !page.error ? <Loading /> : null}
      {a ? (
        <>
          <div class="figures">
            <FigureCard label={t("areaPage.programs")} value={count(a.programs.length)} unit={t("unit.items")} testId="area-programs" />
            <FigureCard label={t("rollup.fundsIn")} value={fenToWan(a.totals.inFen)} unit={t("unit.wan")} tone="primary" testId="area-funds">
              {t("dash.disbursed", { value: fenToWan(a.totals.disbursedFen) })}
            </FigureCard>
            <FigureCard label={t("rollup.projects")} value={count(a.totals.projects)} unit={t("unit.items")} />
            <FigureCard label={t("rollup.cadres")} value={count(a.totals.cadresInPost)} unit={t("unit.people")} />
          </div>
          {a.programs.length === 0 ? <p class="muted">{t("areaPage.none")}</p> : null}
          {a.programs.map((p) => (
            <section class="card" key={p.program} aria-labelledby={`area-program-${p.program}`} data-program={p.program}>
              <div class="card__head">
                <h2 id={`area-program-${p.program}`}>{p.name}</h2>
                <span class="muted">
                  {p.docNumber} · {t("rollup.fundsInWan")} {fenToWan(p.sums.inFen)}
                </span>
              </div>
              <DataTable<Helper & { groupArea: string }>
                rows={p.groups.flatMap((g) => g.helpers.map((h) => ({ ...h, groupArea: g.area.fullName })))}
                rowKey={(h) => `${h.groupArea}/${h.unit.slug}`}
                caption={p.name}
                columns={[
                  { key: "group", header: t("areaPage.group"), render: (h) => h.groupArea },
                  { key: "unit", header: t("rollup.unit"), render: (h) => <a href={href(["p", p.program, "units", h.unit.slug], { year })}>{h.unit.name}</a> },
                  { key: "role", header: t("rollup.role"), nowrap: true, render: (h) => label(MEMBER_ROLE, h.role === "lead" ? "lead" : "member") },
                  { key: "days", header: t("areaPage.days"), nowrap: true, render: days },
                  { key: "fresh", header: t("rollup.freshness"), nowrap: true, render: (h) => <StaleBadge {...h.freshness} /> },
                  { key: "in", header: t("rollup.fundsInWan"), numeric: true, render: (h) => fenToWan(h.sums.inFen) },
                  { key: "projects", header: t("rollup.projects"), numeric: true, render: (h) => count(h.sums.projects) },
                  { key: "cadres", header: t("rollup.cadres"), numeric: true, render: (h) => count(h.sums.cadresInPost) },
                ]}
              />
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
