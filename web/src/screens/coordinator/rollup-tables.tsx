/** The rollup by recipient area (group lead and members) and by unit (freshness, rules, submission). */
import type { AreaRollup, ProgramRollup, UnitRollupRow } from "../../api/types";
import { StaleBadge, Tag } from "../../components/badge";
import { DataTable, Pager, type Column } from "../../components/data-table";
import { count, fenToWan } from "../../format/money";
import { t } from "../../i18n";
import { label, MEMBER_ROLE } from "../../labels";
import { href } from "../../router";
import { periodQuery, type Period } from "./period-picker";

export function AreaTable({ rollup, program, period }: { rollup: ProgramRollup; program: string; period: Period }) {
  const columns: Column<AreaRollup>[] = [
    {
      key: "area",
      header: t("rollup.area"),
      nowrap: true,
      render: (a) => (
        <a href={href(["p", program, "areas", a.group.area.code], periodQuery(period))} title={a.group.area.fullName}>
          {a.group.area.shortName}
        </a>
      ),
    },
    { key: "lead", header: t("rollup.lead"), nowrap: true, render: (a) => a.group.lead?.name ?? "—" },
    {
      key: "members",
      header: t("rollup.members"),
      width: "28%",
      render: (a) => {
        const listed = a.group.members.filter((m) => m.role === "member").map((m) => m.name);
        // The rollup lists a group's first members; the area's own page lists them all.
        const more = a.group.memberCount - (a.group.lead ? 1 : 0) - listed.length;
        return listed.length ? `${listed.join("、")}${more > 0 ? ` ${t("rollup.andMore", { n: more })}` : ""}` : "—";
      },
    },
    { key: "in", header: t("rollup.fundsInWan"), numeric: true, render: (a) => fenToWan(a.sums.inFen) },
    { key: "grassroots", header: t("rollup.grassrootsWan"), numeric: true, render: (a) => fenToWan(a.sums.grassrootsInFen) },
    { key: "share", header: t("rollup.share"), numeric: true, render: (a) => (a.sums.grassrootsSharePercent === null ? "—" : `${a.sums.grassrootsSharePercent}%`) },
    { key: "projects", header: t("rollup.projects"), numeric: true, render: (a) => count(a.sums.projects) },
    { key: "cadres", header: t("rollup.cadres"), numeric: true, render: (a) => count(a.sums.cadresInPost) },
    // The figure the map colours by compliance: of the helpers' applicable rule results, the share passing.
    { key: "pass", header: t("rollup.passPercent"), numeric: true, render: (a) => (a.rules.passPercent === null ? "—" : `${a.rules.passPercent}%`) },
  ];
  return <DataTable columns={columns} rows={rollup.areas} rowKey={(a) => a.group.id} caption={t("rollup.byArea")} />;
}

function SubmissionCell({ u, period }: { u: UnitRollupRow; period: Period }) {
  const subs = u.summary?.submissions ?? [];
  if (period.quarter) {
    const s = subs.find((x) => x.quarter === period.quarter);
    if (s?.status === "submitted") return <Tag tone="ok">{t("sub.status.submitted")}</Tag>;
    if (s?.status === "reopened") return <Tag tone="warn">{t("sub.status.reopened")}</Tag>;
    return <Tag tone="danger">{s ? t("sub.status.draft") : t("rollup.notSubmittedShort")}</Tag>;
  }
  return <>{t("rollup.submittedOf", { n: subs.filter((s) => s.status === "submitted").length })}</>;
}

/** Units a page of the table shows (the rollup answers one page of units at a time). */
export const UNIT_PAGE = 20;

/**
 * The units of the rollup: one page, sorted by the server (`sort` and `page` are the screen's, which
 * asks the rollup again when they change).
 */
export function UnitTable({ rollup, program, period, sort, onSort, pager }: { rollup: ProgramRollup; program: string; period: Period; sort: string; onSort: (sort: string) => void; pager: { page: number; hasNext: boolean; onPrev(): void; onNext(): void } }) {
  const { total, limit: pageSize } = rollup.unitsPage;
  const columns: Column<UnitRollupRow>[] = [
    { key: "unit", header: t("rollup.unit"), sortable: true, render: (u) => <a href={href(["p", program, "units", u.unit.slug], periodQuery(period))}>{u.unit.name}</a> },
    { key: "role", header: t("rollup.role"), nowrap: true, render: (u) => label(MEMBER_ROLE, u.groups.some((g) => g.role === "lead") ? "lead" : "member") },
    { key: "fresh", header: t("rollup.freshness"), nowrap: true, render: (u) => <StaleBadge stale={u.freshness.stale} error={u.freshness.error} takenAt={u.freshness.takenAt} /> },
    {
      key: "rules",
      header: t("rollup.rules"),
      sortable: true,
      render: (u) => {
        const rules = u.summary?.rules ?? [];
        const n = (s: string) => rules.filter((r) => r.status === s).length;
        return (
          <span class="rule-counts">
            <span class="rule-counts__pass" title={t("status.pass")}>
              ✓ {n("pass")}
            </span>
            <span class="rule-counts__warn" title={t("status.warn")}>
              ! {n("warn")}
            </span>
            <span class="rule-counts__fail" title={t("status.fail")}>
              ✕ {n("fail")}
            </span>
          </span>
        );
      },
    },
    { key: "sub", header: period.quarter ? t("rollup.submissionQ", { quarter: period.quarter }) : t("rollup.submissions"), render: (u) => <SubmissionCell u={u} period={period} /> },
    { key: "in", header: t("rollup.fundsInWan"), numeric: true, sortable: true, render: (u) => (u.summary ? fenToWan(u.summary.funds.inFen) : "—") },
    { key: "projects", header: t("rollup.projects"), numeric: true, sortable: true, render: (u) => count(u.summary?.projects.total ?? null) },
  ];
  return (
    <>
      <DataTable
        columns={columns}
        rows={rollup.units}
        rowKey={(u) => u.unit.slug}
        caption={t("rollup.byUnit")}
        sort={sort}
        onSort={onSort}
        rowClass={(u) => (u.freshness.stale ? "is-stale" : "")}
      />
      {total > pageSize ? <Pager {...pager} total={total} /> : null}
    </>
  );
}
