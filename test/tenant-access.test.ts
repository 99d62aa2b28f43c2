import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAccess } from "../src/tenants/access";
import type { AuthInfo } from "../src/auth/claims";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
const who: Record<string, TestUser> = {};
beforeAll(async () => {
  h = await startHarness();
  who.editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  who.unitAdmin = await makeUser(h, "unit_admin", { unit: "dongguan" });
  who.viewer = await makeUser(h, "viewer", { unit: "dongguan" });
  who.otherEditor = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
  who.coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
  who.otherCoordinator = await makeUser(h, "coordinator", { programs: ["gannan-central"] });
  who.admin = await makeUser(h, "admin");
});
afterAll(() => h.close());

describe("access decisions (pure)", () => {
  const base: AuthInfo = { userId: "u", username: "u", name: "u", role: "viewer", unit: null, programs: [], area: null, authVersion: 1 };
  it.each([
    ["unit_editor own", { ...base, role: "unit_editor", unit: "a" }, "a", ["p", "q"], { read: true, write: true, personal: true, programs: ["p", "q"], scoped: false }],
    ["unit_editor other", { ...base, role: "unit_editor", unit: "a" }, "b", ["p"], { read: false, write: false, personal: false, programs: [], scoped: true }],
    ["viewer own", { ...base, role: "viewer", unit: "a" }, "a", ["p"], { read: true, write: false, personal: true, programs: ["p"], scoped: false }],
    ["coordinator of one of the unit's programs sees that one only", { ...base, role: "coordinator", programs: ["p"] }, "a", ["p", "q"], { read: true, write: false, personal: false, programs: ["p"], scoped: true }],
    ["coordinator of another program", { ...base, role: "coordinator", programs: ["x"] }, "a", ["p"], { read: false, write: false, personal: false, programs: [], scoped: true }],
    ["admin", { ...base, role: "admin" }, "a", ["p"], { read: true, write: false, personal: false, programs: ["p"], scoped: false }],
  ] as const)("%s", (_name, auth, unit, programs, expected) => {
    expect(decideAccess(auth as AuthInfo, unit, programs)).toEqual(expected);
  });
});

describe("GET /api/t/:unit", () => {
  it("shows a unit its own profile: Dongguan leads the ten Shaoguan groups and has ten placeholder towns", async () => {
    const res = await call(h, "GET", "/api/t/dongguan", { token: who.editor!.token });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.access).toMatchObject({ write: true, personal: true, scoped: false });
    const ds = body.programs.find((p: { slug: string }) => p.slug === "dongguan-shaoguan");
    expect(ds.groups).toHaveLength(10);
    expect(body.counts).toEqual({ subUnits: 10, placeholders: 10 });
  });

  it("lets the coordinator of the unit's program read, without personal fields", async () => {
    const res = await call(h, "GET", "/api/t/dongguan", { token: who.coordinator!.token });
    expect(res.status).toBe(200);
    expect((await res.json()).access).toEqual({ write: false, personal: false, programs: ["dongguan-shaoguan"], scoped: true });
  });

  it.each(["otherEditor", "otherCoordinator"])("answers 403 to %s, and never data", async (name) => {
    const res = await call(h, "GET", "/api/t/dongguan", { token: who[name]!.token });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error.code).toBe("FORBIDDEN");
  });

  it("answers a unit user the same 403 for a unit that does not exist (existence is not revealed)", async () => {
    const res = await call(h, "GET", "/api/t/no-such-unit", { token: who.editor!.token });
    expect(res.status).toBe(403);
  });

  it("answers an admin 404 for a unit that does not exist", async () => {
    expect((await call(h, "GET", "/api/t/no-such-unit", { token: who.admin!.token })).status).toBe(404);
  });

  it("refuses writes to read-only roles before any route runs", async () => {
    for (const name of ["viewer", "coordinator", "admin"]) {
      const res = await call(h, "POST", "/api/t/dongguan/audit", { token: who[name]!.token, body: {} });
      expect(res.status, name).toBe(403);
    }
  });
});

describe("GET /api/t/:unit/audit", () => {
  it("shows the seed's writes with before/after to the unit's own roles", async () => {
    const res = await call(h, "GET", "/api/t/dongguan/audit?entity=sub_unit&limit=5", { token: who.viewer!.token });
    expect(res.status).toBe(200);
    const { items, nextCursor } = await res.json();
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ actor: "system:seed", entity: "sub_unit", action: "create" });
    expect(items[0].after).toMatchObject({ kind: "town", placeholder: true });
    expect(nextCursor).toBe(String(items[4].id));
    const next = await (await call(h, "GET", `/api/t/dongguan/audit?entity=sub_unit&cursor=${nextCursor}`, { token: who.viewer!.token })).json();
    expect(next.items).toHaveLength(5);
    expect(next.nextCursor).toBeNull();
  });

  it("hides before/after from a coordinator (personal data never leaves the tenant)", async () => {
    const { items } = await (await call(h, "GET", "/api/t/dongguan/audit", { token: who.coordinator!.token })).json();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { before: unknown; after: unknown }) => i.before === null && i.after === null)).toBe(true);
  });
});
