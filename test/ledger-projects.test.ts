/**
 * 项目库 as a specification: creating a project, the fields the API refuses and why, the status
 * workflow (planned → approved → in progress → completed → accepted, one step at a time, enforced by
 * the API and again by the database), optimistic concurrency, the audit trail, voiding, and lists.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let editor: TestUser;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  admin = await makeUser(h, "admin");
});
afterAll(() => h.close());

const ifMatch = (v: number) => ({ "if-match": `"${v}"` });

/** A valid Dongguan project: 乳源 (440232) in the Dongguan–Shaoguan program. */
function projectBody(overrides: Record<string, unknown> = {}) {
  return { title: uid("proj"), category: "industry", areaCode: "440232", program: "dongguan-shaoguan", budgetFen: 500_000_00, ...overrides };
}

async function createProject(overrides: Record<string, unknown> = {}, unit = "dongguan", token = editor.token) {
  const res = await call(h, "POST", `/api/t/${unit}/projects`, { token, body: projectBody(overrides) });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return res.json();
}

async function patch(id: string, version: number, body: Record<string, unknown>) {
  return call(h, "PATCH", `/api/t/dongguan/projects/${id}`, { token: editor.token, body, headers: ifMatch(version) });
}

async function projectTotal(unit = "dongguan", token = editor.token, query = ""): Promise<number> {
  return (await (await call(h, "GET", `/api/t/${unit}/projects?limit=1${query}`, { token })).json()).total;
}

async function auditOf(id: string) {
  return (await (await call(h, "GET", `/api/t/dongguan/audit?entity=project&entityId=${id}`, { token: editor.token })).json()).items;
}

/** A fresh unit (in no program) with its own editor, so list counts are ours alone. */
async function freshUnit(): Promise<{ slug: string; token: string }> {
  const slug = uid("lp");
  const res = await call(h, "POST", "/api/units", { token: admin.token, body: { slug, name: `测试单位 ${slug}`, kind: "city" } });
  expect(res.status).toBe(201);
  return { slug, token: (await makeUser(h, "unit_editor", { unit: slug })).token };
}

describe("POST /api/t/:unit/projects", () => {
  it("creates a planned project at version 1, with ETag and Location, and reads it back", async () => {
    const body = projectBody({ beneficiaries: 1200, beneficiariesLifted: 300, grassroots: true, startDate: "2026-03-01", endDate: "2026-12-31", location: "乳源县必背镇" });
    const res = await call(h, "POST", "/api/t/dongguan/projects", { token: editor.token, body });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    const created = await res.json();
    expect(res.headers.get("location")).toBe(`/api/t/dongguan/projects/${created.id}`);
    expect(created).toMatchObject({
      ...body,
      status: "planned", // the default when none is given
      version: 1,
      demo: false,
      createdBy: editor.username,
      updatedBy: editor.username,
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
      pairingId: null,
      description: null,
    });
    expect(created.id).toMatch(/^[0-9a-z]{26}$/);

    const read = await call(h, "GET", `/api/t/dongguan/projects/${created.id}`, { token: editor.token });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(await read.json()).toEqual(created);
  });

  it.each([
    ["a missing title", (b: Record<string, unknown>) => ({ ...b, title: undefined }), "body.title"],
    ["an unknown category", (b: Record<string, unknown>) => ({ ...b, category: "tourism" }), "body.category"],
    ["a negative budget", (b: Record<string, unknown>) => ({ ...b, budgetFen: -1 }), "body.budgetFen"],
    ["more people lifted than beneficiaries (301 > 300)", (b: Record<string, unknown>) => ({ ...b, beneficiaries: 300, beneficiariesLifted: 301 }), "body.beneficiariesLifted"],
    ["an end date before the start date", (b: Record<string, unknown>) => ({ ...b, startDate: "2026-05-02", endDate: "2026-05-01" }), "body.endDate"],
    ["an area code that does not exist", (b: Record<string, unknown>) => ({ ...b, areaCode: "999999" }), "body.areaCode"],
    ["a pairing that does not exist", (b: Record<string, unknown>) => ({ ...b, pairingId: "no-such-pairing" }), "body.pairingId"],
    ["a program the unit takes no part in", (b: Record<string, unknown>) => ({ ...b, program: "gannan-central" }), "body.program"],
    ["an unknown field", (b: Record<string, unknown>) => ({ ...b, colour: "red" }), "body"],
  ])("refuses %s with 400 naming the field, and writes nothing", async (_name, spoil, path) => {
    const before = await projectTotal();
    const res = await call(h, "POST", "/api/t/dongguan/projects", { token: editor.token, body: spoil(projectBody()) });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    expect(await projectTotal()).toBe(before);
  });

  // Regression (fixed): optional fields are declared "null clears" (src/ledger/fields.ts createSchema /
  // updateSchema), but budgetFen, beneficiaries, beneficiariesLifted, grassroots and status are
  // NOT NULL columns (db/tenant/schema.ts); an explicit null passes validation, reaches SQLite,
  // fails "NOT NULL constraint failed" and is answered 500 instead of 400 (or the default).
  it("treats an explicit null in a NOT NULL optional field as the default or refuses it with 400, never 500", async () => {
    const res = await call(h, "POST", "/api/t/dongguan/projects", { token: editor.token, body: projectBody({ budgetFen: null }) });
    expect([201, 400]).toContain(res.status);
  });

  // The same bug on PATCH: { beneficiaries: null } → 500 (NOT NULL constraint failed: projects.beneficiaries).
  it("clears an optional NOT NULL field with null to its default (JSON merge patch); refuses null for a required one with 400, never 500", async () => {
    const project = await createProject();
    const cleared = await patch(project.id, 1, { beneficiaries: null });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({ beneficiaries: 0, version: 2 });
    const refused = await patch(project.id, 2, { title: null });
    expect(refused.status).toBe(400);
  });
});

