/**
 * One bench-size unit's evaluation, measured where it matters on the edge: the largest query result
 * its facts batch returns (sqld refuses responses over 10 MB) and the heap the evaluation grows by
 * (a Worker isolate has 128 MB). Also how soon a change shows: a ledger write and a rule-parameter
 * change, each followed by the next rollup read.
 */
import type { ResultSet } from "@libsql/client";
import { createApp } from "../src/app";
import { loadFacts } from "../src/figures/load-facts";
import { programRollup } from "../src/rollup/rollup";
import type { Services } from "../src/services";
import { BENCH_PROGRAM, BENCH_YEAR } from "./federation";

export interface EvaluationFigures {
  largestResultBytes: number;
  factsBytes: number;
  heapGrowthBytes: number;
  writeToRollupMs: number;
  ruleChangeToRollupMs: number;
}

export async function benchEvaluation(services: Services, slug: string, token: string, coordinatorToken: string): Promise<EvaluationFigures> {
  const unit = (await services.tenants.find(slug))!;
  const { client, db } = await services.tenants.lease(unit);
  // Measure every result set of the facts batch by wrapping the client's batch for this one call.
  let largestResultBytes = 0;
  const batch = client.batch.bind(client);
  client.batch = (async (...args: Parameters<typeof batch>) => {
    const results: ResultSet[] = await batch(...args);
    for (const r of results) largestResultBytes = Math.max(largestResultBytes, Buffer.byteLength(JSON.stringify(r.rows)));
    return results;
  }) as typeof client.batch;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const { facts } = await loadFacts(db, BENCH_PROGRAM, BENCH_YEAR);
  const heapGrowthBytes = process.memoryUsage().heapUsed - heapBefore;
  client.batch = batch;
  const factsBytes = Buffer.byteLength(JSON.stringify(facts));

  const app = createApp(services);
  const period = { year: BENCH_YEAR, quarter: 4 as const };
  const inFen = async () => (await programRollup(services, BENCH_PROGRAM, period)).units.find((u) => u.unit.slug === slug)!.summary!.funds.inFen;
  const before = await inFen();
  let started = performance.now();
  const res = await app.request(`/api/t/${slug}/funds`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ kind: "social_donation", source: "society", amountFen: 1, date: `${BENCH_YEAR}-03-01`, areaCode: facts.fundAreas[0]!.areaCode, program: BENCH_PROGRAM }),
  });
  if (res.status !== 201) throw new Error(`bench write answered ${res.status}`);
  // A rollup reads no tenant: the write marks the unit stale at once, and its figures arrive with the
  // background refresh (after the refresher's quiet period) — polled here as a coordinator's screen would.
  const deadline = Date.now() + 30_000;
  while ((await inFen()) !== before + 1) {
    if (Date.now() > deadline) throw new Error("the rollup did not show the write within 30 s");
    await new Promise((r) => setTimeout(r, 50));
  }
  const writeToRollupMs = performance.now() - started;

  const rule = (await (await app.request(`/api/programs/${BENCH_PROGRAM}/rules`, { headers: { authorization: `Bearer ${coordinatorToken}` } })).json()).items.find((r: { id: string }) => r.id === "main-leader-visits");
  started = performance.now();
  const put = await app.request(`/api/programs/${BENCH_PROGRAM}/rules/main-leader-visits`, {
    method: "PUT",
    headers: { authorization: `Bearer ${coordinatorToken}`, "content-type": "application/json", "if-match": `"${rule.version}"` },
    body: JSON.stringify({ params: { perYear: rule.params.perYear + 1 } }),
  });
  if (put.status !== 200) throw new Error(`bench rule change answered ${put.status}`);
  const after = (await programRollup(services, BENCH_PROGRAM, period)).units.find((u) => u.unit.slug === slug)!.summary!.rules.find((r) => r.rule === "main-leader-visits")!;
  if (after.target !== rule.params.perYear + 1) throw new Error("the next rollup read did not use the new parameter");
  const ruleChangeToRollupMs = performance.now() - started;
  return { largestResultBytes, factsBytes, heapGrowthBytes, writeToRollupMs, ruleChangeToRollupMs };
}
