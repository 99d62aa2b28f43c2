/**
 * The quarterly cron in workerd: scheduled() enqueues one message per unit and program on a Queue,
 * the Worker's queue() consumer issues each report, and the run is recorded — the real bundle,
 * reaching its databases on the real libSQL server (sqld).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEdge, type Edge } from "../dev/edge";
import { previousQuarter } from "../src/periods/period";
import { periodKey } from "../src/periods/period";
import { tempDir, TEST_SECRET } from "./support/harness";

let edge: Edge;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  dir = tempDir("duikou-edge-reports-");
  edge = await startEdge({ dataDir: dir.path, bindings: { DUIKOU_ENV: "test", JWT_SECRET: TEST_SECRET, REPORT_PROGRAM_DELAY_SECONDS: "1" }, seed: { DEMO_USERS: "true", DEMO_LEDGER: "true" } });
}, 120_000);

afterAll(async () => {
  await edge?.close();
  dir?.remove();
});

async function platformQuery(sql: string, args: (string | number)[] = []) {
  return (await edge.client("platform").execute({ sql, args })).rows;
}

describe("scheduled() for the quarterly cron in workerd", () => {
  it("issues every unit's and program's report through the Queue and finishes the run", async () => {
    const worker = await edge.mf.getWorker();
    await worker.scheduled({ cron: "0 1 5 1,4,7,10 *" });
    const period = periodKey(previousQuarter(new Date().toISOString().slice(0, 10)));
    const [run] = await platformQuery("SELECT id, expected FROM job_runs WHERE job = 'quarterly' ORDER BY started_at DESC LIMIT 1");
    expect(run).toBeTruthy();
    const expected = Number(run!.expected);
    // Only programs whose term holds the reported year issue reports: for 2026 the old revolutionary areas
    // (24 counties × 3 units = 72), Gannan (61 paired units and its 2 coordinating departments, which take part
    // without a pairing) and Guangdong–Guizhou (横琴, to 2035) — 136 unit reports and 3 program reports;
    // Dongguan–Shaoguan (2022–2024) and East–West (2016–2020) have ended.
    expect(expected).toBe(139);

    const deadline = Date.now() + 90_000;
    let status = "running";
    while (Date.now() < deadline && status === "running") {
      await new Promise((r) => setTimeout(r, 500));
      status = String((await platformQuery("SELECT status FROM job_runs WHERE id = ?", [String(run!.id)]))[0]!.status);
    }
    expect(status).toBe("succeeded");
    const [counts] = await platformQuery("SELECT SUM(kind = 'unit_quarterly') AS units, SUM(kind = 'program_quarterly') AS programs FROM reports WHERE period = ?", [period]);
    expect(Number(counts!.units)).toBe(136);
    expect(Number(counts!.programs)).toBe(3);
  }, 120_000);
});