describe("the status workflow", () => {
  it("moves planned → approved → in_progress → completed → accepted one step at a time, each with the version read", async () => {
    const project = await createProject();
    const steps = ["approved", "in_progress", "completed", "accepted"];
    for (const [i, status] of steps.entries()) {
      const version = i + 1;
      const res = await patch(project.id, version, { status });
      expect(res.status, status).toBe(200);
      expect(res.headers.get("etag")).toBe(`"${version + 1}"`);
      expect(await res.json()).toMatchObject({ status, version: version + 1 });
    }
  });

  it("refuses skipping a step (planned → completed) with 400 at body.status, and writes nothing", async () => {
    const project = await createProject();
    const res = await patch(project.id, 1, { status: "completed" });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.details).toEqual([expect.objectContaining({ path: "body.status" })]);
    expect(error.details[0].message).toContain("已立项"); // names the one allowed next step
    expect(await (await call(h, "GET", `/api/t/dongguan/projects/${project.id}`, { token: editor.token })).json()).toMatchObject({ status: "planned", version: 1 });
  });

  it("refuses going back (approved → planned) with 400", async () => {
    const project = await createProject();
    expect((await patch(project.id, 1, { status: "approved" })).status).toBe(200);
    const back = await patch(project.id, 2, { status: "planned" });
    expect(back.status).toBe(400);
    expect((await back.json()).error.details[0].path).toBe("body.status");
  });

  it("makes accepted final: every other status is refused with 400, other fields may still change", async () => {
    const project = await createProject();
    for (const [i, status] of ["approved", "in_progress", "completed", "accepted"].entries()) expect((await patch(project.id, i + 1, { status })).status).toBe(200);
    for (const status of ["planned", "approved", "in_progress", "completed"]) {
      const res = await patch(project.id, 5, { status });
      expect(res.status, status).toBe(400);
      expect((await res.json()).error.details[0].path).toBe("body.status");
    }
    expect((await patch(project.id, 5, { location: "验收后补记地点" })).status).toBe(200);
  });

  it("is enforced by the database even when the API is bypassed", async () => {
    const project = await createProject();
    const unit = await h.services.tenants.find("dongguan");
    const { client } = await h.services.tenants.lease(unit!);
    await expect(client.execute({ sql: "UPDATE projects SET status = 'accepted' WHERE id = ?", args: [project.id] })).rejects.toThrow(/PROJECT_STATUS_TRANSITION/);
    const row = await client.execute({ sql: "SELECT status FROM projects WHERE id = ?", args: [project.id] });
    expect(row.rows[0]?.status).toBe("planned");
    // The one legal step passes the trigger.
    await client.execute({ sql: "UPDATE projects SET status = 'approved' WHERE id = ?", args: [project.id] });
  });
});

