/** The rollup's charts: funds by recipient area (bar) and rule results (doughnut). */
import { useMemo } from "preact/hooks";
import type { ProgramRollup } from "../../api/types";
import { Chart, type ChartOption } from "../../components/chart";
import { fenToWan } from "../../format/money";
import { t } from "../../i18n";

const BLUE = "#1f4e8c";
const LIGHT_BLUE = "#7fa7d9";
export const STATUS_COLORS = { pass: "#2e7d4f", warn: "#d08a16", fail: "#c0392b", not_applicable: "#a7b0bc" } as const;

const wan = (fen: number) => Number(fenToWan(fen).replace(/,/g, ""));

export function FundsByAreaChart({ rollup }: { rollup: ProgramRollup }) {
  const option = useMemo<ChartOption>(() => {
    const areas = rollup.areas;
    return {
      color: [BLUE, LIGHT_BLUE],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: unknown) => `${Number(v).toLocaleString("zh-CN", { minimumFractionDigits: 2 })} ${t("unit.wan")}` },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 12 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: areas.map((a) => a.group.area.shortName),
        axisLabel: { interval: 0, rotate: areas.length > 8 ? 40 : 0, fontSize: 11, color: "#4a5568" },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: "value", name: t("unit.wan"), nameTextStyle: { color: "#6b7685" }, axisLabel: { color: "#6b7685" }, splitLine: { lineStyle: { color: "#e8ecf1" } } },
      series: [
        { name: t("rollup.fundsIn"), type: "bar", barMaxWidth: 28, data: areas.map((a) => wan(a.sums.inFen)) },
        { name: t("rollup.grassrootsIn"), type: "bar", barMaxWidth: 28, data: areas.map((a) => wan(a.sums.grassrootsInFen)) },
      ],
    };
  }, [rollup]);
  return <Chart option={option} height={300} label={t("rollup.chartFunds")} />;
}

export function RuleResultsChart({ rollup }: { rollup: ProgramRollup }) {
  const option = useMemo<ChartOption>(() => {
    const r = rollup.totals.rules;
    const data = (["pass", "warn", "fail", "not_applicable"] as const).map((s) => ({ name: t(`status.${s}`), value: r[s], itemStyle: { color: STATUS_COLORS[s] } }));
    return {
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      series: [{ type: "pie", radius: ["45%", "70%"], center: ["50%", "45%"], avoidLabelOverlap: true, label: { formatter: "{c}", fontSize: 12 }, data }],
    };
  }, [rollup]);
  return <Chart option={option} height={300} label={t("rollup.chartRules")} />;
}
