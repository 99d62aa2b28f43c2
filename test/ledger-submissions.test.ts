import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentPeriod, quarterRange, today } from "../src/periods/period";
import { indicatorsFor } from "../src/rules/indicators";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let editor: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
  otherCoordinator = await makeUser(h, "coordinator", { programs: ["gd-east-west-2016"] });
});
afterAll(() => h.close());

const ifMatch = (v: number) => ({ "if-match": `"${v}"` });

describe("targets", () => {
  it("pre-fills a year's targets from the documents for each of the unit's programs, once", async () => {
    // Dongguan takes part in dongguan-shaoguan and gd-east-west-2016.
    const expected = indicatorsFor(["dongguan-shaoguan", "gd-east-west-2016"]).length;
    const first = await (await call(h, "POST", "/api/t/dongguan/targets/prefill", { token: editor.token, body: { year: 2031 } })).json();
    expect(first).toEqual({ created: expected, existing: 0 });
    const second = await (await call(h, "POST", "/api/t/dongguan/targets/prefill", { token: editor.token, body: { year: 2031 } })).json();
    expect(second).toEqual({ created: 0, existing: expected });

    const list = await (await call(h, "GET", "/api/t/dongguan/targets?year=2031&indicator=hospital.exchanges", { token: editor.token })).json();
    // §三(五): at least 20 staff exchanges per hospital pair a year.
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ program: "dongguan-shaoguan", target: 20, source: "rule" });
    expect(list.items[0].note).toContain("§三(五)");
  });

  it("pre-fills the figure the program's rule judges by, after a coordinator changed it", async () => {
    const rule = (await (await call(h, "GET", "/api/programs/dongguan-shaoguan/rules", { token: coordinator.token })).json()).items.find((r: { id: string }) => r.id === "joint-meetings-dongguan");
    const put = await call(h, "PUT", "/api/programs/dongguan-shaoguan/rules/joint-meetings-dongguan", { token: coordinator.token, body: { params: { perYear: 5 } }, headers: { "if-match": `"${rule.version}"` } });
    expect(put.status).toBe(200);
    await call(h, "POST", "/api/t/dongguan/targets/prefill", { token: editor.token, body: { year: 2034 } });
    const [target] = (await (await call(h, "GET", "/api/t/dongguan/targets?year=2034&indicator=meetings.joint&program=dongguan-shaoguan", { token: editor.token })).json()).items;
    // §五(一) says 2; the program now judges by 5, and so does the target.
    expect(target).toMatchObject({ program: "dongguan-shaoguan", target: 5, source: "rule" });
  });

  it("marks a target the unit changes as its own", async () => {
    await call(h, "POST", "/api/t/dongguan/targets/prefill", { token: editor.token, body: { year: 2032 } });
    const [target] = (await (await call(h, "GET", "/api/t/dongguan/targets?year=2032&indicator=meetings.joint", { token: editor.token })).json()).items;
    const res = await call(h, "PATCH", `/api/t/dongguan/targets/${target.id}`, { token: editor.token, body: { target: 4 }, headers: ifMatch(1) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ target: 4, source: "manual", version: 2 });
  });

  it("refuses a second target for the same year, program and indicator with 409", async () => {
    await call(h, "POST", "/api/t/dongguan/targets/prefill", { token: editor.token, body: { year: 2033 } });
    const res = await call(h, "POST", "/api/t/dongguan/targets", {
      token: editor.token,
      body: { year: 2033, program: "dongguan-shaoguan", indicator: "meetings.joint", target: 3 },
    });
    expect(res.status).toBe(409);
  });
});

