/**
 * The tenant isolation matrix, generated from the OpenAPI document: every tenant route and method,
 * for every role not entitled to 东莞市 (dongguan), answers 403/404 with the error envelope and none
 * of dongguan's data; every program route answers 403 to every non-admin who does not coordinate
 * 莞韶 (dongguan-shaoguan); read-only roles write nothing anywhere. A route added later is covered
 * without touching this file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/schedule";
import { indicatorsFor } from "../../src/rules/indicators";
import { tokenForUser } from "../../src/auth/users";
import { call, makeUser, startHarness, type Harness, type TestUser } from "../support/harness";
import { diff, fill, isErrorEnvelope, operations, platformCounts, tenantCounts, type Operation } from "./helpers";

const UNIT = "dongguan";
const PROGRAM = "dongguan-shaoguan";
/** Distinctive text in every record seeded: no refused answer may contain it. */
const MARK = "隔离标记Q7X";

let h: Harness;
let ops: Operation[];
const who: Record<string, TestUser> = {};
/** Record id per URL segment (projects, funds, …, reports). */
const ids: Record<string, string> = {};
let programReportId: string;
let participantId: string;
let attachmentId: string;

/** Roles with no right to dongguan at all. */
const STRANGERS = ["strangerUnitAdmin", "strangerEditor", "strangerViewer", "strangerCoordinator", "recipient"] as const;
/** Roles that may read dongguan but never write it. */
const READ_ONLY = ["viewer", "coordinator", "admin"] as const;

async function create(path: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(h, "POST", `/api/t/${UNIT}/${path}`, { token: who.editor!.token, body });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
  return (await res.json()).id;
}

