/**
 * Laggards grouped by requirement and result — one entry per rule and status with how many units and
 * the first of them, most units first (then by title) — as the rollup answers them (grouped by the
 * database) and the program report and the rollup screen show them. Pure, so the web imports it too.
 */
export interface LaggingGroup {
  rule: string;
  status: string;
  title: { zh: string; en: string };
  /** How many units. */
  count: number;
  /** The first of them by slug (the rollup names up to UNITS_NAMED). */
  units: string[];
}

export function sortLagging(groups: LaggingGroup[]): LaggingGroup[] {
  return groups.sort((a, b) => b.count - a.count || a.title.zh.localeCompare(b.title.zh, "zh-CN"));
}