describe("quarterly submissions", () => {
  it("goes draft → submitted (locked) → reopened by the coordinator → submitted again, all audited", async () => {
    const created = await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body: { year: 2026, quarter: 1, program: "dongguan-shaoguan" } });
    expect(created.status).toBe(201);
    const draft = await created.json();
    expect(draft).toMatchObject({ status: "draft", progress: "" });

    const empty = await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: ifMatch(1) });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.details[0].path).toBe("body.progress");

    const edited = await call(h, "PATCH", `/api/t/dongguan/submissions/${draft.id}`, {
      token: editor.token,
      body: { progress: "十组团完成年度对接", problems: "部分镇街资金未到位", nextSteps: "第二季度完成拨付" },
      headers: ifMatch(1),
    });
    expect(edited.status).toBe(200);
    const submitted = await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: ifMatch(2) });
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ status: "submitted", submittedBy: editor.username, version: 3 });

    const locked = await call(h, "PATCH", `/api/t/dongguan/submissions/${draft.id}`, { token: editor.token, body: { progress: "改" }, headers: ifMatch(3) });
    expect(locked.status).toBe(423);
    expect((await locked.json()).error.code).toBe("LOCKED");

    expect((await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/reopen`, { token: editor.token, body: { reason: "自行退回" }, headers: ifMatch(3) })).status).toBe(403);
    expect((await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/reopen`, { token: otherCoordinator.token, body: { reason: "无权退回" }, headers: ifMatch(3) })).status).toBe(403);
    const reopened = await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/reopen`, { token: coordinator.token, body: { reason: "请补充资金拨付数据" }, headers: ifMatch(3) });
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toMatchObject({ status: "reopened", reopenReason: "请补充资金拨付数据", reopenedBy: coordinator.username });

    expect((await call(h, "PATCH", `/api/t/dongguan/submissions/${draft.id}`, { token: editor.token, body: { progress: "已补充" }, headers: ifMatch(4) })).status).toBe(200);
    expect((await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: ifMatch(5) })).status).toBe(200);

    const audit = await (await call(h, "GET", `/api/t/dongguan/audit?entity=submission&entityId=${draft.id}`, { token: editor.token })).json();
    expect(audit.items.map((a: { action: string }) => a.action).reverse()).toEqual(["create", "update", "submit", "reopen", "update", "submit"]);

    // The return and the resubmission stay with the submission, and each side's inbox was told.
    const thread = await (await call(h, "GET", `/api/t/dongguan/submissions/${draft.id}/thread`, { token: editor.token })).json();
    expect(thread.entries.map((e: { kind: string; side: string; text: string; recordVersion: number }) => [e.kind, e.side, e.recordVersion])).toEqual([
      ["returned", "coordinator", 4],
      ["resubmitted", "helper", 6],
    ]);
    expect(thread.entries[0].text).toBe("请补充资金拨付数据");
    const unitBox = await (await call(h, "GET", "/api/me/inbox", { token: editor.token })).json();
    expect(unitBox.items.find((i: { kind: string }) => i.kind === "returned").text.zh).toContain("请补充资金拨付数据");
    const officeBox = await (await call(h, "GET", "/api/me/inbox", { token: coordinator.token })).json();
    expect(officeBox.items[0]).toMatchObject({ kind: "resubmitted" });
  });

  it("refuses to lock a quarter that has not ended (422, the day it ends), writing nothing; its draft stays editable", async () => {
    const { year, quarter } = currentPeriod(today());
    const end = quarterRange(year, quarter!).to;
    const draft = await (await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body: { year, quarter, program: "gd-east-west-2016", progress: "本季度进展" } })).json();
    const early = await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: ifMatch(1) });
    expect(early.status).toBe(422);
    const { error } = await early.json();
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toBe(`${year} 年第 ${quarter} 季度尚未结束（${end} 结束），季度报送须在季度结束后提交；可先保存草稿。`);
    const after = await (await call(h, "GET", `/api/t/dongguan/submissions/${draft.id}`, { token: editor.token })).json();
    expect(after).toMatchObject({ status: "draft", version: 1, submittedAt: null });
    const audit = await (await call(h, "GET", `/api/t/dongguan/audit?entity=submission&entityId=${draft.id}`, { token: editor.token })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(["create"]);
    expect((await call(h, "PATCH", `/api/t/dongguan/submissions/${draft.id}`, { token: editor.token, body: { progress: "本季度进展（续）" }, headers: ifMatch(1) })).status).toBe(200);
  });

  it("keeps a submitted quarter locked even against a direct database update", async () => {
    const draft = await (await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body: { year: 2026, quarter: 2, program: "dongguan-shaoguan", progress: "x" } })).json();
    await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: ifMatch(1) });
    const unit = await h.services.tenants.find("dongguan");
    const { client } = await h.services.tenants.lease(unit!);
    await expect(client.execute({ sql: "UPDATE submissions SET progress = 'tampered' WHERE id = ?", args: [draft.id] })).rejects.toThrow(/SUBMISSION_LOCKED/);
  });

  it("allows one submission per year, quarter and program, and only for the unit's programs", async () => {
    const body = { year: 2026, quarter: 4, program: "dongguan-shaoguan" };
    expect((await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body })).status).toBe(201);
    expect((await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body })).status).toBe(409);
    const foreign = await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body: { ...body, program: "gannan-central" } });
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error.details[0].path).toBe("body.program");
    expect((await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body: { ...body, quarter: 5 } })).status).toBe(400);
  });

  it("lets the coordinator read submissions but not write them", async () => {
    // A submission of its own to read (2025, a year no other test here writes), rather than whatever other tests left.
    const mine = await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body: { year: 2025, quarter: 1, program: "dongguan-shaoguan", progress: "供查阅" } });
    expect(mine.status).toBe(201);
    const { id } = await mine.json();
    const list = await call(h, "GET", "/api/t/dongguan/submissions?year=2025", { token: coordinator.token });
    expect(list.status).toBe(200);
    expect((await list.json()).items.map((s: { id: string }) => s.id)).toContain(id);
    const write = await call(h, "POST", "/api/t/dongguan/submissions", { token: coordinator.token, body: { year: 2027, quarter: 1, program: "dongguan-shaoguan" } });
    expect(write.status).toBe(403);
  });
});
