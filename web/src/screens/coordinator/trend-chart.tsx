/**
 * 分季度趋势: an area's or a unit's figures quarter by quarter — the selected year, or every quarter of
 * the program's term — as a chart (money as bars, projects and entries as lines) and the same figures
 * in a table beneath it.
 */
import { useMemo, useState } from "preact/hooks";
import type { QuarterFigures, Trend } from "../../api/types";
import { useApi } from "../../api/use-api";
import { Chart, type ChartOption } from "../../components/chart";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorNote, Loading } from "../../components/feedback";
import { count, fenToWan } from "../../format/money";
import { t } from "../../i18n";

const wan = (fen: number) => Number(fenToWan(fen).replace(/,/g, ""));
const quarterName = (q: QuarterFigures) => t("trend.quarterOf", { year: q.year, quarter: q.quarter });

/** `path` is the trend route of an area or a unit (…/rollup/areas/{code}/trend, …/rollup/units/{unit}/trend). */
export function TrendSection({ path, year }: { path: string; year: number }) {
  const [span, setSpan] = useState<"year" | "term">("year");
  const trend = useApi<Trend>(path, { year, span });
  const data = trend.data;
  const perUnit = Boolean(data?.quarters.some((q) => q.activities !== null));

  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const lines = [{ name: t("trend.projects"), data: data.quarters.map((q) => q.projects) }];
    if (perUnit) lines.push({ name: t("trend.activities"), data: data.quarters.map((q) => q.activities ?? 0) });
    return {
      color: ["#1f4e8c", "#7fa7d9", "#d08a16", "#2e7d4f"],
      tooltip: { trigger: "axis" },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 12 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.quarters.map((q) => (data.span === "year" ? t("common.quarterN", { quarter: q.quarter }) : `${q.year} Q${q.quarter}`)), axisLabel: { color: "#4a5568", fontSize: 11 } },
      yAxis: [
        { type: "value", name: t("unit.wan"), nameTextStyle: { color: "#6b7685" }, axisLabel: { color: "#6b7685" }, splitLine: { lineStyle: { color: "#e8ecf1" } } },
        { type: "value", minInterval: 1, axisLabel: { color: "#6b7685" }, splitLine: { show: false } },
      ],
      series: [
        { name: t("trend.fundsIn"), type: "bar", barMaxWidth: 24, data: data.quarters.map((q) => wan(q.inFen)) },
        { name: t("trend.disbursed"), type: "bar", barMaxWidth: 24, data: data.quarters.map((q) => wan(q.disbursedFen)) },
        ...lines.map((l) => ({ ...l, type: "line", yAxisIndex: 1, symbolSize: 6 })),
      ],
    };
  }, [data, perUnit]);

  const columns: Column<QuarterFigures>[] = [
    { key: "quarter", header: t("trend.quarter"), nowrap: true, render: quarterName },
    { key: "in", header: t("trend.fundsIn"), numeric: true, render: (q) => fenToWan(q.inFen) },
    { key: "disbursed", header: t("trend.disbursed"), numeric: true, render: (q) => fenToWan(q.disbursedFen) },
    { key: "confirmed", header: t("trend.confirmed"), numeric: true, render: (q) => fenToWan(q.confirmedFen) },
    { key: "projects", header: t("trend.projects"), numeric: true, render: (q) => count(q.projects) },
    ...(perUnit ? [{ key: "activities", header: t("trend.activities"), numeric: true, render: (q: QuarterFigures) => count(q.activities) }] : []),
    { key: "cadres", header: t("trend.cadres"), numeric: true, render: (q) => count(q.cadresInPost) },
  ];

  return (
    <section class="card" aria-labelledby="trend-title" data-testid="trend">
      <div class="card__head">
        <h2 id="trend-title">{t("trend.title")}</h2>
        <div class="seg" role="group" aria-label={t("trend.span")}>
          {(["year", "term"] as const).map((s) => (
            <button key={s} type="button" class="btn btn--small" aria-pressed={span === s} onClick={() => setSpan(s)}>
              {s === "year" ? t("trend.spanYear", { year }) : t("trend.spanTerm")}
            </button>
          ))}
        </div>
      </div>
      {trend.error ? <ErrorNote error={trend.error} onRetry={trend.reload} /> : null}
      {!data && !trend.error ? <Loading /> : null}
      {data && (data.staleFacts || data.missingFacts) ? <p class="muted small">{t("trend.stale", { stale: data.staleFacts, missing: data.missingFacts })}</p> : null}
      {option ? <Chart option={option} height={260} label={t("trend.label")} /> : null}
      {data ? <DataTable columns={columns} rows={data.quarters} rowKey={(q) => `${q.year}-${q.quarter}`} caption={t("trend.title")} /> : null}
    </section>
  );
}
