/**
 * Reports issued from a seeded ledger: figures checked against the records written, frozen content,
 * idempotent jobs, a failing unit that does not stop the others and is retried by the next run.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns, jobTargets, reports } from "../../db/platform/schema";
import { runJob } from "../../src/jobs/schedule";
import { canonicalJson, sha256Hex } from "../../src/reports/canonical";
import type { ReportDocument } from "../../src/reports/document";
import { call, makeUser, startHarness, tempDir, type Harness, type TestUser } from "../support/harness";

const DAY = "2024-10-05"; // the quarterly job's day: it reports 2024 Q3 (the Dongguan–Shaoguan plan runs 2022–2024; later years get no report)
let dir: ReturnType<typeof tempDir>;
let h: Harness;
let editor: TestUser;
let coordinator: TestUser;
/** The quarterly job's run on DAY, made once before the tests: each test reads the reports it issued (version 1). */
let quarterly: Awaited<ReturnType<typeof runJob>>;

async function post(path: string, body: unknown, token = editor.token) {
  const res = await call(h, "POST", path, { token, body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return res.json();
}

function table(doc: ReportDocument, title: string) {
  const found = doc.sections.flatMap((s) => s.tables).find((t) => t.title === title);
  if (!found) throw new Error(`no table ${title}`);
  return found;
}

async function reportRows(where: Partial<{ kind: string; unit: string; program: string; period: string; version: number }>) {
  const all = await h.services.platform.select().from(reports);
  return all.filter((r) => Object.entries(where).every(([k, v]) => (r as Record<string, unknown>)[k] === v));
}

beforeAll(async () => {
  dir = tempDir("duikou-reports-");
  h = await startHarness({ DATA_DIR: dir.path });
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan", "gd-old-areas"] });
  const program = "dongguan-shaoguan";
  // Q2: 800,000.00 元 allocated to 乳源 for a grassroots project; Q3: 200,000.00 元 more and 300,000.00 元 disbursed.
  const project = await post("/api/t/dongguan/projects", { title: "乳源县<script>alert(1)</script>卫生院", category: "health", areaCode: "440232", program, grassroots: true, budgetFen: 100_000_000, startDate: "2024-05-01", beneficiaries: 3000, beneficiariesLifted: 120 });
  await post("/api/t/dongguan/funds", { kind: "allocation", source: "city", amountFen: 80_000_000, date: "2024-05-10", areaCode: "440232", projectId: project.id, program, grassroots: true });
  await post("/api/t/dongguan/funds", { kind: "allocation", source: "town", amountFen: 20_000_000, date: "2024-08-10", areaCode: "440232", projectId: project.id, program, grassroots: true });
  await post("/api/t/dongguan/funds", { kind: "disbursement", source: "city", amountFen: 30_000_000, date: "2024-08-20", areaCode: "440232", projectId: project.id, program, grassroots: true });
  await post("/api/t/dongguan/activities", { kind: "joint_meeting", date: "2024-03-10", title: "联席会议", program });
  await post("/api/t/dongguan/activities", { kind: "joint_meeting", date: "2024-09-10", title: "联席会议", program });
  const draft = await post("/api/t/dongguan/submissions", { year: 2024, quarter: 3, program, progress: "第三季度完成乳源县卫生院改造", problems: "资金拨付偏慢", nextSteps: "第四季度完成验收" });
  await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: { "if-match": '"1"' } });
  // 省委组织部 (old areas) records a little too, so its program has figures.
  const orgEditor = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
  await post("/api/t/gd-org-dept/funds", { kind: "allocation", source: "province", amountFen: 5_000_000, date: "2024-07-01", areaCode: "440282", grassroots: true }, orgEditor.token);
  await h.services.snapshots.settled();
  quarterly = await runJob(h.services, "quarterly", "0 1 5 1,4,7,10 *", DAY);
}, 120_000);

/** Sets the Dongguan–Shaoguan joint-meeting rule's meetings per year (2 as seeded), at the version it has now. */
async function setMeetingsPerYear(perYear: number) {
  const rules = await (await call(h, "GET", "/api/programs/dongguan-shaoguan/rules", { token: coordinator.token })).json();
  const rule = rules.items.find((r: { id: string }) => r.id === "joint-meetings-dongguan");
  const put = await call(h, "PUT", "/api/programs/dongguan-shaoguan/rules/joint-meetings-dongguan", { token: coordinator.token, body: { params: { perYear } }, headers: { "if-match": `"${rule.version}"` } });
  expect(put.status).toBe(200);
}

