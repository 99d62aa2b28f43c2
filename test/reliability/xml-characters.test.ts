/**
 * Characters XML cannot carry (security finding 7): U+FFFE in a project title made the frozen DOCX
 * unreadable to Word. Refused at input — every JSON body, every imported cell — and stripped by
 * every renderer, so even a record written before the rule yields files that open.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/schedule";
import { XLSX } from "../support/sheetjs";
import { call, makeUser, startHarness, type Harness, type TestUser } from "../support/harness";
import { tenantCounts } from "./helpers";

const BAD = ["\uFFFE", "\uFFFF", "\u0001", "\u000B", "\uD800"];
let h: Harness;
let editor: TestUser;
let admin: TestUser;

beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  admin = await makeUser(h, "admin");
});
afterAll(() => h.close());

describe("refused at input", () => {
  it.each(BAD.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`, ch]))("a project title holding %s is a 400 naming the field, and nothing is written", async (_name, ch) => {
    const before = await tenantCounts(h, "dongguan");
    const res = await call(h, "POST", "/api/t/dongguan/projects", { token: editor.token, body: { title: `乡村振兴${ch}项目`, category: "education", areaCode: "440232" } });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.details[0]).toMatchObject({ path: "body.title", code: "invalid_character" });
    expect(error.details[0].message).toMatch(/^含有无法保存或导出的字符/);
    expect(await tenantCounts(h, "dongguan")).toEqual(before);
  });

  it("every JSON body, not only the ledger's: a user's name, a nested parameter", async () => {
    const user = await call(h, "POST", "/api/users", { token: admin.token, body: { username: "xml-bad", displayName: "张\uFFFF三", password: "静水流深-梧桐细雨-2026", role: "admin" } });
    expect(user.status).toBe(400);
    expect((await user.json()).error.details[0].path).toBe("body.displayName");
  });

  it("a cell of an imported file is refused with its row", async () => {
    const res = await h.app.request("/api/t/dongguan/activities/import", {
      method: "POST",
      headers: { authorization: `Bearer ${editor.token}`, "content-type": "text/csv" },
      body: "事项类型,日期,事项\n联席会议,2024-08-02,导入的\uFFFE会议\n",
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.details[0].row).toBe(2);
  });
});

describe("stripped by every renderer", () => {
  it("a title stored before the rule still gives a DOCX and XLSX that open, without the character", async () => {
    const created = await call(h, "POST", "/api/t/dongguan/projects", { token: editor.token, body: { title: "旧数据项目", category: "education", areaCode: "440232", program: "dongguan-shaoguan", startDate: "2024-07-02" } });
    const { id } = await created.json();
    const unit = await h.services.tenants.find("dongguan");
    const { client } = await h.services.tenants.lease(unit!);
    await client.execute({ sql: "UPDATE projects SET title = ? WHERE id = ?", args: ["旧数据\uFFFE项目\u0001", id] });

    const exported = new Uint8Array(await (await call(h, "GET", "/api/t/dongguan/projects/export", { token: editor.token })).arrayBuffer());
    const sheet = XLSX.read(exported, { type: "array" });
    const text = JSON.stringify(XLSX.utils.sheet_to_json(sheet.Sheets[sheet.SheetNames[0]!]!, { header: 1 }));
    expect(text).toContain("旧数据项目");
    expect(text).not.toMatch(/[\uFFFE\u0001]/);

    await runJob(h.services, "quarterly", null, "2024-10-05");
    const { items } = await (await call(h, "GET", "/api/t/dongguan/reports?period=2024-Q3", { token: editor.token })).json();
    const report = items.find((r: { program: string }) => r.program === "dongguan-shaoguan");
    const docx = new Uint8Array(await (await call(h, "GET", `/api/reports/${report.id}?format=docx`, { token: editor.token })).arrayBuffer());
    const zip = XLSX.CFB.read(docx, { type: "array" });
    const xml = new TextDecoder().decode(XLSX.CFB.find(zip, "/word/document.xml")!.content as Uint8Array);
    expect(xml).toContain("旧数据项目");
    expect(xml).not.toMatch(/[\uFFFE\u0001]/);
  });
});
