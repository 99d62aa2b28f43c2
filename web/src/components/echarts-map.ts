/**
 * The map series on top of echarts-setup.ts (the map brings its geo component; visualMap colours it):
 * a chunk of its own, loaded by the rollup's map alone, so the other charts do not carry it. The map's
 * boundaries are data, fetched by that screen (rollup-map.tsx), never bundled.
 */
import { MapChart } from "echarts/charts";
import { GeoComponent, VisualMapComponent } from "echarts/components";
import { echarts } from "./echarts-setup";

echarts.use([MapChart, GeoComponent, VisualMapComponent]);

export { echarts };