afterAll(async () => {
  await h.close();
  dir.remove();
});

describe("the quarterly job", () => {
  it("issues every unit's quarterly report and each program's report, recorded as one run", async () => {
    const run = quarterly;
    expect(run.status).toBe("succeeded");
    // Only programs whose term holds 2024 report it: old areas (2022–2030), Gannan (2021–2030), Dongguan–Shaoguan
    // (2022–2024), Guangdong–Guizhou (2022–2025) — 4; the 2016 East–West program ran 2016–2020 and issues none.
    // Version 1, as this run issued them (a test below re-issues the Dongguan–Shaoguan program's as version 2).
    const unitReports = await reportRows({ kind: "unit_quarterly", period: "2024-Q3", version: 1 });
    const programReports = await reportRows({ kind: "program_quarterly", period: "2024-Q3", version: 1 });
    expect(programReports.map((r) => r.program).sort()).toEqual(["dongguan-shaoguan", "gannan-central", "gd-guizhou", "gd-old-areas"]);
    expect(unitReports.length).toBe(run.outcomes.length - 4);
    expect(unitReports.some((r) => r.program === "gd-east-west-2016")).toBe(false);
    expect(unitReports.filter((r) => r.unit === "dongguan").map((r) => r.program).sort()).toEqual(["dongguan-shaoguan"]);
    const [row] = await h.services.platform.select().from(jobRuns).where(eq(jobRuns.id, run.runId));
    expect(row).toMatchObject({ job: "quarterly", status: "succeeded", cron: "0 1 5 1,4,7,10 *" });
  });

  it("run twice, still issues one report per unit and period", async () => {
    const before = (await h.services.platform.select().from(reports)).length;
    const again = await runJob(h.services, "quarterly", null, DAY);
    expect(again.status).toBe("succeeded");
    expect(again.outcomes.every((o) => o.detail?.startsWith("exists"))).toBe(true);
    expect((await h.services.platform.select().from(reports)).length).toBe(before);
  });
});

describe("Dongguan's quarterly report for the Dongguan–Shaoguan program", () => {
  /** The report the quarterly job issued (version 1, whatever was re-issued since). */
  async function report() {
    const [row] = await reportRows({ kind: "unit_quarterly", unit: "dongguan", program: "dongguan-shaoguan", period: "2024-Q3", version: 1 });
    return row!;
  }

  it("carries the quarter's and the year's funds as recorded", async () => {
    const doc = (await report()).content as { document: ReportDocument };
    const funds = table(doc.document, "资金情况（万元）");
    // allocated: Q3 200,000.00 元 = 20,000,000 fen; year 800,000.00 + 200,000.00 = 100,000,000 fen
    expect(funds.rows[0]).toEqual(["安排（拨入）资金", { fen: 20_000_000 }, { fen: 100_000_000 }]);
    // disbursed: 300,000.00 元 in Q3
    expect(funds.rows[1]).toEqual(["拨付资金", { fen: 30_000_000 }, { fen: 30_000_000 }]);
    expect(funds.total).toEqual(["投入合计", { fen: 20_000_000 }, { fen: 100_000_000 }]);
  });

  it("includes the submitted narrative and the rule results with explanations", async () => {
    const doc = ((await report()).content as { document: ReportDocument }).document;
    const text = JSON.stringify(doc);
    expect(text).toContain("第三季度完成乳源县卫生院改造");
    expect(text).toContain("资金拨付偏慢");
    const rules = table(doc, "政策要求核查结果");
    // §五(一): two joint meetings by Q3 meet the pro-rata ceil(2 × 3/4) = 2 — cited as a reader cites it.
    const meetings = rules.rows.find((r) => String(r[1]).endsWith("第五部分第（一）项"));
    expect(meetings?.[1]).toBe("《东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）》（莞韶指〔2022〕1号）第五部分第（一）项");
    expect(meetings?.[2]).toBe("达标");
    // No clause is cited by the catalog's file name.
    expect(rules.rows.filter((r) => /\.txt|§/.test(String(r[1])))).toEqual([]);
  });

  it("is frozen: its hash is the hash of what it stored, and a later rule change does not touch it", async () => {
    const row = await report();
    const hash = await sha256Hex(canonicalJson({ kind: row.kind, program: row.program, unit: row.unit, period: row.period, params: row.params, content: row.content }));
    expect(hash).toBe(row.contentHash);
    await setMeetingsPerYear(4);
    const unchanged = await report();
    expect(unchanged.contentHash).toBe(row.contentHash);
    expect((unchanged.params as { rules: Record<string, { params: { perYear: number } }> }).rules["joint-meetings-dongguan"]!.params.perYear).toBe(2);
  });

  it("re-issuing makes version 2 with the new parameters and keeps version 1", async () => {
    await setMeetingsPerYear(6);
    const again = await call(h, "POST", "/api/programs/dongguan-shaoguan/reports/run", { token: coordinator.token, body: { job: "quarterly", year: 2024, quarter: 3 } });
    // Done before answering on Node (200), and it says that nothing new was made: every report exists.
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "succeeded", issued: 0, failed: 0, existing: expect.any(Number) });
    const res = await call(h, "POST", "/api/programs/dongguan-shaoguan/reports/run", { token: coordinator.token, body: { job: "quarterly", year: 2024, quarter: 3, reissue: true } });
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.existing).toBe(0);
    expect(answer.issued).toBeGreaterThan(0);
    const versions = (await reportRows({ kind: "unit_quarterly", unit: "dongguan", program: "dongguan-shaoguan", period: "2024-Q3" })).sort((a, b) => a.version - b.version);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect((versions[1]!.params as { rules: Record<string, { params: { perYear: number } }> }).rules["joint-meetings-dongguan"]!.params.perYear).toBe(6);
    expect(versions[0]!.contentHash).not.toBe(versions[1]!.contentHash);
  });
});

