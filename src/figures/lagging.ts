/**
 * Laggards grouped by requirement and result — one entry per rule and status with its units, most
 * units first (then by title) — for the program report's table and the rollup screen's panel alike.
 * Pure, so the web imports it too.
 */
export interface LaggingEntry {
  unit: string;
  rules: { rule: string; status: string; title: { zh: string; en: string } }[];
}

export interface LaggingGroup {
  rule: string;
  status: string;
  title: { zh: string; en: string };
  units: string[];
}

export function laggingByRule(lagging: readonly LaggingEntry[]): LaggingGroup[] {
  const byKey = new Map<string, LaggingGroup>();
  for (const l of lagging) {
    for (const r of l.rules) {
      const key = `${r.rule}/${r.status}`;
      const group = byKey.get(key) ?? byKey.set(key, { rule: r.rule, status: r.status, title: r.title, units: [] }).get(key)!;
      group.units.push(l.unit);
    }
  }
  return [...byKey.values()].sort((a, b) => b.units.length - a.units.length || a.title.zh.localeCompare(b.title.zh, "zh-CN"));
}
