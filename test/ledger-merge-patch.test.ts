/**
 * A PATCH clears an optional field with null, as JSON merge patch does (RFC 7396): a nullable column
 * becomes NULL, a NOT NULL column with a default takes its default. Found in use: no activity could be
 * edited, because the form sends the figures hidden for its kind as null and the API answered 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let editor: TestUser;

beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
});

afterAll(() => h.close());

async function create(body: unknown) {
  const res = await call(h, "POST", "/api/t/dongguan/activities", { token: editor.token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const patch = (id: string, version: number, body: unknown) => call(h, "PATCH", `/api/t/dongguan/activities/${id}`, { token: editor.token, body, headers: { "if-match": `"${version}"` } });

describe("PATCH with null", () => {
  it("edits an activity's date while the hidden figures are sent as null (what the form does)", async () => {
    const a = await create({ kind: "joint_meeting", date: "2026-03-01", title: "联席会议" });
    const res = await patch(a.id, a.version, { date: "2026-03-02", quantity: null, hours: null, amountFen: null });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ date: "2026-03-02", quantity: 0, hours: 0, amountFen: 0, version: a.version + 1 });
  });

  it("clears another kind's figure to its default when the kind changes, and a nullable field to null", async () => {
    const a = await create({ kind: "job_posting", date: "2026-04-01", title: "岗位推送", quantity: 120, areaCode: "440203", direction: "to_recipient" });
    const res = await patch(a.id, a.version, { kind: "training", hours: 8, people: 30, quantity: null, areaCode: null });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ kind: "training", hours: 8, quantity: 0, areaCode: null });
  });

  it("refuses null for a required field, naming it, and writes nothing", async () => {
    const a = await create({ kind: "seminar", date: "2026-05-01", title: "研讨" });
    const res = await patch(a.id, a.version, { title: null });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toEqual(["body.title"]);
    const after = await (await call(h, "GET", `/api/t/dongguan/activities/${a.id}`, { token: editor.token })).json();
    expect(after).toMatchObject({ title: "研讨", version: a.version });
  });
});

describe("a wrong choice", () => {
  it("is answered with the choices' names, not their codes", async () => {
    const res = await call(h, "POST", "/api/t/dongguan/activities", { token: editor.token, body: { kind: "picnic", date: "2026-03-01", title: "野餐" } });
    expect(res.status).toBe(400);
    const [detail] = (await res.json()).error.details;
    expect(detail.path).toBe("body.kind");
    expect(detail.message).toMatch(/^应为以下之一：.*联席会议/);
    expect(detail.message).not.toMatch(/joint_meeting/);
    const en = await call(h, "POST", "/api/t/dongguan/activities", { token: editor.token, body: { kind: "picnic", date: "2026-03-01", title: "x" }, headers: { "accept-language": "en" } });
    // English names too: the codes are for programs, not for people.
    const enMessage = (await en.json()).error.details[0].message;
    expect(enMessage).toMatch(/^Must be one of: Visit, Joint meeting, /);
    expect(enMessage).not.toMatch(/joint_meeting/);
  });
});
