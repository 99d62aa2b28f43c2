/**
 * Faults: a unit whose database is unreadable does not stop the rollup, the daily job or the
 * quarterly reports of the others, and its failure is said; a process killed in the middle of an
 * import leaves nothing of it behind (the import is one batch, committed whole or not at all).
 */
import { spawn } from "node:child_process";
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { jobTargets, reports } from "../../db/platform/schema";
import { runJob } from "../../src/jobs/schedule";
import { refreshUnit } from "../../src/figures/refresh";
import { call, makeUser, startHarness, tempDir, type Harness, type TestUser } from "../support/harness";

const CHILD = join(import.meta.dirname, "fixtures", "import-child.ts");

describe("a unit whose database fails", () => {
  // 老区苏区 (gd-old-areas): 南雄市 (440282) is helped by 省委组织部 (lead), 粤财控股 and 人民银行广州分行.
  const BROKEN = "yuecai-holdings";
  let dir: ReturnType<typeof tempDir>;
  let h: Harness;
  let coordinator: TestUser;
  const file = () => join(dir.path, "tenants", `${BROKEN}.db`);

  beforeAll(async () => {
    dir = tempDir("duikou-faults-");
    h = await startHarness({ DATA_DIR: dir.path });
    coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas"] });
    const org = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
    const bank = await makeUser(h, "unit_editor", { unit: "pboc-guangzhou" });
    const yuecai = await makeUser(h, "unit_editor", { unit: BROKEN });
    // 2025: 省委组织部 1,000,000.00 元 and 粤财 200,000.00 元 to 南雄, 人民银行 30,000.00 元.
    for (const [token, unit, amountFen] of [
      [org.token, "gd-org-dept", 100_000_000],
      [yuecai.token, BROKEN, 20_000_000],
      [bank.token, "pboc-guangzhou", 3_000_000],
    ] as const) {
      const res = await call(h, "POST", `/api/t/${unit}/funds`, { token, body: { kind: "allocation", source: "province", amountFen, date: "2025-08-01", areaCode: "440282", grassroots: true } });
      expect(res.status).toBe(201);
    }
    await h.services.snapshots.settled();
  }, 60_000);

  afterAll(async () => {
    await h.close();
    dir.remove();
  });

  /**
   * Each test breaks the unit itself, from a sound one. Writes refresh the facts of their record's year: they are
   * forgotten, with any judgement of 2025 an earlier test's reads made from them, so that 2025 is a period never
   * computed. The unit's file is replaced by garbage (a disk fault, a bad
   * restore). The database and its WAL are moved aside rather than overwritten: libsql releases a closed connection's
   * file handles only when it is garbage-collected, and such a connection checkpointing its WAL into an overwritten
   * file would quietly repair it.
   */
  async function breakUnit() {
    await h.services.queue.settled();
    await h.services.snapshots.settled();
    await h.services.platformClient.execute("DELETE FROM unit_facts WHERE year = 2025");
    for (const table of ["unit_judgement_areas", "unit_judgements", "judgement_requests"]) await h.services.platformClient.execute(`DELETE FROM ${table} WHERE period LIKE '2025%'`);
    await h.services.tenants.close();
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(`${file()}${suffix}`)) renameSync(`${file()}${suffix}`, `${file()}${suffix}.bak`);
    writeFileSync(file(), "this is not a database ".repeat(200));
  }

  /** The unit's own database back in place (nothing to do when it is there already). */
  async function restoreUnit() {
    if (!existsSync(`${file()}.bak`)) return;
    await h.services.tenants.close();
    rmSync(file());
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(`${file()}${suffix}.bak`)) renameSync(`${file()}${suffix}.bak`, `${file()}${suffix}`);
  }

  afterEach(async () => {
    await h.services.queue.settled();
    await h.services.snapshots.settled();
    await restoreUnit();
    // The next success clears the unit's recorded fault, so the next test starts from a sound unit.
    expect((await call(h, "GET", `/api/t/${BROKEN}/funds`, { token: coordinator.token })).status).toBe(200);
  });

  it("the rollup of a period never computed answers 200 at once (every unit stale, refreshes queued), then the others' figures and the broken unit stale with its error", async () => {
    await breakUnit();
    const first = await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2025", { token: coordinator.token });
    expect(first.status).toBe(200);
    const unread = await first.json();
    // A rollup reads no tenant: nothing was computed for 2025, so every unit is stale and its refresh queued.
    expect(unread.totals.staleUnits).toBe(unread.totals.units);
    await h.services.queue.settled();
    const res = await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2025", { token: coordinator.token });
    expect(res.status).toBe(200);
    const rollup = await res.json();
    const broken = rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === BROKEN);
    expect(broken.freshness.stale).toBe(true);
    expect(broken.freshness.error).toBeTruthy();
    expect(broken.summary).toBeNull();
    const org = rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === "gd-org-dept");
    expect(org.freshness).toMatchObject({ stale: false, error: null });
    expect(org.summary.funds.inFen).toBe(100_000_000);
    // 南雄: 1,000,000.00 元 (省委组织部) + 30,000.00 元 (人民银行) = 1,030,000.00 元 = 103,000,000 fen;
    // 粤财's 200,000.00 元 cannot be read and is not invented.
    const nanxiong = rollup.areas.find((a: { group: { area: { code: string } } }) => a.group.area.code === "440282");
    expect(nanxiong.sums.inFen).toBe(103_000_000);
    expect(rollup.totals.staleUnits).toBe(1);

    const drill = await call(h, "GET", `/api/programs/gd-old-areas/rollup/units/${BROKEN}?year=2025`, { token: coordinator.token });
    expect(drill.status).toBe(200);
    expect((await drill.json()).freshness.stale).toBe(true);
    // The unit's own routes answer 503 with the envelope, not 500.
    const own = await call(h, "GET", `/api/t/${BROKEN}/funds`, { token: coordinator.token });
    expect(own.status).toBe(503);
    expect((await own.json()).error.code).toBe("UNAVAILABLE");
  });

  it("the daily job migrates and refreshes every other unit and reports the broken one", async () => {
    await breakUnit();
    const run = await runJob(h.services, "daily");
    expect(run.status).toBe("partial");
    const failed = run.outcomes.filter((o) => !o.ok);
    expect(failed.map((o) => o.unit)).toEqual([BROKEN]);
    expect(failed[0]!.detail).toMatch(/^(migration|snapshot):/);
    expect(run.outcomes.filter((o) => o.ok).length).toBeGreaterThan(100);
  });

  it("the quarterly job issues every other report, including the program's, and records the failure", async () => {
    await breakUnit();
    const run = await runJob(h.services, "quarterly", null, "2025-10-05"); // 2025 Q3
    expect(run.status).toBe("partial");
    const failed = await h.services.platform.select().from(jobTargets).where(and(eq(jobTargets.runId, run.runId), eq(jobTargets.ok, false)));
    expect(failed.map((f) => f.target)).toEqual([`gd-old-areas/${BROKEN}`]);
    expect(failed[0]!.detail).toBeTruthy();
    const issued = await h.services.platform.select().from(reports).where(eq(reports.period, "2025-Q3"));
    expect(issued.some((r) => r.kind === "program_quarterly" && r.program === "gd-old-areas")).toBe(true);
    expect(issued.some((r) => r.kind === "unit_quarterly" && r.unit === "gd-org-dept")).toBe(true);
    expect(issued.some((r) => r.unit === BROKEN)).toBe(false);
    // Every target but the broken one succeeded.
    expect(run.outcomes.filter((o) => !o.ok)).toHaveLength(1);
  });

  it("once the file is restored, the next run issues the missing report and the rollup is fresh again", async () => {
    // Broken while the rollup of 2025 computes the others' figures and a quarterly run misses its report. The run is
    // of 2025 Q2, a quarter of its own: the test above issues 2025 Q3 with the unit broken and expects no report of it.
    await breakUnit();
    expect((await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2025", { token: coordinator.token })).status).toBe(200);
    await h.services.queue.settled();
    const missed = await runJob(h.services, "quarterly", null, "2025-07-05"); // 2025 Q2
    expect(missed.status).toBe("partial");
    expect(missed.outcomes.filter((o) => !o.ok).map((o) => o.unit)).toEqual([`gd-old-areas/${BROKEN}`]);

    await restoreUnit();
    const retry = await runJob(h.services, "quarterly", null, "2025-07-05");
    expect(retry.status).toBe("succeeded");
    expect(retry.outcomes.find((o) => o.unit === `gd-old-areas/${BROKEN}`)?.detail).toMatch(/^issued/);
    expect((await runJob(h.services, "daily")).status).toBe("succeeded");
    // The stale 2025 snapshot is refreshed (by the unit's next write, or here directly): fresh again, with 粤财's figures.
    expect((await refreshUnit(h.services, BROKEN, "2025-12-01", [2025])).ok).toBe(true);
    const rollup = await (await call(h, "GET", "/api/programs/gd-old-areas/rollup?year=2025", { token: coordinator.token })).json();
    const unit = rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === BROKEN);
    expect(unit.freshness).toMatchObject({ stale: false, error: null });
    expect(unit.summary.funds.inFen).toBe(20_000_000);
    // 南雄 now: 1,030,000.00 + 200,000.00 = 1,230,000.00 元
    expect(rollup.areas.find((a: { group: { area: { code: string } } }) => a.group.area.code === "440282").sums.inFen).toBe(123_000_000);
  });
});

