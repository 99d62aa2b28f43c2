/**
 * Races, on file databases with their connection pools (as the server runs): parallel edits of one
 * cadre, project or submission with the same If-Match — exactly one wins, the rest get 412 and leave
 * no audit row; an edit racing the submit; parallel imports into one unit — each all-or-nothing,
 * never interleaved; parallel fund imports that fit alone but not together — one is refused whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, tempDir, type Harness, type TestUser } from "../support/harness";

const PROGRAM = "dongguan-shaoguan";
const PARALLEL = 8;
let dir: ReturnType<typeof tempDir>;
let h: Harness;
let editor: TestUser;
let coordinator: TestUser;

async function create(path: string, body: Record<string, unknown>) {
  const res = await call(h, "POST", `/api/t/dongguan/${path}`, { token: editor.token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string };
}

async function audit(entity: string, id: string): Promise<string[]> {
  const { items } = await (await call(h, "GET", `/api/t/dongguan/audit?entity=${entity}&entityId=${id}`, { token: editor.token })).json();
  return items.map((a: { action: string }) => a.action).reverse();
}

async function sql(query: string, args: (string | number)[] = []) {
  const unit = await h.services.tenants.find("dongguan");
  const { client } = await h.services.tenants.lease(unit!);
  return (await client.execute({ sql: query, args })).rows;
}

/** Sends the same change `PARALLEL` times at once with If-Match "1"; returns the statuses, sorted. */
async function race(method: string, path: string, bodies: (i: number) => unknown): Promise<number[]> {
  const results = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => call(h, method, path, { token: editor.token, body: bodies(i), headers: { "if-match": '"1"' } })));
  return results.map((r) => r.status).sort();
}

const oneWinner = [200, ...Array(PARALLEL - 1).fill(412)];

beforeAll(async () => {
  dir = tempDir("duikou-race-");
  h = await startHarness({ DATA_DIR: dir.path });
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  coordinator = await makeUser(h, "coordinator", { programs: [PROGRAM] });
}, 60_000);

afterAll(async () => {
  await h.services.snapshots.settled();
  await h.close();
  dir.remove();
});

