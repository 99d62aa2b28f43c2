import { readFileSync } from "node:fs";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns } from "../db/platform/schema";
import { cronsFromWranglerToml } from "../src/jobs/crons";
import { JOBS_BY_CRON, runScheduled } from "../src/jobs/schedule";
import { startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("the schedule", () => {
  it("has a job for every cron declared in wrangler.toml, and declares every job's cron there", () => {
    const declared = cronsFromWranglerToml(readFileSync("wrangler.toml", "utf8"));
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.sort()).toEqual(Object.keys(JOBS_BY_CRON).sort());
  });

  it("runs the daily job by its expression and records the run with an outcome per unit", async () => {
    const result = await runScheduled(h.services, "0 18 * * *");
    expect(result?.status).toBe("succeeded");
    expect(result?.outcomes).toHaveLength(143);
    const [run] = await h.services.platform.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(1);
    expect(run).toMatchObject({ job: "daily", cron: "0 18 * * *", status: "succeeded" });
    expect(run!.finishedAt).not.toBeNull();
  });

  it("ignores an expression it does not know", async () => {
    expect(await runScheduled(h.services, "1 2 3 4 5")).toBeNull();
  });
});
