/**
 * Rollup latency against its floor. The floor is the same aggregates computed the direct way — SQL
 * over every unit's database (funds by area and kind, projects by status, cadres in post,
 * activities by kind), as a rollup without snapshots would have to. The rollup itself reads the
 * per-unit snapshots that writes and the nightly job keep fresh.
 */
import { programRollup } from "../src/rollup/rollup";
import { refreshUnitFacts } from "../src/figures/pipeline";
import { eachBounded } from "../src/bounded";
import type { Services } from "../src/services";
import { BENCH_PROGRAM, BENCH_YEAR } from "./federation";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function floor(services: Services, slugs: string[]): Promise<number> {
  const from = `${BENCH_YEAR}-01-01`;
  const to = `${BENCH_YEAR}-12-31`;
  const started = performance.now();
  await eachBounded(slugs, 4, async (slug) => {
    const unit = (await services.tenants.find(slug))!;
    const { client } = await services.tenants.lease(unit);
    await client.batch(
      [
        { sql: "SELECT area_code, kind, SUM(amount_fen), SUM(CASE WHEN grassroots THEN amount_fen END) FROM funds WHERE voided_at IS NULL AND date BETWEEN ? AND ? GROUP BY area_code, kind", args: [from, to] },
        { sql: "SELECT area_code, status, COUNT(*), SUM(budget_fen), SUM(grassroots) FROM projects WHERE voided_at IS NULL AND start_date BETWEEN ? AND ? GROUP BY area_code, status", args: [from, to] },
        { sql: "SELECT host_area_code, COUNT(*) FROM cadres WHERE voided_at IS NULL AND status = 'in_post' GROUP BY host_area_code", args: [] },
        { sql: "SELECT kind, COUNT(*), SUM(people), SUM(quantity), SUM(amount_fen) FROM activities WHERE voided_at IS NULL AND date BETWEEN ? AND ? GROUP BY kind", args: [from, to] },
      ],
      "read",
    );
  });
  return performance.now() - started;
}

export interface RollupFigures {
  units: number;
  /** Computing and storing every unit's facts (what the daily job and writes do). */
  snapshotRefreshMs: number;
  rollupMs: number;
  floorMs: number;
  ratio: number;
  /** Refresh time over the floor: the facts are the floor's aggregates plus the rule facts. */
  refreshRatio: number;
}

export async function benchRollup(services: Services, slugs: string[], runs = 5): Promise<RollupFigures> {
  const period = { year: BENCH_YEAR, quarter: null };
  await floor(services, slugs); // warm the tenant connections and page cache for both
  // Every unit's facts from scratch (none stored), as the first daily job or a shape change does.
  await services.platformClient.execute({ sql: "DELETE FROM unit_facts WHERE program = ?", args: [BENCH_PROGRAM] });
  const refreshStarted = performance.now();
  await eachBounded(slugs, 4, (slug) => refreshUnitFacts(services, slug, [BENCH_PROGRAM], [BENCH_YEAR]));
  const snapshotRefreshMs = performance.now() - refreshStarted;
  await programRollup(services, BENCH_PROGRAM, period); // warm
  const rollups: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const rollup = await programRollup(services, BENCH_PROGRAM, period, `${BENCH_YEAR}-12-31`);
    rollups.push(performance.now() - t);
    if (rollup.units.length !== slugs.length) throw new Error(`rollup saw ${rollup.units.length} units, expected ${slugs.length}`);
    t = performance.now();
    floors.push(await floor(services, slugs));
  }
  const rollupMs = median(rollups);
  const floorMs = median(floors);
  return { units: slugs.length, snapshotRefreshMs, rollupMs, floorMs, ratio: rollupMs / floorMs, refreshRatio: snapshotRefreshMs / floorMs };
}