describe("parallel edits with the same If-Match", () => {
  it("of one cadre: one 200, the rest 412, one update in the audit trail", async () => {
    const cadre = await create("cadres", { name: "李四", post: "副县长", level: "county_deputy", hostAreaCode: "440232", program: PROGRAM, startDate: "2026-01-05" });
    expect(await race("PATCH", `/api/t/dongguan/cadres/${cadre.id}`, (i) => ({ post: `副县长（第 ${i} 次修改）` }))).toEqual(oneWinner);
    const stored = await (await call(h, "GET", `/api/t/dongguan/cadres/${cadre.id}`, { token: editor.token })).json();
    expect(stored.version).toBe(2);
    expect(await audit("cadre", cadre.id)).toEqual(["create", "update"]);
    // The audit row's "after" is what is stored.
    const [row] = await sql("SELECT after FROM audit_log WHERE entity = 'cadre' AND entity_id = ? AND action = 'update'", [cadre.id]);
    expect(JSON.parse(String(row!.after)).post).toBe(stored.post);
  });

  it("of one project's status: one step taken once, the rest 412", async () => {
    const project = await create("projects", { title: "竞争项目", category: "industry", areaCode: "440232", program: PROGRAM });
    expect(await race("PATCH", `/api/t/dongguan/projects/${project.id}`, () => ({ status: "approved" }))).toEqual(oneWinner);
    const stored = await (await call(h, "GET", `/api/t/dongguan/projects/${project.id}`, { token: editor.token })).json();
    expect(stored).toMatchObject({ version: 2, status: "approved" });
    expect(await audit("project", project.id)).toEqual(["create", "update"]);
  });

  it("of one submission: one 200, the rest 412", async () => {
    const draft = await create("submissions", { year: 2026, quarter: 2, program: PROGRAM });
    expect(await race("PATCH", `/api/t/dongguan/submissions/${draft.id}`, (i) => ({ progress: `进展 ${i}` }))).toEqual(oneWinner);
    expect(await audit("submission", draft.id)).toEqual(["create", "update"]);
  });

  it("voids racing edits of one fund: one of them wins, nothing else is written", async () => {
    const fund = await create("funds", { kind: "social_donation", source: "society", amountFen: 100, date: "2026-03-15", areaCode: "440232" });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        i % 2
          ? call(h, "PATCH", `/api/t/dongguan/funds/${fund.id}`, { token: editor.token, body: { amountFen: 100 + i }, headers: { "if-match": '"1"' } })
          : call(h, "POST", `/api/t/dongguan/funds/${fund.id}/void`, { token: editor.token, body: { reason: `作废 ${i}` }, headers: { "if-match": '"1"' } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // A loser that read before the winner wrote gets 412; one that read after a void, 409 (voided).
    expect(statuses.filter((s) => s !== 200).every((s) => s === 412 || s === 409)).toBe(true);
    expect((await audit("fund", fund.id)).length).toBe(2);
  });

  it("an edit racing the submit: exactly one of them applies", async () => {
    const draft = await create("submissions", { year: 2026, quarter: 1, program: PROGRAM, progress: "已完成" });
    const [submit, edit] = await Promise.all([
      call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: { "if-match": '"1"' } }),
      call(h, "PATCH", `/api/t/dongguan/submissions/${draft.id}`, { token: editor.token, body: { progress: "在提交的同时修改" }, headers: { "if-match": '"1"' } }),
    ]);
    // The loser gets 412 (stale version), or 423 when the edit read the submission already locked.
    expect([submit.status, edit.status].filter((s) => s === 200)).toHaveLength(1);
    expect([412, 423]).toContain(submit.status === 200 ? edit.status : submit.status);
    const stored = await (await call(h, "GET", `/api/t/dongguan/submissions/${draft.id}`, { token: editor.token })).json();
    expect(stored.version).toBe(2);
    expect(stored.status === "submitted").toBe(submit.status === 200);
    expect(stored.progress === "在提交的同时修改").toBe(edit.status === 200);
  });

  it("two coordinators' reopenings of one submission: one 200, one 412", async () => {
    const draft = await create("submissions", { year: 2025, quarter: 4, program: PROGRAM, progress: "已完成" });
    expect((await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: { "if-match": '"1"' } })).status).toBe(200);
    const other = await makeUser(h, "coordinator", { programs: [PROGRAM] });
    const results = await Promise.all(
      [coordinator, other].map((c) => call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/reopen`, { token: c.token, body: { reason: "请补充数据" }, headers: { "if-match": '"2"' } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    // 412 (stale version), or 409 when the second read it already reopened.
    expect([409, 412]).toContain(statuses[1]);
    expect(await audit("submission", draft.id)).toEqual(["create", "submit", "reopen"]);
  });
});

describe("parallel imports into one unit", () => {
  function activitiesCsv(tag: string, rows: number): string {
    const lines = ["事项类型,日期,事项,受援地代码,方向,人数/人次"];
    for (let i = 0; i < rows; i++) lines.push(`人员交流,2026-0${(i % 9) + 1}-15,${tag} ${i},440232,我方赴/送受援地,${(i % 5) + 1}`);
    return lines.join("\n");
  }

  function importCsv(path: string, csv: string) {
    return h.app.request(`/api/t/dongguan/${path}/import`, { method: "POST", headers: { authorization: `Bearer ${editor.token}`, "content-type": "text/csv" }, body: csv });
  }

  it("three at once all succeed whole, and each one's audit rows are one unbroken run (no interleaving)", async () => {
    const tags = ["并行导入甲", "并行导入乙", "并行导入丙"];
    const results = await Promise.all(tags.map((tag) => importCsv("activities", activitiesCsv(tag, 1_500))));
    for (const r of results) expect(r.status, await r.clone().text()).toBe(201);
    for (const tag of tags) {
      const [count] = await sql("SELECT COUNT(*) AS n FROM activities WHERE title LIKE ?", [`${tag} %`]);
      expect(Number(count!.n)).toBe(1_500);
      // One import = one request id; its 1,500 audit rows have consecutive ids.
      const [run] = await sql(
        "SELECT COUNT(*) AS n, MIN(a.id) AS lo, MAX(a.id) AS hi, COUNT(DISTINCT a.request_id) AS requests FROM audit_log a JOIN activities t ON t.id = a.entity_id WHERE a.action = 'import' AND t.title LIKE ?",
        [`${tag} %`],
      );
      expect(Number(run!.n)).toBe(1_500);
      expect(Number(run!.requests)).toBe(1);
      expect(Number(run!.hi) - Number(run!.lo) + 1).toBe(1_500);
    }
  });

  it("fund imports that fit alone but not together: one is written whole, the other refused whole", async () => {
    const project = await create("projects", { title: "并行拨付项目", category: "industry", areaCode: "440232", program: PROGRAM });
    // 1,000.00 元 allocated; each import disburses 3 × 200.00 = 600.00 元: one fits, both would be 1,200.00.
    await create("funds", { kind: "allocation", source: "city", amountFen: 100_000, date: "2026-02-01", areaCode: "440232", projectId: project.id });
    const csv = (tag: string) => ["资金类型,资金来源,金额（元）,日期,受援地代码,项目编号,备注", ...[1, 2, 3].map((i) => `拨付（支出）,市级,200.00,2026-03-0${i},440232,${project.id},${tag} ${i}`)].join("\n");
    const results = await Promise.all([importCsv("funds", csv("拨付甲")), importCsv("funds", csv("拨付乙"))]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    // Refused by the API's check (400) or, when both checks ran before either wrote, by the trigger (422).
    expect([400, 422]).toContain(statuses[1]);
    const [sums] = await sql(
      "SELECT SUM(CASE WHEN kind = 'disbursement' THEN amount_fen END) AS out, COUNT(CASE WHEN kind = 'disbursement' THEN 1 END) AS n FROM funds WHERE project_id = ?",
      [project.id],
    );
    expect(Number(sums!.out)).toBe(60_000);
    expect(Number(sums!.n)).toBe(3);
    const [rows] = await sql("SELECT COUNT(DISTINCT substr(note, 1, 3)) AS imports FROM funds WHERE project_id = ? AND kind = 'disbursement'", [project.id]);
    expect(Number(rows!.imports)).toBe(1);
  });
});

describe("directory writes use the same guard (finding 12)", () => {
  const platformRows = async (query: string, args: (string | number)[] = []) => (await h.services.platformClient.execute({ sql: query, args })).rows;

  it("parallel rule changes with one If-Match: one wins, the others get 412 and leave no audit row, the rule-set version moves once", async () => {
    const rule = "joint-meetings-dongguan";
    const current = await call(h, "GET", `/api/programs/${PROGRAM}/rules`, { token: coordinator.token });
    const listed = (await current.json()).items.find((r: { id: string }) => r.id === rule);
    const before = (await platformRows("SELECT rules_version FROM programs WHERE slug = ?", [PROGRAM]))[0]!.rules_version;
    const auditBefore = (await platformRows("SELECT count(*) AS n FROM platform_audit WHERE entity = 'program_rule'"))[0]!.n;
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        call(h, "PUT", `/api/programs/${PROGRAM}/rules/${rule}`, { token: coordinator.token, body: { enabled: i % 2 === 0 }, headers: { "if-match": `"${listed.version}"` } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(oneWinner);
    expect(Number((await platformRows("SELECT count(*) AS n FROM platform_audit WHERE entity = 'program_rule'"))[0]!.n)).toBe(Number(auditBefore) + 1);
    expect(Number((await platformRows("SELECT rules_version FROM programs WHERE slug = ?", [PROGRAM]))[0]!.rules_version)).toBe(Number(before) + 1);
  });

  it("parallel user changes with one If-Match: one wins, no phantom audit rows or program rows from the losers", async () => {
    const admin = await makeUser(h, "admin");
    const target = await makeUser(h, "coordinator", { programs: [PROGRAM] });
    const version = (await (await call(h, "GET", `/api/users/${target.id}`, { token: admin.token })).json()).version;
    const choices = ["gannan-central", "gd-east-west-2016", "dongguan-shaoguan"];
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        call(h, "PATCH", `/api/users/${target.id}`, { token: admin.token, body: { programs: [choices[i % 3]] }, headers: { "if-match": `"${version}"` } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(oneWinner);
    expect((await platformRows("SELECT count(*) AS n FROM platform_audit WHERE entity = 'user' AND entity_id = ?", [target.id]))[0]!.n).toBe(1);
    const winner = await results.find((r) => r.status === 200)!.json();
    const stored = (await platformRows("SELECT program FROM user_programs WHERE user_id = ? ORDER BY program", [target.id])).map((r) => r.program);
    expect(stored).toEqual(winner.programs);
  });
});
