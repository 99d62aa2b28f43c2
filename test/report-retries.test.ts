/**
 * A report that fails in its run is retried by the daily job for the run's own period (not the next
 * quarter's), under the run's id, until it is issued — or, after REPORT_RETRY_DAYS nights, given up
 * with an alert on the unit.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, jobRuns, jobTargets, reports } from "../db/platform/schema";
import { REPORT_RETRY_DAYS } from "../src/jobs/daily";
import { runJob } from "../src/jobs/schedule";
import { startHarness, tempDir, type Harness } from "./support/harness";

let dir: ReturnType<typeof tempDir>;
let h: Harness;
const file = () => join(dir.path, "tenants", "gd-org-dept.db");

async function breakUnit() {
  await h.services.tenants.close();
  renameSync(file(), `${file()}.bak`);
  for (const suffix of ["-wal", "-shm"]) if (existsSync(`${file()}${suffix}`)) renameSync(`${file()}${suffix}`, `${file()}.bak${suffix}`);
  writeFileSync(file(), "corrupted");
}

async function restoreUnit() {
  await h.services.tenants.close();
  rmSync(file());
  renameSync(`${file()}.bak`, file());
  for (const suffix of ["-wal", "-shm"]) if (existsSync(`${file()}.bak${suffix}`)) renameSync(`${file()}.bak${suffix}`, `${file()}${suffix}`);
}

const unitReports = (period: string) =>
  h.services.platform
    .select()
    .from(reports)
    .where(and(eq(reports.kind, "unit_quarterly"), eq(reports.unit, "gd-org-dept"), eq(reports.period, period)));

beforeAll(async () => {
  dir = tempDir("duikou-retries-");
  h = await startHarness({ DATA_DIR: dir.path });
}, 120_000);

afterAll(async () => {
  await h.close();
  dir.remove();
});

describe("failed reports", () => {
  it("are issued for their own period by the next daily run, and the run turns succeeded", async () => {
    await breakUnit();
    const run = await runJob(h.services, "quarterly", null, "2026-10-05"); // 2026 Q3
    expect(run.status).toBe("partial");
    expect(await unitReports("2026-Q3")).toHaveLength(0);
    await restoreUnit();

    // A day later — still within Q4, so a new quarterly run would report nothing for Q3.
    await runJob(h.services, "daily", null, "2026-10-06");
    const issued = await unitReports("2026-Q3");
    expect(issued).toHaveLength(1);
    expect(issued[0]!.runId).toBe(run.runId);
    const [after] = await h.services.platform.select().from(jobRuns).where(eq(jobRuns.id, run.runId));
    expect(after).toMatchObject({ status: "succeeded", failed: 0, done: after!.expected });
    const [target] = await h.services.platform.select().from(jobTargets).where(and(eq(jobTargets.runId, run.runId), eq(jobTargets.target, "gd-old-areas/gd-org-dept")));
    expect(target).toMatchObject({ ok: true, retries: 1 });
  });

  it(`are given up after ${REPORT_RETRY_DAYS} nights with an alert on the unit`, async () => {
    await breakUnit();
    try {
      const run = await runJob(h.services, "quarterly", null, "2026-07-05"); // 2026 Q2
      expect(run.status).toBe("partial");
      for (let night = 1; night <= REPORT_RETRY_DAYS + 1; night++) await runJob(h.services, "daily", null, `2026-07-${String(5 + night).padStart(2, "0")}`);
      const [target] = await h.services.platform.select().from(jobTargets).where(and(eq(jobTargets.runId, run.runId), eq(jobTargets.target, "gd-old-areas/gd-org-dept")));
      expect(target).toMatchObject({ ok: false, retries: REPORT_RETRY_DAYS, givenUp: true });
      const raised = await h.services.platform.select().from(alerts).where(and(eq(alerts.unit, "gd-org-dept"), eq(alerts.kind, "report_failed")));
      expect(raised.map((a) => a.subject)).toEqual(["gd-old-areas/2026-Q2"]);
      expect(raised[0]!.resolvedAt).toBeNull();
    } finally {
      await restoreUnit();
    }
  }, 60_000);
});