describe("PATCH /api/t/:unit/projects/:id (optimistic concurrency)", () => {
  it("answers 412 to a stale If-Match and writes nothing: version unchanged, no audit row", async () => {
    const project = await createProject();
    expect((await patch(project.id, 1, { budgetFen: 600_000_00 })).status).toBe(200);
    const stale = await patch(project.id, 1, { budgetFen: 1 });
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.code).toBe("PRECONDITION_FAILED");
    const read = await call(h, "GET", `/api/t/dongguan/projects/${project.id}`, { token: editor.token });
    expect(read.headers.get("etag")).toBe('"2"');
    expect(await read.json()).toMatchObject({ version: 2, budgetFen: 600_000_00 });
    expect((await auditOf(project.id)).map((a: { action: string }) => a.action)).toEqual(["update", "create"]);
  });

  it("answers 428 when If-Match is missing, and writes nothing", async () => {
    const project = await createProject();
    const res = await call(h, "PATCH", `/api/t/dongguan/projects/${project.id}`, { token: editor.token, body: { title: "改名" } });
    expect(res.status).toBe(428);
    expect((await res.json()).error.code).toBe("PRECONDITION_REQUIRED");
    expect(await (await call(h, "GET", `/api/t/dongguan/projects/${project.id}`, { token: editor.token })).json()).toMatchObject({ title: project.title, version: 1 });
  });
});

describe("audit trail and voiding", () => {
  it("records create, update, update, void with before/after versions", async () => {
    const project = await createProject();
    expect((await patch(project.id, 1, { status: "approved" })).status).toBe(200);
    expect((await patch(project.id, 2, { budgetFen: 700_000_00 })).status).toBe(200);
    const voided = await call(h, "POST", `/api/t/dongguan/projects/${project.id}/void`, { token: editor.token, body: { reason: "重复录入" }, headers: ifMatch(3) });
    expect(voided.status).toBe(200);
    expect(voided.headers.get("etag")).toBe('"4"');

    const items = (await auditOf(project.id)).reverse(); // the API lists newest first
    expect(items.map((a: { action: string }) => a.action)).toEqual(["create", "update", "update", "void"]);
    expect(items.every((a: { actor: string }) => a.actor === editor.username)).toBe(true);
    expect(items[0].before).toBeNull();
    expect(items[0].after).toMatchObject({ version: 1, status: "planned" });
    expect([items[1].before.version, items[1].after.version]).toEqual([1, 2]);
    expect([items[1].before.status, items[1].after.status]).toEqual(["planned", "approved"]);
    expect([items[2].before.budgetFen, items[2].after.budgetFen]).toEqual([500_000_00, 700_000_00]);
    expect([items[3].before.version, items[3].after.version]).toEqual([3, 4]);
    expect(items[3].after).toMatchObject({ voidReason: "重复录入", voidedBy: editor.username });
  });

  it("hides a voided project from lists unless includeVoided=true, keeps it readable, and refuses edits with 409", async () => {
    const title = uid("voided");
    const project = await createProject({ title });
    const voided = await call(h, "POST", `/api/t/dongguan/projects/${project.id}/void`, { token: editor.token, body: { reason: "项目取消" }, headers: ifMatch(1) });
    expect(voided.status).toBe(200);

    const q = `/api/t/dongguan/projects?q=${encodeURIComponent(title)}`;
    expect((await (await call(h, "GET", q, { token: editor.token })).json()).total).toBe(0);
    const withVoided = await (await call(h, "GET", `${q}&includeVoided=true`, { token: editor.token })).json();
    expect(withVoided.items.map((p: { id: string }) => p.id)).toEqual([project.id]);

    const read = await (await call(h, "GET", `/api/t/dongguan/projects/${project.id}`, { token: editor.token })).json();
    expect(read).toMatchObject({ version: 2, voidReason: "项目取消", voidedBy: editor.username });
    expect(read.voidedAt).toEqual(expect.any(String));

    const edit = await patch(project.id, 2, { title: "复活" });
    expect(edit.status).toBe(409);
    expect((await edit.json()).error.code).toBe("CONFLICT");
  });
});

