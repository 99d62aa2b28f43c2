/**
 * A large fund import stays linear (found while bounding long requests for issue 11): 20,000
 * disbursements into one project used to re-sum the project's funds for every row — in the API's
 * check and in the database's overrun trigger — quadratic in the rows. Now both keep running totals;
 * the overrun rule still holds for the last cent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, type Harness, type TestUser } from "../support/harness";

let h: Harness;
let editor: TestUser;
beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
});
afterAll(() => h.close());

const HEADER = "资金类型,资金来源,金额（元）,日期,受援地代码,项目编号,备注";
const importCsv = (csv: string) => h.app.request("/api/t/dongguan/funds/import", { method: "POST", headers: { authorization: `Bearer ${editor.token}`, "content-type": "text/csv" }, body: csv });

describe("20,000 disbursements into one project", () => {
  it("are checked and written in linear time, exactly up to the allocation and not a cent beyond", async () => {
    const project = await (await call(h, "POST", "/api/t/dongguan/projects", { token: editor.token, body: { title: "规模测试项目", category: "industry", areaCode: "440232" } })).json();
    // 5,000.00 元 allocated; 20,000 disbursements of 1.00 元 use it exactly.
    expect((await call(h, "POST", "/api/t/dongguan/funds", { token: editor.token, body: { kind: "allocation", source: "city", amountFen: 2_000_000, date: "2026-01-01", areaCode: "440232", projectId: project.id } })).status).toBe(201);
    const rows = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `拨付（支出）,市级,1.00,2026-03-${String((i % 28) + 1).padStart(2, "0")},440232,${project.id},${tag} ${i}`);
    const started = performance.now();
    const res = await importCsv([HEADER, ...rows(20_000, "批量")].join("\n"));
    const ms = performance.now() - started;
    expect(res.status, await res.clone().text()).toBe(201);
    console.log(`20,000-row fund import into one project: ${ms.toFixed(0)} ms`);
    // Quadratic it took 42 s (measured before the fix); linear, about 8 s on two cores.
    expect(ms).toBeLessThan(20_000);
    // One more cent is an overrun: the API refuses it, and so would the database.
    const over = await importCsv([HEADER, `拨付（支出）,市级,0.01,2026-04-01,440232,${project.id},超出`].join("\n"));
    expect(over.status).toBe(400);
    const unit = await h.services.tenants.find("dongguan");
    const { client } = await h.services.tenants.lease(unit!);
    await expect(
      client.execute({ sql: "INSERT INTO funds (id, kind, source, amount_fen, date, area_code, project_id) VALUES ('direct-over', 'disbursement', 'city', 1, '2026-04-02', '440232', ?)", args: [project.id] }),
    ).rejects.toThrow(/FUND_OVERRUN/);
  }, 60_000);
});
