/**
 * Text search uses the tenant's FTS5 index (security finding 6): at 100,000 sub-units a search of
 * three or more characters stays under 100 ms at p99, a shorter one is answered too, and every
 * resource's searchable text is found after create, update and import — the index follows every
 * write path because triggers keep it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, tempDir, type Harness, type TestUser } from "../support/harness";

const SIZE = 100_000;
let dir: ReturnType<typeof tempDir>;
let h: Harness;
let editor: TestUser;

beforeAll(async () => {
  dir = tempDir("duikou-search-");
  h = await startHarness({ DATA_DIR: dir.path });
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  const unit = await h.services.tenants.find("dongguan");
  const { client } = await h.services.tenants.lease(unit!);
  await client.execute(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SIZE}) ` +
      "INSERT INTO sub_units (id, name, kind, note) SELECT printf('su-%06d', i), printf('%s第%d中学', CASE i % 4 WHEN 0 THEN '乳源' WHEN 1 THEN '东莞' WHEN 2 THEN '翁源' ELSE '南雄' END, i), 'school', printf('备注 %d', i) FROM n",
  );
}, 120_000);

afterAll(async () => {
  await h.close();
  dir.remove();
});

/** The old full scan, as the oracle: how many live sub-units hold q in a searchable column. */
async function scanned(q: string): Promise<number> {
  const unit = await h.services.tenants.find("dongguan");
  const { client } = await h.services.tenants.lease(unit!);
  const { rows } = await client.execute({ sql: "SELECT count(*) AS n FROM sub_units WHERE voided_at IS NULL AND (instr(name, ?) > 0 OR instr(coalesce(note, ''), ?) > 0)", args: [q, q] });
  return Number(rows[0]!.n);
}

async function search(q: string) {
  const started = performance.now();
  const res = await call(h, "GET", `/api/t/dongguan/sub-units?q=${encodeURIComponent(q)}&limit=50`, { token: editor.token });
  const body = await res.json();
  return { ms: performance.now() - started, status: res.status, total: body.total as number, names: (body.items as { name: string }[]).map((i) => i.name) };
}

describe(`searching ${SIZE.toLocaleString()} sub-units`, () => {
  it("finds by any substring of three or more characters, from the index, under 100 ms at p99", async () => {
    const queries = ["第99999中", "乳源第4", "不存在的学校", "备注 123"];
    // One untimed round first: the p99 of a running server, not of its first reads of a cold index.
    for (const q of queries) await search(q);
    // 200 timings, so that the p99 is the 2nd slowest, not the slowest (of 80 it was the one GC pause).
    const times: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (const q of queries) {
        const r = await search(q);
        expect(r.status).toBe(200);
        times.push(r.ms);
      }
    }
    expect((await search("第99999中")).names).toEqual(["南雄第99999中学"]);
    expect((await search("不存在的学校")).total).toBe(0);
    for (const q of ["乳源第4", "备注 123"]) expect((await search(q)).total).toBe(await scanned(q));
    expect(await scanned("乳源第4")).toBeGreaterThan(1_000);
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99)]!;
    console.log(`search p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${times.length}`);
    expect(p99).toBeLessThan(100);
  }, 60_000);

  it("answers one- and two-character queries too (not trigram-indexable: a scan of the index's text)", async () => {
    const r = await search("东莞");
    expect(r.status).toBe(200);
    expect(r.total).toBe(await scanned("东莞"));
    expect(r.total).toBeGreaterThanOrEqual(SIZE / 4);
    console.log(`two-character search: ${r.ms.toFixed(0)} ms`);
  });

  it("searches the whole ledger from the same index (GET /search): 50 hits under 100 ms at p99, short queries too", async () => {
    const times: number[] = [];
    let names: string[] = [];
    for (let round = 0; round < 10; round++) {
      for (const q of ["第99999中", "乳源第4", "东莞", "不存在的学校"]) {
        const started = performance.now();
        const res = await call(h, "GET", `/api/t/dongguan/search?q=${encodeURIComponent(q)}&limit=50`, { token: editor.token });
        const body = await res.json();
        times.push(performance.now() - started);
        expect(res.status).toBe(200);
        if (q === "第99999中") names = (body.hits as { title: string }[]).map((hit) => hit.title);
        if (q === "东莞" || q === "乳源第4") expect(body.hits).toHaveLength(50);
      }
    }
    expect(names).toEqual(["南雄第99999中学"]);
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99)]!;
    console.log(`ledger search p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${times.length}`);
    expect(p99).toBeLessThan(100);
  }, 60_000);

  it("is case-insensitive and treats quotes, % and _ as text", async () => {
    const created = await call(h, "POST", "/api/t/dongguan/sub-units", { token: editor.token, body: { name: 'Dongguan "No.1" 100%_School', kind: "school" } });
    expect(created.status).toBe(201);
    expect((await search("dongguan")).names).toContain('Dongguan "No.1" 100%_School');
    expect((await search('"No.1"')).total).toBe(1);
    expect((await search("%_")).total).toBe(1);
  });
});

