/**
 * 受援地分布图: the program's recipient areas on a map, coloured by the money put in (万元) or by the
 * share of their helpers' rule results that pass; hovering names the area and its figure, a click opens
 * the area. The boundaries (web/public/maps/areas.json, built by scripts/build-map-extract.ts) are
 * fetched by this screen alone, once a page; the same figures are in the table by area below.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { AreaRollup, ProgramRollup } from "../../api/types";
import { Chart, type ChartOption } from "../../components/chart";
import { fenToWan } from "../../format/money";
import { t } from "../../i18n";
import { href, navigate } from "../../router";
import { periodQuery, type Period } from "./period-picker";
import { STATUS_COLORS } from "./rollup-charts";

interface AreaFeature {
  type: "Feature";
  properties: { name: string; cp?: [number, number] };
  geometry: unknown;
}

let boundaries: Promise<AreaFeature[]> | null = null;

/** The extract's features (each named by its area code), fetched once; a failed fetch is tried again next time. */
function loadBoundaries(): Promise<AreaFeature[]> {
  boundaries ??= fetch("/maps/areas.json")
    .then((r) => {
      if (!r.ok) throw new Error(`maps/areas.json: ${r.status}`);
      return r.json() as Promise<{ features: AreaFeature[] }>;
    })
    .then((geo) => geo.features)
    .catch((error: unknown) => {
      boundaries = null;
      throw error;
    });
  return boundaries;
}

export type MapColouring = "funds" | "compliance";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const wan = (fen: number) => Number(fenToWan(fen).replace(/,/g, ""));

/** What an area is coloured by, or null when there is nothing to show (no helper judged yet). */
function valueOf(a: AreaRollup, colouring: MapColouring): number | null {
  return colouring === "funds" ? wan(a.sums.inFen) : a.rules.passPercent;
}

export function RollupMap({ rollup, program, period }: { rollup: ProgramRollup; program: string; period: Period }) {
  const [colouring, setColouring] = useState<MapColouring>("funds");
  const [drawn, setDrawn] = useState<{ map: string; codes: Set<string> } | null>(null);
  const [failed, setFailed] = useState(false);
  const codes = rollup.areas.map((a) => a.group.area.code);
  const key = codes.join(",");

  useEffect(() => {
    let live = true;
    setFailed(false);
    // The map holds the program's areas only, so it frames them; registering again under the same name replaces it.
    Promise.all([import("../../components/echarts-map"), loadBoundaries()]).then(
      ([{ echarts }, features]) => {
        const wanted = new Set(codes);
        const mine = features.filter((f) => wanted.has(f.properties.name));
        const map = `duikou:${key}`;
        echarts.registerMap(map, { type: "FeatureCollection", features: mine } as never);
        if (live) setDrawn({ map, codes: new Set(mine.map((f) => f.properties.name)) });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const option = useMemo<ChartOption | null>(() => {
    if (!drawn) return null;
    const byCode = new Map(rollup.areas.map((a) => [a.group.area.code, a]));
    const values = rollup.areas.map((a) => valueOf(a, colouring) ?? 0);
    const funds = colouring === "funds";
    return {
      tooltip: {
        trigger: "item",
        formatter: (p: { name: string }) => {
          const a = byCode.get(p.name);
          if (!a) return "";
          const figure = funds
            ? t("rollup.mapFundsTip", { value: fenToWan(a.sums.inFen) })
            : a.rules.passPercent === null
              ? t("rollup.mapNotJudged")
              : t("rollup.mapComplianceTip", { percent: a.rules.passPercent, lagging: a.rules.laggingUnits, units: a.rules.judgedUnits });
          return `<strong>${escape(a.group.area.fullName)}</strong><br>${escape(figure)}`;
        },
      },
      visualMap: {
        type: "continuous",
        min: 0,
        max: funds ? Math.max(1, ...values) : 100,
        left: 0,
        bottom: 0,
        itemHeight: 120,
        calculable: false,
        text: funds ? [t("unit.wan"), "0"] : ["100%", "0%"],
        inRange: { color: funds ? ["#dbe7f5", "#7fa7d9", "#1f4e8c"] : [STATUS_COLORS.fail, STATUS_COLORS.warn, STATUS_COLORS.pass] },
        textStyle: { color: "#4a5568" },
      },
      series: [
        {
          type: "map",
          map: drawn.map,
          // Pan and zoom with a mouse; on a touch screen a drag scrolls the page instead.
          roam: window.matchMedia("(pointer: fine)").matches,
          selectedMode: false,
          itemStyle: { areaColor: "#eef1f5", borderColor: "#ffffff", borderWidth: 0.6 },
          emphasis: { label: { show: true, color: "#1a202c", formatter: (p: { name: string }) => byCode.get(p.name)?.group.area.shortName ?? "" }, itemStyle: { areaColor: "#f6c65b" } },
          label: { show: false },
          // An area no helper was judged for has no value: drawn in the neutral colour, not as 0%.
          data: rollup.areas.map((a) => ({ name: a.group.area.code, value: valueOf(a, colouring) ?? "-" })),
        },
      ],
    };
  }, [drawn, colouring, rollup]);

  const undrawn = drawn ? rollup.areas.filter((a) => !drawn.codes.has(a.group.area.code)) : [];
  const label = colouring === "funds" ? t("rollup.mapLabelFunds") : t("rollup.mapLabelCompliance");
  return (
    <div class="area-map" data-testid="area-map" data-colouring={colouring}>
      <div class="seg" role="group" aria-label={t("rollup.mapColouring")}>
        {(["funds", "compliance"] as const).map((c) => (
          <button key={c} type="button" class="btn btn--small" aria-pressed={colouring === c} onClick={() => setColouring(c)}>
            {c === "funds" ? t("rollup.mapByFunds") : t("rollup.mapByCompliance")}
          </button>
        ))}
      </div>
      {failed ? <p class="muted">{t("rollup.mapUnavailable")}</p> : null}
      {option ? (
        <Chart
          option={option}
          height={420}
          label={label}
          onClick={(e) => {
            if (e.componentType === "series" && drawn?.codes.has(e.name)) navigate(href(["p", program, "areas", e.name], periodQuery(period)));
          }}
        />
      ) : null}
      {undrawn.length ? <p class="muted small">{t("rollup.mapUndrawn", { names: undrawn.map((a) => a.group.area.shortName).join("、") })}</p> : null}
    </div>
  );
}
