/** The rollup by recipient area (group lead and members) and by unit (freshness, rules, submission). */
import { useState } from "preact/hooks";
import type { AreaRollup, ProgramRollup, UnitRollupRow } from "../../api/types";
import { StaleBadge, Tag } from "../../components/badge";
import { DataTable, Pager, type Column } from "../../components/data-table";
import { count, fenToWan } from "../../format/money";
import { t } from "../../i18n";
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
          {a.group.area.name}
        </a>
      ),
    },
    { key: "lead", header: t("rollup.lead"), nowrap: true, render: (a) => a.group.lead?.name ?? "—" },
    {
      key: "members",
      header: t("rollup.members"),
      width: "28%",
      render: (a) =>
        a.group.members
          .filter((m) => m.role === "member")
          .map((m) => m.name)
          .join("、") || "—",
    },
    { key: "in", header: t("rollup.fundsInWan"), numeric: true, render: (a) => fenToWan(a.sums.inFen) },
    { key: "grassroots", header: t("rollup.grassrootsWan"), numeric: true, render: (a) => fenToWan(a.sums.grassrootsInFen) },
    { key: "share", header: t("rollup.share"), numeric: true, render: (a) => (a.sums.grassrootsSharePercent === null ? "—" : `${a.sums.grassrootsSharePercent}%`) },
    { key: "projects", header: t("rollup.projects"), numeric: true, render: (a) => count(a.sums.projects) },
    { key: "cadres", header: t("rollup.cadres"), numeric: true, render: (a) => count(a.sums.cadresInPost) },
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

const UNIT_PAGE = 20;

/** Rules a unit is behind on (fail counts double), for sorting the most urgent first. */
const behind = (u: UnitRollupRow) => (u.summary?.rules ?? []).reduce((n, r) => n + (r.status === "fail" ? 2 : r.status === "warn" ? 1 : 0), 0);

const UNIT_SORTS: Record<string, (a: UnitRollupRow, b: UnitRollupRow) => number> = {
  unit: (a, b) => a.unit.name.localeCompare(b.unit.name, "zh-CN"),
  rules: (a, b) => behind(a) - behind(b),
  in: (a, b) => (a.summary?.funds.inFen ?? -1) - (b.summary?.funds.inFen ?? -1),
  projects: (a, b) => (a.summary?.projects.total ?? -1) - (b.summary?.projects.total ?? -1),
};

/**
 * The units of the rollup: sortable, and shown 20 at a time (the rollup answers every unit of the
 * program at once, so paging is done here).
 */
export function UnitTable({ rollup, program, period }: { rollup: ProgramRollup; program: string; period: Period }) {
  const [sort, setSort] = useState("-rules");
  const [page, setPage] = useState(1);
  const key = sort.replace(/^-/, "");
  const compare = UNIT_SORTS[key] ?? UNIT_SORTS.unit!;
  const sorted = [...rollup.units].sort((a, b) => (sort.startsWith("-") ? -compare(a, b) : compare(a, b)) || a.unit.slug.localeCompare(b.unit.slug));
  const shown = sorted.slice((page - 1) * UNIT_PAGE, page * UNIT_PAGE);
  const columns: Column<UnitRollupRow>[] = [
    { key: "unit", header: t("rollup.unit"), sortable: true, render: (u) => <a href={href(["p", program, "units", u.unit.slug], periodQuery(period))}>{u.unit.name}</a> },
    { key: "role", header: t("rollup.role"), nowrap: true, render: (u) => (u.groups.some((g) => g.role === "lead") ? t("rollup.roleLead") : t("rollup.roleMember")) },
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
        rows={shown}
        rowKey={(u) => u.unit.slug}
        caption={t("rollup.byUnit")}
        sort={sort}
        onSort={(next) => {
          setSort(next);
          setPage(1);
        }}
        rowClass={(u) => (u.freshness.stale ? "is-stale" : "")}
      />
      {rollup.units.length > UNIT_PAGE ? (
        <Pager page={page} total={rollup.units.length} hasNext={page * UNIT_PAGE < rollup.units.length} onPrev={() => setPage((p) => Math.max(1, p - 1))} onNext={() => setPage((p) => p + 1)} />
      ) : null}
    </>
  );
}