/** A schema-valid body for each write operation (by method and path template), so only access control can stop it. */
function bodyFor(op: Operation): { body?: unknown; raw?: string; contentType?: string } {
  if (op.path === "/api/programs/{program}/rules/{rule}") return { body: { enabled: false, params: { perYear: 9 } } };
  if (op.path === "/api/programs/{program}/reports/run") return { body: { job: "quarterly", year: 2024, quarter: 3, reissue: true } };
  // A unit of another program joins the group; the unit's own membership moves its start within the term.
  if (op.path === "/api/programs/{program}/groups/{code}/members") return { body: { unit: "gd-org-dept", effectiveFrom: "2024-01-01" } };
  if (op.path === "/api/programs/{program}/groups/{code}/members/{unit}") return { body: { effectiveFrom: "2022-01-01" } };
  if (op.path === "/api/programs/{program}" && op.method === "PATCH") return { body: { coordinator: "东莞韶关对口帮扶指挥部（矩阵测试）" } };
  if (op.path === "/api/programs/{program}/groups" && op.method === "POST") return { body: { areaCode: "440200", clause: "矩阵测试", basis: "pairing" } };
  if (op.path === "/api/programs/{program}/groups/{code}" && op.method === "PATCH") return { body: { basis: "support" } };
  if (op.path === "/api/programs/{program}/participants" && op.method === "POST") return { body: { unit: "gd-org-dept", clause: "矩阵测试", effectiveFrom: "2024-01-01" } };
  if (op.path === "/api/programs/{program}/participants/{id}") return { body: { effectiveTo: "2024-12-31" } };
  if (op.path === "/api/programs/{program}/groups/{code}/counties") return { body: { counties: ["440203"] } };
  if (op.path === "/api/programs/{program}/remind") return { body: { year: 2024, quarter: 4 } };
  if (op.path === "/api/programs/{program}/webhooks") return { body: { format: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix" } };
  const tail = op.path.replace(/^\/api\/t\/\{unit\}\/?/, "");
  const [resource = "", second, third] = tail.split("/");
  if (op.method === "POST" && second === "import") return { raw: "事项类型,日期,事项\n联席会议,2024-08-02,导入的联席会议\n", contentType: "text/csv" };
  if (op.method === "POST" && second === "bulk") return { body: { items: [{ id: ids[resource], version: 1 }], ...(third === "void" ? { reason: "越权批量作废" } : { program: PROGRAM }) } };
  if (op.method === "POST" && third === "void") return { body: { reason: "越权作废测试" } };
  if (op.method === "POST" && third === "reopen") return { body: { reason: "越权退回测试" } };
  if (op.method === "POST" && third === "thread") return { body: { text: "越权留言测试" } };
  if (op.method === "POST" && third === "submit") return {};
  if (op.method === "POST" && resource === "targets" && second === "prefill") return { body: { year: 2027 } };
  if (op.method === "POST" && second === undefined) return { body: CREATE_BODIES[resource] ?? {} };
  if (op.method === "PATCH") return { body: resource === "submissions" ? { progress: "越权修改" } : resource === "projects" ? { description: "越权修改" } : { note: "越权修改" } };
  return op.jsonBody ? { body: {} } : {};
}

const CREATE_BODIES: Record<string, Record<string, unknown>> = {
  "sub-units": { name: "越权新增学校", kind: "school" },
  pairings: { kind: "school", counterpart: "越权结对", areaCode: "440232", startDate: "2024-01-10" },
  projects: { title: "越权项目", category: "education", areaCode: "440232", program: PROGRAM },
  funds: { kind: "social_donation", source: "society", amountFen: 100, date: "2024-03-15", areaCode: "440232" },
  cadres: { name: "越权干部", post: "副县长", level: "section", hostAreaCode: "440232", program: PROGRAM, startDate: "2024-01-05" },
  activities: { kind: "joint_meeting", date: "2024-08-01", title: "越权会议" },
  targets: { year: 2028, program: PROGRAM, indicator: "placeholder", target: 1 },
  submissions: { year: 2024, quarter: 4, program: PROGRAM, progress: "越权报送" },
};

/** Fills {unit}, {id}, {program}, {code}, {rule} with real values, so a missing check would answer 200. */
function urlFor(op: Operation, unit = UNIT): string {
  const segment = op.path.split("/")[4] ?? "";
  const id = op.path.includes("/participants/") ? participantId : op.path.startsWith("/api/programs/") ? programReportId : ids[segment];
  // Counties are registered for a prefecture's group: 韶关市's, which the coordinator's POST …/groups opens first.
  const code = op.path.endsWith("/counties") ? "440200" : "440232";
  // The search asks for the mark every seeded record holds: a leak would show it.
  const query = op.path === "/api/t/{unit}/search" ? `?q=${encodeURIComponent(MARK)}` : "";
  return fill(op.path, { unit, id: id ?? "none", program: PROGRAM, code, rule: "joint-meetings-dongguan", attachmentId }) + query;
}

function send(op: Operation, token: string, unit = UNIT) {
  const { body, raw, contentType } = op.method === "GET" ? {} : bodyFor(op);
  const headers: Record<string, string> = op.method === "GET" ? {} : { "if-match": '"1"' };
  if (raw !== undefined) {
    return h.app.request(urlFor(op, unit), { method: op.method, headers: { ...headers, authorization: `Bearer ${token}`, "content-type": contentType! }, body: raw });
  }
  return call(h, op.method, urlFor(op, unit), { token, headers, ...(body !== undefined ? { body } : {}) });
}

async function expectRefused(res: Response, allowed: number[], label: string) {
  const text = await res.text();
  expect(allowed, `${label} → ${res.status} ${text.slice(0, 200)}`).toContain(res.status);
  expect(res.headers.get("content-type") ?? "", label).toContain("application/json");
  expect(isErrorEnvelope(JSON.parse(text)), `${label}: ${text.slice(0, 200)}`).toBe(true);
  expect(text, label).not.toContain(MARK);
  expect(text, label).not.toContain("1234567"); // the seeded fund's amount
}

beforeAll(async () => {
  h = await startHarness();
  ops = await operations(h);
  who.editor = await makeUser(h, "unit_editor", { unit: UNIT });
  who.unitAdmin = await makeUser(h, "unit_admin", { unit: UNIT });
  who.viewer = await makeUser(h, "viewer", { unit: UNIT });
  who.coordinator = await makeUser(h, "coordinator", { programs: [PROGRAM] });
  who.admin = await makeUser(h, "admin");
  who.strangerUnitAdmin = await makeUser(h, "unit_admin", { unit: "gd-org-dept" });
  who.strangerEditor = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
  who.strangerViewer = await makeUser(h, "viewer", { unit: "gd-org-dept" });
  who.strangerCoordinator = await makeUser(h, "coordinator", { programs: ["gannan-central"] });
  // 乳源's own recipient user: it confirms what dongguan claims for 乳源, and reads no ledger or program route.
  who.recipient = await makeUser(h, "recipient", { area: "440232" });
  who.otherRecipient = await makeUser(h, "recipient", { area: "440281" });
  // Users who had every right to dongguan when their token was issued, then were changed by an admin.
  who.movedUnitAdmin = await makeUser(h, "unit_admin", { unit: UNIT });
  who.demotedEditor = await makeUser(h, "unit_editor", { unit: UNIT });
  who.passwordReset = await makeUser(h, "unit_editor", { unit: UNIT });
  who.disabledEditor = await makeUser(h, "unit_editor", { unit: UNIT });
  who.formerCoordinator = await makeUser(h, "coordinator", { programs: [PROGRAM] });
  await changeUser(who.movedUnitAdmin, { role: "viewer", unit: "gd-org-dept" });
  await changeUser(who.demotedEditor, { role: "viewer" });
  await changeUser(who.passwordReset, { password: "换了一个新的很长的密码-2026" });
  await changeUser(who.disabledEditor, { disabled: true });
  await changeUser(who.formerCoordinator, { programs: ["gannan-central"] });

  ids["sub-units"] = await create("sub-units", { name: `${MARK}-学校`, kind: "school", note: `${MARK}-note` });
  ids.pairings = await create("pairings", { kind: "school", counterpart: `${MARK}-中学`, areaCode: "440232", program: PROGRAM, startDate: "2024-01-10" });
  ids.projects = await create("projects", { title: `${MARK}-项目`, category: "education", areaCode: "440232", program: PROGRAM, startDate: "2024-07-02", budgetFen: 1_234_567, grassroots: true });
  ids.funds = await create("funds", { kind: "allocation", source: "city", amountFen: 1_234_567, date: "2024-07-03", areaCode: "440232", projectId: ids.projects, program: PROGRAM, note: `${MARK}-资金` });
  ids.cadres = await create("cadres", { name: `${MARK}-干部`, post: `${MARK}-职务`, level: "section", hostAreaCode: "440232", program: PROGRAM, startDate: "2024-01-05" });
  ids.activities = await create("activities", { kind: "joint_meeting", date: "2024-08-01", title: `${MARK}-会议`, program: PROGRAM });
  const indicator = indicatorsFor([PROGRAM])[0]!.key;
  CREATE_BODIES.targets!.indicator = indicator;
  ids.targets = await create("targets", { year: 2024, program: PROGRAM, indicator, target: 7, note: `${MARK}-目标` });
  ids.submissions = await create("submissions", { year: 2024, quarter: 3, program: PROGRAM, progress: `${MARK}-进展` });
  // A voucher on the fund: its bytes carry the mark, so a leak of the file would show.
  const form = new FormData();
  form.append("file", new File([new TextEncoder().encode(`%PDF-1.4\n% ${MARK}\n%%EOF\n`)], "凭证.pdf"));
  const voucher = await h.app.request(`/api/t/${UNIT}/funds/${ids.funds}/attachments`, { method: "POST", headers: { authorization: `Bearer ${who.editor.token}` }, body: form });
  expect(voucher.status).toBe(201);
  attachmentId = (await voucher.json()).id;

  await runJob(h.services, "quarterly", null, "2024-10-05");
  const { items } = await (await call(h, "GET", `/api/t/${UNIT}/reports?period=2024-Q3`, { token: who.editor.token })).json();
  ids.reports = items.find((r: { program: string }) => r.program === PROGRAM).id;
  const program = await (await call(h, "GET", `/api/programs/${PROGRAM}/reports?kind=program_quarterly`, { token: who.coordinator.token })).json();
  programReportId = program.items[0].id;
  const participant = await call(h, "POST", `/api/programs/${PROGRAM}/participants`, { token: who.admin!.token, body: { unit: "zhuhai", clause: "矩阵测试", effectiveFrom: "2023-01-01" } });
  expect(participant.status).toBe(201);
  participantId = String((await participant.json()).id);
  await h.services.snapshots.settled();
}, 60_000);

afterAll(() => h.close());

/** Changes a user through the admin API, as an administrator would. */
async function changeUser(user: TestUser, body: Record<string, unknown>) {
  const current = await call(h, "GET", `/api/users/${user.id}`, { token: who.admin!.token });
  const res = await call(h, "PATCH", `/api/users/${user.id}`, { token: who.admin!.token, body, headers: { "if-match": current.headers.get("etag")! } });
  expect(res.status, await res.clone().text()).toBe(200);
}

const tenantOps = () => ops.filter((o) => o.path === "/api/t/{unit}" || o.path.startsWith("/api/t/{unit}/"));
const writeOps = () => tenantOps().filter((o) => o.method !== "GET");
const label = (o: Operation) => `${o.method} ${o.path}`;

describe("the matrix is generated from the OpenAPI document", () => {
  it("covers every tenant route (at least the generic ledger's eight operations for each resource)", () => {
    expect(tenantOps().length).toBeGreaterThanOrEqual(70);
    for (const resource of ["sub-units", "pairings", "projects", "funds", "cadres", "activities", "targets"]) {
      for (const suffix of ["", "/import", "/{id}", "/{id}/void", "/export", "/template.xlsx"]) expect(tenantOps().some((o) => o.path === `/api/t/{unit}/${resource}${suffix}`), `${resource}${suffix}`).toBe(true);
    }
  });

  it("fills every path with a real dongguan record: the unit's own editor reads each GET route (200)", async () => {
    for (const op of tenantOps().filter((o) => o.method === "GET")) {
      const res = await send(op, who.editor!.token);
      expect(res.status, label(op)).toBe(200);
    }
    const res = await call(h, "GET", `/api/t/${UNIT}/projects/${ids.projects}`, { token: who.editor!.token });
    expect(await res.text()).toContain(MARK);
  });
});

describe("roles with no right to dongguan", () => {
  it.each(STRANGERS)("%s gets 403/404 and an envelope without dongguan's data on every tenant route and method", async (role) => {
    const before = await tenantCounts(h, UNIT);
    for (const op of tenantOps()) await expectRefused(await send(op, who[role]!.token), [403, 404], `${role} ${label(op)}`);
    expect(diff(before, await tenantCounts(h, UNIT))).toEqual({});
  });

  it("a gd-org-dept user addressing dongguan's record ids through its own unit gets 404 and changes nothing", async () => {
    const before = await tenantCounts(h, UNIT);
    const own = await tenantCounts(h, "gd-org-dept");
    const withId = tenantOps().filter((o) => o.path.includes("{id}"));
    expect(withId.length).toBeGreaterThanOrEqual(25);
    for (const op of withId) {
      const res = await send(op, who.strangerEditor!.token, "gd-org-dept");
      // Reopening is refused to any unit role before the record is even looked up.
      await expectRefused(res, op.path.endsWith("/reopen") ? [403] : [404], `own-unit ${label(op)}`);
    }
    expect(diff(before, await tenantCounts(h, UNIT))).toEqual({});
    expect(diff(own, await tenantCounts(h, "gd-org-dept"))).toEqual({});
  });

  it("spellings of the slug (case, percent-encoding, padding, traversal) reach nothing either", async () => {
    const variants = ["DONGGUAN", "Dongguan", "%64ongguan", "dongguan%20", "%20dongguan", "dongguan%2f", "gd-org-dept%2f..%2fdongguan", "gd-org-dept/../dongguan", "dongguan%00"];
    for (const role of STRANGERS) {
      for (const slug of variants) {
        const res = await h.app.request(`/api/t/${slug}/projects/${ids.projects}`, { headers: { authorization: `Bearer ${who[role]!.token}` } });
        await expectRefused(res, [403, 404], `${role} /api/t/${slug}/projects/{id}`);
      }
    }
  });

  it("a dongguan report id fetched through /api/reports/{id} by another unit's staff or another program's coordinator is 404", async () => {
    for (const role of STRANGERS) {
      for (const id of [ids.reports!, programReportId]) await expectRefused(await call(h, "GET", `/api/reports/${id}?format=html`, { token: who[role]!.token }), [404], `${role} /api/reports/${id}`);
    }
    // …while the unit's own staff read it, with the seeded project in it.
    const own = await call(h, "GET", `/api/reports/${ids.reports}`, { token: who.viewer!.token });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(MARK);
  });
});

describe("the recipient role", () => {
  it("乳源's recipient sees dongguan's records for 乳源 through its own route — the cadre by name and post only", async () => {
    const read = async (entity: string, token = who.recipient!.token) => (await call(h, "GET", `/api/recipient/claims?entity=${entity}&year=2024`, { token })).json();
    const funds = await read("fund");
    expect(funds.items.map((i: { id: string }) => i.id)).toEqual([ids.funds]);
    const cadres = await read("cadre");
    expect(cadres.items[0].fields).toEqual({ name: `${MARK}-干部`, post: `${MARK}-职务`, level: "section", startDate: "2024-01-05", plannedEndDate: expect.any(String), actualEndDate: null, status: "in_post" });
    // Another county's recipient: none of it, and no verdict on it.
    for (const entity of ["fund", "project", "cadre", "activity"]) expect(JSON.stringify(await read(entity, who.otherRecipient!.token))).not.toContain(MARK);
    const other = await call(h, "POST", `/api/recipient/claims/${UNIT}/fund/${ids.funds}/verdict`, { token: who.otherRecipient!.token, body: { verdict: "confirmed" }, headers: { "if-match": '"1"' } });
    await expectRefused(other, [404], "other county's verdict");
    await expectRefused(await call(h, "GET", `/api/recipient/claims/${UNIT}/fund/${ids.funds}/thread`, { token: who.otherRecipient!.token }), [404], "other county's thread");
  });

  it("no other role reaches the recipient routes", async () => {
    const recipientOps = ops.filter((o) => o.path.startsWith("/api/recipient/"));
    expect(recipientOps.map(label)).toEqual(expect.arrayContaining(["GET /api/recipient/claims", "POST /api/recipient/claims/{unit}/{entity}/{id}/verdict", "GET /api/recipient/claims/{unit}/{entity}/{id}/thread"]));
    for (const role of ["editor", "unitAdmin", "viewer", "coordinator", "admin"]) {
      for (const op of recipientOps) {
        const url = fill(op.path, { unit: UNIT, entity: "fund", id: ids.funds!, attachmentId });
        const res = await call(h, op.method, url, { token: who[role]!.token, headers: { "if-match": '"1"' }, ...(op.method === "GET" ? {} : { body: op.path.endsWith("/verdict") ? { verdict: "confirmed" } : { text: "越权" } }) });
        await expectRefused(res, [403], `${role} ${label(op)}`);
      }
    }
  });
});

describe("users changed after their token was issued", () => {
  const CHANGED = ["movedUnitAdmin", "demotedEditor", "passwordReset", "disabledEditor", "formerCoordinator"] as const;
  const programRoutes = () => ops.filter((o) => o.path.startsWith("/api/programs/{program}/"));

  it.each(CHANGED)("%s's old token gets 401 on every tenant and program route, and nothing is written", async (role) => {
    const before = await tenantCounts(h, UNIT);
    const platformBefore = await platformCounts(h);
    for (const op of [...tenantOps(), ...programRoutes()]) await expectRefused(await send(op, who[role]!.token), [401], `${role} ${label(op)}`);
    for (const id of [ids.reports!, programReportId]) await expectRefused(await call(h, "GET", `/api/reports/${id}`, { token: who[role]!.token }), [401], `${role} /api/reports/{id}`);
    expect(diff(before, await tenantCounts(h, UNIT))).toEqual({});
    expect(diff(platformBefore, await platformCounts(h))).toEqual({});
  });

  it("a fresh token follows the new rights: the moved admin reads its new unit, not dongguan; the former coordinator reads its new program only", async () => {
    const moved = (await tokenForUser(h.services.platform, h.services.config.jwt, who.movedUnitAdmin!.id)).token;
    expect((await call(h, "GET", "/api/t/gd-org-dept/projects", { token: moved })).status).toBe(200);
    expect((await call(h, "POST", "/api/t/gd-org-dept/activities", { token: moved, body: CREATE_BODIES.activities })).status).toBe(403);
    await expectRefused(await call(h, "GET", `/api/t/${UNIT}/cadres`, { token: moved }), [403], "moved → dongguan cadres");
    const former = (await tokenForUser(h.services.platform, h.services.config.jwt, who.formerCoordinator!.id)).token;
    expect((await call(h, "GET", "/api/programs/gannan-central/rollup", { token: former })).status).toBe(200);
    await expectRefused(await call(h, "GET", `/api/programs/${PROGRAM}/rollup`, { token: former }), [403], "former coordinator → old program");
  });
});

describe("program routes", () => {
  // The directory any signed-in user reads; every other program route, and every write, is the coordinator's.
  const PUBLIC = new Set(["GET /api/programs/{program}", "GET /api/programs/{program}/groups", "GET /api/programs/{program}/participants"]);
  const programOps = () => ops.filter((o) => o.path.startsWith("/api/programs/{program}") && !PUBLIC.has(label(o)));
  const NON_COORDINATORS = ["editor", "unitAdmin", "viewer", ...STRANGERS] as const;

  it("lists the coordinator-only program routes", () => {
    const listed = programOps().map(label);
    for (const expected of [
      "GET /api/programs/{program}/rollup",
      "GET /api/programs/{program}/rollup/areas/{code}",
      "GET /api/programs/{program}/rollup/units/{unit}",
      "GET /api/programs/{program}/rules",
      "PUT /api/programs/{program}/rules/{rule}",
      "GET /api/programs/{program}/reports",
      "GET /api/programs/{program}/reports/{id}",
      "POST /api/programs/{program}/reports/run",
      "POST /api/programs/{program}/groups/{code}/members",
      "PATCH /api/programs/{program}/groups/{code}/members/{unit}",
      "PATCH /api/programs/{program}",
      "POST /api/programs/{program}/groups",
      "PATCH /api/programs/{program}/groups/{code}",
      "POST /api/programs/{program}/participants",
      "PATCH /api/programs/{program}/participants/{id}",
      "PUT /api/programs/{program}/groups/{code}/counties",
      "POST /api/programs/{program}/remind",
      "GET /api/programs/{program}/webhooks",
      "POST /api/programs/{program}/webhooks",
    ]) {
      expect(listed).toContain(expected);
    }
  });

  it("answers the program's coordinator 200 on every GET (the filled paths are real)", async () => {
    for (const op of programOps().filter((o) => o.method === "GET")) expect((await send(op, who.coordinator!.token)).status, label(op)).toBe(200);
  });

  it.each(NON_COORDINATORS)("answers %s 403 on every program route, writing nothing", async (role) => {
    const before = await platformCounts(h);
    for (const op of programOps()) {
      const res = await send(op, who[role]!.token);
      const text = await res.text();
      expect(res.status, `${role} ${label(op)} ${text.slice(0, 200)}`).toBe(403);
      expect(isErrorEnvelope(JSON.parse(text))).toBe(true);
      expect(text).not.toContain(MARK);
    }
    expect(diff(before, await platformCounts(h))).toEqual({});
  });

  it("the same writes from the program's coordinator succeed (the bodies are valid, so only access stopped the others)", async () => {
    for (const op of programOps().filter((o) => o.method !== "GET")) {
      const res = await send(op, who.coordinator!.token);
      expect([200, 201, 202], `${label(op)} ${await res.clone().text()}`).toContain(res.status);
    }
  });
});

describe("read-only roles write nothing", () => {
  it.each(READ_ONLY)("%s gets 403 on every dongguan write route, and no row or audit row appears", async (role) => {
    const before = await tenantCounts(h, UNIT);
    const platformBefore = await platformCounts(h);
    // A coordinator may return a submission (reopen) or a record (its thread): those are its writes.
    const routes = writeOps().filter((o) => !(role === "coordinator" && (o.path.endsWith("/reopen") || o.path.endsWith("/thread"))));
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const op of routes) {
      const res = await send(op, who[role]!.token);
      const text = await res.text();
      expect(res.status, `${role} ${label(op)} ${text.slice(0, 200)}`).toBe(403);
      expect(isErrorEnvelope(JSON.parse(text))).toBe(true);
    }
    expect(diff(before, await tenantCounts(h, UNIT))).toEqual({});
    expect(diff(platformBefore, await platformCounts(h))).toEqual({});
  });

  it("the same requests from the unit's own editor do write (the bodies are valid, so only access stopped the others)", async () => {
    const before = await tenantCounts(h, UNIT);
    const create = writeOps().find((o) => o.path === "/api/t/{unit}/activities" && o.method === "POST")!;
    const res = await send(create, who.editor!.token);
    expect(res.status).toBe(201);
    const imported = await send(writeOps().find((o) => o.path === "/api/t/{unit}/activities/import")!, who.editor!.token);
    expect(imported.status, await imported.clone().text()).toBe(201);
    const patched = await send(writeOps().find((o) => o.path === "/api/t/{unit}/projects/{id}" && o.method === "PATCH")!, who.editor!.token);
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(diff(before, await tenantCounts(h, UNIT))).toEqual({ activities: 2, "activities.versions": 2, "projects.versions": 1, audit_log: 3 });
  });
});