describe("a process killed in the middle of an import", () => {
  let dir: ReturnType<typeof tempDir>;

  /** What 东莞市 holds: activities, import audit rows, and whether the file is sound. */
  async function dongguan() {
    const h = await startHarness({ DATA_DIR: dir.path });
    try {
      const unit = await h.services.tenants.find("dongguan");
      const { client } = await h.services.tenants.lease(unit!);
      const q = async (sql: string) => (await client.execute(sql)).rows[0]![0];
      return {
        activities: Number(await q("SELECT COUNT(*) FROM activities")),
        importAudits: Number(await q("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity' AND action = 'import'")),
        interrupted: Number(await q("SELECT COUNT(*) FROM activities WHERE title LIKE '中断导入%'")),
        integrity: String(await q("PRAGMA integrity_check")),
      };
    } finally {
      await h.close();
    }
  }

  /**
   * Runs the child and SIGKILLs it `delayMs` after it says "import started", or — with `walBytes` —
   * as soon as the unit's write-ahead log has grown by that much since then (the batch is being written).
   */
  function runAndKill(rows: number, kill: Kill): Promise<{ finished: boolean; walGrowth: number; signal: string | null }> {
    const wal = join(dir.path, "tenants", "dongguan.db-wal");
    const walSize = () => {
      try {
        return statSync(wal).size;
      } catch {
        return 0;
      }
    };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", CHILD], { env: { ...process.env, DATA_DIR: dir.path, ROWS: String(rows), LOG_LEVEL: "error" }, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      let baseline = 0;
      let growth = 0;
      let poll: NodeJS.Timeout | undefined;
      child.stderr.on("data", (b: Buffer) => (err += b.toString()));
      child.stdout.on("data", (b: Buffer) => {
        out += b.toString();
        if (!out.includes("import started") || baseline || poll) return;
        baseline = walSize();
        if ("delayMs" in kill) {
          poll = setTimeout(() => child.kill("SIGKILL"), kill.delayMs);
        } else {
          poll = setInterval(() => {
            growth = walSize() - baseline;
            if (growth >= kill.walBytes) {
              clearInterval(poll);
              child.kill("SIGKILL");
            }
          }, 1);
        }
      });
      child.on("error", reject);
      child.on("exit", (code, signal) => {
        clearInterval(poll);
        clearTimeout(poll);
        if (!out.includes("import started")) reject(new Error(`child failed before importing (code ${code}): ${err.slice(0, 2000)}`));
        else resolve({ finished: out.includes("import finished"), walGrowth: growth, signal });
      });
    });
  }

  beforeAll(async () => {
    dir = tempDir("duikou-kill-");
    await dongguan(); // creates, migrates and seeds the data folder
  }, 60_000);

  afterAll(() => dir.remove());

  type Kill = { delayMs: number } | { walBytes: number };
  it.each<{ rows: number; kill: Kill; when: string }>([
    { rows: 20_000, kill: { walBytes: 64 * 1024 }, when: "20,000 rows, as the batch starts writing" },
    { rows: 5_000, kill: { walBytes: 3 * 1024 * 1024 }, when: "5,000 rows, well into the batch" },
    { rows: 5_000, kill: { delayMs: 150 }, when: "5,000 rows, 150 ms after the request starts (still reading the file)" },
  ])("leaves nothing of an import killed with $when", async ({ rows, kill }) => {
    const before = await dongguan();
    const outcome = await runAndKill(rows, kill);
    expect(outcome.signal).toBe("SIGKILL");
    expect(outcome.finished).toBe(false);
    if ("walBytes" in kill) expect(outcome.walGrowth).toBeGreaterThanOrEqual(kill.walBytes);
    const after = await dongguan();
    expect(after).toEqual({ ...before, interrupted: 0, integrity: "ok" });
  }, 40_000);

  it("the unit takes writes again after the kills", async () => {
    const h = await startHarness({ DATA_DIR: dir.path });
    try {
      const editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
      const res = await call(h, "POST", "/api/t/dongguan/activities", { token: editor.token, body: { kind: "joint_meeting", date: "2026-05-01", title: "恢复后的联席会议" } });
      expect(res.status).toBe(201);
    } finally {
      await h.services.snapshots.settled();
      await h.close();
    }
    const after = await dongguan();
    expect(after.interrupted).toBe(0);
    expect(after.integrity).toBe("ok");
  });
});
