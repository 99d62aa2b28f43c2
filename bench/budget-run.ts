/** `npx tsx --expose-gc bench/budget-run.ts [sizes…]`: the edge budget alone (npm run bench runs it too). */
import { benchBudget } from "./budget";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const costs = await benchBudget(sizes.length ? sizes : [1_000], (s) => console.error(`· ${s}`));
console.table(costs.map((c) => ({ path: c.path, units: c.units, subreq: c.subrequests, rows: c.rowsRead, "db resp KiB": c.largestResponseKiB, "answer KiB": c.answerKiB, "cpu ms": c.cpuMs, "heap MiB": c.heapMiB, ok: c.within ? "✓" : c.failed ? `✗ ${c.failed.slice(0, 60)}` : "✗" })));
