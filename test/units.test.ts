import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAudit, units } from "../db/platform/schema";
import { createLogger } from "../src/log";
import { TENANT_SCHEMA_VERSION, TenantDirectory } from "../src/tenants/directory";
import { nodeConnector } from "../src/tenants/node-connector";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let admin: TestUser;
let editor: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await makeUser(h, "admin");
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
});
afterAll(() => h.close());

describe("POST /api/units", () => {
  it("creates a unit with its own migrated database, audited", async () => {
    const slug = uid("qy").toLowerCase();
    const res = await call(h, "POST", "/api/units", { token: admin.token, body: { slug, name: "清远市", kind: "city" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/t/${slug}`);
    expect(await res.json()).toMatchObject({ slug, name: "清远市", status: "active", schemaVersion: TENANT_SCHEMA_VERSION });

    const unitAdmin = await makeUser(h, "unit_admin", { unit: slug });
    const tenant = await call(h, "GET", `/api/t/${slug}`, { token: unitAdmin.token });
    expect(tenant.status).toBe(200);
    expect((await tenant.json()).counts).toEqual({ subUnits: 0, placeholders: 0 });

    const audit = await h.services.platform.select().from(platformAudit).where(eq(platformAudit.entityId, slug));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", entity: "unit", actor: admin.username });
  });

  it("answers 409 for a slug in use", async () => {
    const res = await call(h, "POST", "/api/units", { token: admin.token, body: { slug: "dongguan", name: "东莞市", kind: "city" } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain("dongguan");
  });

  it.each([
    ["uppercase and spaces", { slug: "Bad Slug", name: "x", kind: "city" }, "body.slug"],
    ["unknown kind", { slug: "ok-slug", name: "x", kind: "planet" }, "body.kind"],
    ["empty name", { slug: "ok-slug", name: "  ", kind: "city" }, "body.name"],
    ["unknown field", { slug: "ok-slug", name: "x", kind: "city", admin: true }, "body"],
  ])("answers 400 for %s and creates nothing", async (_name, body, path) => {
    const before = (await h.services.platform.select().from(units)).length;
    const res = await call(h, "POST", "/api/units", { token: admin.token, body });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect((await h.services.platform.select().from(units)).length).toBe(before);
  });

  it("is for admins only", async () => {
    const res = await call(h, "POST", "/api/units", { token: editor.token, body: { slug: "sneaky", name: "x", kind: "city" } });
    expect(res.status).toBe(403);
    expect((await call(h, "GET", "/api/units", { token: editor.token })).status).toBe(403);
  });
});

describe("POST /api/units with groups", () => {
  it("places the new unit in a group at once: its fund shows in its compliance and in the program's rollup by area", async () => {
    const slug = uid("nx").toLowerCase();
    const res = await call(h, "POST", "/api/units", { token: admin.token, body: { slug, name: "新帮扶单位", kind: "state_enterprise", groups: [{ program: "gd-old-areas", areaCode: "440282" }] } });
    expect(res.status).toBe(201);
    expect((await res.json()).groups).toEqual([{ program: "gd-old-areas", areaCode: "440282", role: "member" }]);
    const coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas"] });
    const groupsRes = await (await call(h, "GET", "/api/programs/gd-old-areas/groups", { token: coordinator.token })).json();
    const nanxiong = groupsRes.items.find((g: { area: { code: string } }) => g.area.code === "440282");
    expect(nanxiong.members.at(-1)).toMatchObject({ slug, role: "member" });

    const year = new Date().getUTCFullYear();
    const clerk = await makeUser(h, "unit_editor", { unit: slug });
    const fund = await call(h, "POST", `/api/t/${slug}/funds`, { token: clerk.token, body: { kind: "allocation", source: "enterprise", amountFen: 12_345_00, date: `${year}-01-15`, areaCode: "440282", program: "gd-old-areas" } });
    expect(fund.status).toBe(201);
    await h.services.snapshots.settled();
    await h.services.queue.settled();

    const compliance = await (await call(h, "GET", `/api/t/${slug}/compliance?year=${year}`, { token: clerk.token })).json();
    expect(compliance.programs.map((p: { program: string }) => p.program)).toContain("gd-old-areas");
    const area = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup/areas/440282?year=${year}`, { token: coordinator.token })).json();
    expect(area.contributions.find((x: { unit: string }) => x.unit === slug).sums.inFen).toBe(12_345_00);
    const rollup = await (await call(h, "GET", `/api/programs/gd-old-areas/rollup?year=${year}&limit=500`, { token: coordinator.token })).json();
    const row = rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === slug);
    expect(row.summary.funds.inFen).toBe(12_345_00);
    expect(row.groups).toMatchObject([{ areaCode: "440282", role: "member", basis: "pairing", to: null }]);

    const [audit] = await h.services.platform.select().from(platformAudit).where(eq(platformAudit.entityId, slug));
    expect(audit!.after).toMatchObject({ groups: [{ program: "gd-old-areas", areaCode: "440282", role: "member" }] });
  });

  it("creates nothing when a placement is wrong, naming each: no such program, no group there, a second lead", async () => {
    const slug = uid("bad").toLowerCase();
    const res = await call(h, "POST", "/api/units", {
      token: admin.token,
      body: { slug, name: "错误", kind: "city", groups: [{ program: "no-such", areaCode: "440282" }, { program: "gd-old-areas", areaCode: "110101" }, { program: "gd-old-areas", areaCode: "440282", role: "lead" }] },
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.details.map((d: { path: string; code: string }) => `${d.path} ${d.code}`)).toEqual(["body.groups.0.program unknown_program", "body.groups.1.areaCode no_group", "body.groups.2.role group_has_lead"]);
    expect(error.details[2].message).toContain("牵头单位");
    expect(await h.services.tenants.find(slug)).toBeUndefined();
    expect(await h.services.platform.select().from(units).where(eq(units.slug, slug))).toHaveLength(0);
  });
});

describe("GET /api/units", () => {
  it("pages through every tenant with a cursor", async () => {
    const first = await (await call(h, "GET", "/api/units?limit=100", { token: admin.token })).json();
    expect(first.items).toHaveLength(100);
    const second = await (await call(h, "GET", `/api/units?limit=100&cursor=${first.nextCursor}`, { token: admin.token })).json();
    expect(first.items.length + second.items.length).toBeGreaterThanOrEqual(143);
    expect(second.nextCursor).toBeNull();
  });
});

describe("provisioning is all or nothing", () => {
  it("removes the directory row when the database cannot be created", async () => {
    const failing = { ...nodeConnector(":memory:"), create: async () => Promise.reject(new Error("disk full")) };
    const directory = new TenantDirectory(h.services.platform, failing, createLogger("error", () => undefined), 8);
    const slug = uid("broken").toLowerCase();
    await expect(directory.provision({ slug, name: "坏单位", kind: "city" })).rejects.toThrow("disk full");
    expect(await directory.find(slug)).toBeUndefined();
  });
});
