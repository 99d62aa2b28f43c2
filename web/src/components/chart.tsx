/**
 * An ECharts chart. ECharts (bar and pie only) is loaded on first use, so the unit's screens do not
 * carry it; the chart resizes with its box.
 */
import type { EChartsCoreOption, ECharts } from "echarts/core";
import { useEffect, useRef } from "preact/hooks";

export type ChartOption = EChartsCoreOption;

export const CHART_FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", sans-serif';

export function Chart({ option, height = 280, label }: { option: ChartOption; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import("./echarts-setup").then(({ echarts }) => {
      if (disposed || !box.current) return;
      const instance = echarts.init(box.current, undefined, { renderer: "canvas" });
      chart.current = instance;
      instance.setOption({ textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...latest.current }, true);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(box.current);
      box.current.dataset.ready = "true";
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...option }, true);
  }, [option]);

  return <div ref={box} class="chart" style={{ height: `${height}px` }} role="img" aria-label={label} />;
}
