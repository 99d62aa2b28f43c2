import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts } from "../db/platform/schema";
import { recordAlerts } from "../src/jobs/alerts";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let editor: TestUser;
beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
});
afterAll(() => h.close());

async function openAlerts(unit: string) {
  return (await h.services.platform.select().from(alerts).where(eq(alerts.unit, unit))).filter((a) => !a.resolvedAt);
}

describe("deadline alerts", () => {
  it("warns of the quarterly submission due on the 5th day after the quarter, then marks it late", async () => {
    // Q3 2026 ends 09-30; its report is due 10-05. On 10-01 it is due; on 10-06 it is late.
    await recordAlerts(h.services, "gd-org-dept", "2026-10-01");
    expect((await openAlerts("gd-org-dept")).map((a) => [a.kind, a.subject, a.dueDate])).toContainEqual(["submission_due", "2026-Q3", "2026-10-05"]);
    await recordAlerts(h.services, "gd-org-dept", "2026-10-06");
    const kinds = (await openAlerts("gd-org-dept")).map((a) => a.kind);
    expect(kinds).toContain("submission_late");
    expect(kinds).not.toContain("submission_due");
    // Each newly opened deadline reached the unit's inbox once: due, then late; the same day again adds nothing.
    const inbox = async () => (await (await call(h, "GET", "/api/me/inbox?limit=100", { token: editor.token })).json()).items.filter((i: { kind: string }) => i.kind === "deadline");
    const told = (await inbox()).map((i: { text: { zh: string } }) => i.text.zh);
    expect(told).toContain("2026 年第 3 季度工作进展将于 2026-10-05 截止报送");
    expect(told).toContain("2026 年第 3 季度工作进展已逾期（截止 2026-10-05），请尽快报送");
    const count = told.length;
    await recordAlerts(h.services, "gd-org-dept", "2026-10-06");
    expect((await inbox()).length).toBe(count);
  });

  it("resolves the late alert once the report is submitted", async () => {
    // Its own quarter, Q2 2026 (due 07-05), so the Q3 report the first test needs unsubmitted stays so.
    // On 07-06 the missing Q2 report is late.
    await recordAlerts(h.services, "gd-org-dept", "2026-07-06");
    expect((await openAlerts("gd-org-dept")).map((a) => [a.kind, a.subject, a.dueDate])).toContainEqual(["submission_late", "2026-Q2", "2026-07-05"]);
    const draft = await (await call(h, "POST", "/api/t/gd-org-dept/submissions", { token: editor.token, body: { year: 2026, quarter: 2, program: "gd-old-areas", progress: "已完成" } })).json();
    const submitted = await call(h, "POST", `/api/t/gd-org-dept/submissions/${draft.id}/submit`, { token: editor.token, headers: { "if-match": '"1"' } });
    expect(submitted.status).toBe(200);
    await recordAlerts(h.services, "gd-org-dept", "2026-07-07");
    expect((await openAlerts("gd-org-dept")).filter((a) => a.kind.startsWith("submission"))).toEqual([]);
  });

  it("warns of a cadre's term ending within 90 days and flags an overdue one, by record id only", async () => {
    const ending = await (
      await call(h, "POST", "/api/t/gd-org-dept/cadres", { token: editor.token, body: { name: "王某", post: "副县长", level: "county_deputy", hostAreaCode: "440282", startDate: "2024-01-01", plannedEndDate: "2026-12-15" } })
    ).json();
    const overdue = await (
      await call(h, "POST", "/api/t/gd-org-dept/cadres", { token: editor.token, body: { name: "李某", post: "副县长", level: "county_deputy", hostAreaCode: "440282", startDate: "2023-01-01", plannedEndDate: "2026-09-30" } })
    ).json();
    await recordAlerts(h.services, "gd-org-dept", "2026-10-07");
    const open = await openAlerts("gd-org-dept");
    expect(open.find((a) => a.subject === ending.id)?.kind).toBe("cadre_term_ending");
    expect(open.find((a) => a.subject === overdue.id)?.kind).toBe("cadre_term_overdue");
    expect(JSON.stringify(open)).not.toContain("王某");
    const listed = await (await call(h, "GET", "/api/t/gd-org-dept/alerts", { token: editor.token })).json();
    expect(listed.items.map((a: { subject: string }) => a.subject)).toEqual(expect.arrayContaining([ending.id, overdue.id]));
  });
});