describe("a unit whose database fails", () => {
  it("does not stop the others; the failure is recorded, and the next run issues its report", async () => {
    const file = join(dir.path, "tenants", "gd-org-dept.db");
    // Moved aside, not overwritten: a closed client may still hold the old file open (see test/rollup.test.ts).
    await h.services.tenants.close();
    renameSync(file, `${file}.bak`);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${file}.bak${suffix}`);
    writeFileSync(file, "corrupted");
    const run = await runJob(h.services, "quarterly", null, "2024-07-05"); // 2024 Q2
    expect(run.status).toBe("partial");
    const failed = await h.services.platform.select().from(jobTargets).where(and(eq(jobTargets.runId, run.runId), eq(jobTargets.ok, false)));
    expect(failed.map((f) => f.target)).toEqual(["gd-old-areas/gd-org-dept"]);
    expect((await reportRows({ kind: "unit_quarterly", unit: "yuecai-holdings", period: "2024-Q2" })).length).toBe(1);
    expect((await reportRows({ kind: "unit_quarterly", unit: "gd-org-dept", period: "2024-Q2" })).length).toBe(0);

    await h.services.tenants.close();
    rmSync(file);
    renameSync(`${file}.bak`, file);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(`${file}.bak${suffix}`)) renameSync(`${file}.bak${suffix}`, `${file}${suffix}`);
    const retry = await runJob(h.services, "quarterly", null, "2024-07-05");
    expect(retry.status).toBe("succeeded");
    expect(retry.outcomes.find((o) => o.unit === "gd-old-areas/gd-org-dept")?.detail).toMatch(/^issued/);
    expect((await reportRows({ kind: "unit_quarterly", unit: "gd-org-dept", period: "2024-Q2" })).length).toBe(1);
  });
});

describe("the annual assessment", () => {
  it("follows the Dongguan–Shaoguan plan, which sets no dimensions: requirements unit by unit, no score, no ranking", async () => {
    const run = await runJob(h.services, "annual", "0 1 15 1 *", "2025-01-15");
    expect(run.status).toBe("succeeded");
    const [row] = await reportRows({ kind: "program_annual", program: "dongguan-shaoguan", period: "2024" });
    const doc = (row!.content as { document: ReportDocument }).document;
    const method = doc.sections.find((s) => s.heading === "考核办法")!.paragraphs.join("");
    expect(method).toContain("依据《东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）》（莞韶指〔2022〕1号）第五部分第（五）项");
    expect(method).toContain("不计总分、不排名");
    expect(doc.sections.flatMap((s) => s.tables).some((t) => t.title === "年度考核得分")).toBe(false);
    expect(table(doc, "年度要求核查结果").rows.length).toBeGreaterThan(0);
    expect(doc.sections.some((s) => s.heading === "先进与滞后")).toBe(true);
    // Lagging units grouped by requirement: each requirement and result once, with how many units.
    const lag = table(doc, "滞后的要求及单位");
    const keys = lag.rows.map((r) => `${r[0]}/${r[1]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(lag.rows.every((r) => typeof r[2] === "number" && r[2] > 0)).toBe(true);
    expect(row!.params).not.toHaveProperty("weights");
  });

  it("scores the 2016 East–West program on its five dimensions (§14) with the weights it keeps, and ranks", async () => {
    // 2020, the last year of the 2016 document's term. 广州市 puts in 1,000,000 fen for livelihoods, 深圳市 500,000 fen not.
    for (const [unit, amountFen, grassroots, areaCode] of [["guangzhou", 1_000_000, true, "522701"], ["shenzhen", 500_000, false, "451002"]] as const) {
      const clerk = await makeUser(h, "unit_editor", { unit });
      const res = await call(h, "POST", `/api/t/${unit}/funds`, { token: clerk.token, body: { kind: "allocation", source: "city", amountFen, date: "2020-06-01", areaCode, program: "gd-east-west-2016", grassroots } });
      expect(res.status).toBe(201);
    }
    expect((await runJob(h.services, "annual", null, "2021-01-15")).status).toBe("succeeded");
    const [row] = await reportRows({ kind: "program_annual", program: "gd-east-west-2016", period: "2020" });
    const doc = (row!.content as { document: ReportDocument }).document;
    expect(doc.sections[0]!.paragraphs[0]).toContain("依据《关于进一步加强东西部扶贫协作工作的实施意见》（粤办发〔2016〕32号）第14条");
    // Fund support: 投入资金 广州 100 (the best), 深圳 50; 基层民生资金 100 and 0; 已拨付 0 for all →
    // 广州 (100 + 100 + 0) / 3 = 66.7, 深圳 (50 + 0 + 0) / 3 = 16.7; every other dimension 0 for all.
    // Total = 20% × fund support: 广州 13.3, 深圳 3.3; the units with nothing tie on 0.0.
    const ranking = table(doc, "年度考核得分").rows;
    expect(ranking[0]!.slice(0, 3)).toEqual([1, "广州市", "13.3"]);
    expect(ranking[0]![7]).toBe("66.7");
    expect(ranking[1]!.slice(0, 3)).toEqual([2, "深圳市", "3.3"]);
    expect(ranking.slice(2).every((r) => r[0] === 3 && r[2] === "0.0")).toBe(true);
    expect((row!.params as { weights: { dimensions: Record<string, number> } }).weights.dimensions).toEqual({ poverty: 20, labour: 20, industry: 20, talent: 20, funds: 20 });
  });
});

describe("reading reports", () => {
  it("lists a unit's reports to its own staff and a program's to its coordinator", async () => {
    // Exactly what is stored for each (a test here may have re-issued a version 2), and at least the quarterly job's.
    const ids = (items: { id: string }[]) => items.map((r) => r.id).sort();
    const mine = await (await call(h, "GET", "/api/t/dongguan/reports?period=2024-Q3", { token: editor.token })).json();
    const dongguans = await reportRows({ unit: "dongguan", period: "2024-Q3" });
    expect(ids(mine.items)).toEqual(ids(dongguans));
    expect(dongguans.some((r) => r.kind === "unit_quarterly" && r.program === "dongguan-shaoguan" && r.version === 1)).toBe(true);
    const program = await (await call(h, "GET", "/api/programs/dongguan-shaoguan/reports?kind=program_quarterly", { token: coordinator.token })).json();
    const programs = await reportRows({ kind: "program_quarterly", program: "dongguan-shaoguan" });
    expect(ids(program.items)).toEqual(ids(programs));
    expect(programs.some((r) => r.period === "2024-Q3" && r.version === 1)).toBe(true);
  });

  it("hides a unit's report from another unit (404) and a program's list from another coordinator (403)", async () => {
    const [row] = await reportRows({ kind: "unit_quarterly", unit: "dongguan", program: "dongguan-shaoguan", period: "2024-Q3", version: 1 });
    const stranger = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
    expect((await call(h, "GET", `/api/reports/${row!.id}`, { token: stranger.token })).status).toBe(404);
    const otherCoordinator = await makeUser(h, "coordinator", { programs: ["gannan-central"] });
    expect((await call(h, "GET", "/api/programs/dongguan-shaoguan/reports", { token: otherCoordinator.token })).status).toBe(403);
    expect((await call(h, "GET", `/api/reports/${row!.id}`, { token: otherCoordinator.token })).status).toBe(404);
  });
});