describe("GET /api/t/:unit/projects (in a fresh unit)", () => {
  let unit: { slug: string; token: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    unit = await freshUnit();
    // A fresh unit takes part in no program, so no `program`.
    const make = async (key: string, body: Record<string, unknown>) => {
      ids[key] = (await createProject({ program: undefined, ...body }, unit.slug, unit.token)).id;
    };
    await make("school", { title: "乳源中学教学楼", category: "education", budgetFen: 300_000_00, startDate: "2025-09-01" });
    await make("clinic", { title: "必背镇卫生院", category: "health", budgetFen: 120_000_00, startDate: "2026-02-15" });
    await make("tea", { title: "乳源白毛茶产业园", category: "industry", budgetFen: 800_000_00, startDate: "2026-04-01" });
    await make("road", { title: "村道硬化", category: "infrastructure", budgetFen: 50_000_00, startDate: "2024-11-20" });
    const tea = await call(h, "PATCH", `/api/t/${unit.slug}/projects/${ids.tea}`, { token: unit.token, body: { status: "approved" }, headers: ifMatch(1) });
    expect(tea.status).toBe(200);
  });

  const list = async (query: string) => {
    const res = await call(h, "GET", `/api/t/${unit.slug}/projects?${query}`, { token: unit.token });
    expect(res.status).toBe(200);
    const body = await res.json();
    return { ...body, ids: body.items.map((p: { id: string }) => p.id) };
  };

  it("filters by status, category, text and year of the start date", async () => {
    expect((await list("status=approved")).ids).toEqual([ids.tea]);
    expect((await list("status=planned")).total).toBe(3); // 4 created − tea, approved
    expect((await list("category=health")).ids).toEqual([ids.clinic]);
    expect((await list(`q=${encodeURIComponent("乳源")}`)).ids.sort()).toEqual([ids.school, ids.tea].sort());
    // 2026: clinic (2026-02-15) and tea (2026-04-01); school is 2025, road 2024.
    expect((await list("year=2026")).ids.sort()).toEqual([ids.clinic, ids.tea].sort());
    expect((await list("year=2026&quarter=1")).ids).toEqual([ids.clinic]);
  });

  it("sorts by -budgetFen, largest first", async () => {
    // 800,000.00 > 300,000.00 > 120,000.00 > 50,000.00 元
    expect((await list("sort=-budgetFen")).ids).toEqual([ids.tea, ids.school, ids.clinic, ids.road]);
  });

  it("refuses an unknown sort and a forged cursor with 400", async () => {
    expect((await call(h, "GET", `/api/t/${unit.slug}/projects?sort=-secret`, { token: unit.token })).status).toBe(400);
    const forged = await call(h, "GET", `/api/t/${unit.slug}/projects?cursor=not-a-cursor`, { token: unit.token });
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.details[0].path).toBe("query.cursor");
  });
});

describe("cursor paging (in a fresh unit)", () => {
  it("pages 7 projects 3 at a time: 3 + 3 + 1, no duplicates, total 7 on every page", async () => {
    const unit = await freshUnit();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createProject({ program: undefined, budgetFen: i * 100 }, unit.slug, unit.token)).id);

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=3&sort=-createdAt${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await (await call(h, "GET", `/api/t/${unit.slug}/projects?${query}`, { token: unit.token })).json();
      expect(page.total).toBe(7);
      sizes.push(page.items.length);
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([...created].sort());
  });
});
