/**
 * An ECharts chart. ECharts (only the series the UI draws, echarts-setup.ts) is loaded on first use,
 * so the unit's screens do not carry it; the chart resizes with its box.
 */
import type { ECElementEvent, EChartsCoreOption, ECharts } from "echarts/core";
import { useEffect, useRef } from "preact/hooks";

export type ChartOption = EChartsCoreOption;

export const CHART_FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", sans-serif';

/**
 * The chart's box, holding its instance: ECharts keeps its instances to itself, and browser tests (and
 * devtools) need one to find where a county is drawn.
 */
export type ChartHost = HTMLDivElement & { chart?: ECharts };

export function Chart({ option, height = 280, label, onClick }: { option: ChartOption; height?: number; label: string; onClick?: (event: ECElementEvent) => void }) {
  const box = useRef<ChartHost>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import("./echarts-setup").then(({ echarts }) => {
      if (disposed || !box.current) return;
      const instance = echarts.init(box.current, undefined, { renderer: "canvas" });
      chart.current = instance;
      instance.setOption({ textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...latest.current }, true);
      instance.on("click", (event) => click.current?.(event as ECElementEvent));
      box.current.chart = instance;
      // A box with no size (its screen hidden or leaving) has nothing to lay out: ECharts' map layout
      // then reads a bounding box that does not exist and throws.
      observer = new ResizeObserver(([entry]) => {
        if (entry && entry.contentRect.width > 0 && entry.contentRect.height > 0 && !instance.isDisposed()) instance.resize();
      });
      observer.observe(box.current);
      box.current.dataset.ready = "true";
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      if (box.current) delete box.current.chart;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...option }, true);
  }, [option]);

  return <div ref={box} class="chart" style={{ height: `${height}px` }} role="img" aria-label={label} />;
}
