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

describe("GET /api/units", () => {
  it("pages through every tenant with a cursor", async () => {
    const first = await (await call(h, "GET", "/api/units?limit=100", { token: admin.token })).json();
    expect(first.items).toHaveLength(100);
    const second = await (await call(h, "GET", `/api/units?limit=100&after=${first.nextCursor}`, { token: admin.token })).json();
    expect(first.items.length + second.items.length).toBeGreaterThanOrEqual(141);
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