describe(`import templates and imports by name at ${SIZE.toLocaleString()} sub-units`, () => {
  it("the activities template lists the first 2,000 sub-units and stays small and fast; 400 rows naming 400 sub-units import in one go", async () => {
    const template = async () => {
      const started = performance.now();
      const res = await call(h, "GET", "/api/t/dongguan/activities/template.xlsx", { token: editor.token });
      const bytes = (await res.arrayBuffer()).byteLength;
      return { ms: performance.now() - started, status: res.status, bytes };
    };
    await template();
    const warm = await template();
    console.log(`activities template at ${SIZE.toLocaleString()} sub-units: ${warm.ms.toFixed(0)} ms, ${(warm.bytes / 1024).toFixed(0)} KiB`);
    expect(warm.status).toBe(200);
    expect(warm.bytes).toBeLessThan(300 * 1024);
    expect(warm.ms).toBeLessThan(1_000);

    // 南雄第{i}中学 for i ≡ 3 (mod 4): one sub-unit each, found by name among 100,000.
    const names = Array.from({ length: 400 }, (_, k) => `南雄第${4 * k + 3}中学`);
    const csv = ["事项类型,日期,事项,下属单位编号", ...names.map((n, k) => `联席会议,2024-09-01,按名称导入 ${k},${n}`)].join("\n");
    const started = performance.now();
    const res = await h.app.request("/api/t/dongguan/activities/import", { method: "POST", headers: { authorization: `Bearer ${editor.token}`, "content-type": "text/csv" }, body: csv });
    const ms = performance.now() - started;
    console.log(`400 rows naming 400 sub-units among ${SIZE.toLocaleString()}: ${ms.toFixed(0)} ms`);
    expect(res.status, await res.clone().text()).toBe(201);
    const { items } = await (await call(h, "GET", `/api/t/dongguan/activities?q=${encodeURIComponent("按名称导入 7")}&limit=50`, { token: editor.token })).json();
    expect(items.find((i: { title: string }) => i.title === "按名称导入 7")).toMatchObject({ subUnitId: "su-000031" });
  }, 60_000);
});

describe("the index follows every write", () => {
  it("a project is found by title after create, by its new title after an update, and an import's rows at once", async () => {
    const res = await call(h, "POST", "/api/t/dongguan/projects", { token: editor.token, body: { title: "索引测试甲项目", category: "education", areaCode: "440232" } });
    const project = await res.json();
    const find = async (q: string) => (await (await call(h, "GET", `/api/t/dongguan/projects?q=${encodeURIComponent(q)}`, { token: editor.token })).json()).total;
    expect(await find("索引测试甲")).toBe(1);
    const patched = await call(h, "PATCH", `/api/t/dongguan/projects/${project.id}`, { token: editor.token, body: { title: "索引测试乙项目" }, headers: { "if-match": '"1"' } });
    expect(patched.status).toBe(200);
    expect(await find("索引测试甲")).toBe(0);
    expect(await find("索引测试乙")).toBe(1);
    const imported = await h.app.request("/api/t/dongguan/activities/import", {
      method: "POST",
      headers: { authorization: `Bearer ${editor.token}`, "content-type": "text/csv" },
      body: "事项类型,日期,事项\n联席会议,2024-08-02,导入索引测试会议\n",
    });
    expect(imported.status).toBe(201);
    expect((await (await call(h, "GET", `/api/t/dongguan/activities?q=${encodeURIComponent("导入索引测试")}`, { token: editor.token })).json()).total).toBe(1);
  });
});
