import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let viewer: TestUser;
beforeAll(async () => {
  h = await startHarness();
  viewer = await makeUser(h, "viewer", { unit: "gd-org-dept" });
});
afterAll(() => h.close());

describe("GET /api/programs", () => {
  it("lists the five programs of the policy documents with their groups and units", async () => {
    const res = await call(h, "GET", "/api/programs", { token: viewer.token });
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((p: { slug: string }) => p.slug).sort()).toEqual(["dongguan-shaoguan", "gannan-central", "gd-east-west-2016", "gd-guizhou", "gd-old-areas"]);
    const byslug = Object.fromEntries(items.map((p: { slug: string }) => [p.slug, p]));
    // 24 counties × 3 units (old areas); 43 counties, 61 units (Gannan); 10 counties, 1 city (Dongguan–Shaoguan).
    expect(byslug["gd-old-areas"]).toMatchObject({ groupCount: 24, unitCount: 72, startYear: 2022, endYear: 2030, cadreTermMonths: 36 });
    // 61 paired units and the two 牵头部门 taking part without a pairing.
    expect(byslug["gannan-central"]).toMatchObject({ groupCount: 43, unitCount: 63 });
    expect(byslug["dongguan-shaoguan"]).toMatchObject({ groupCount: 10, unitCount: 1, coordinator: "东莞韶关对口帮扶指挥部" });
  });

  it("answers 404 for an unknown program and 400 for a malformed slug", async () => {
    expect((await call(h, "GET", "/api/programs/no-such-program", { token: viewer.token })).status).toBe(404);
    const bad = await call(h, "GET", "/api/programs/NOT_A_SLUG", { token: viewer.token });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("path.program");
  });
});

describe("GET /api/programs/:program/groups", () => {
  it("has the 南雄市 group led by 省委组织部 with 粤财控股 and 人民银行广州分行", async () => {
    const res = await call(h, "GET", "/api/programs/gd-old-areas/groups", { token: viewer.token });
    const { items } = await res.json();
    expect(items).toHaveLength(24);
    const nanxiong = items.find((g: { area: { code: string } }) => g.area.code === "440282");
    expect(nanxiong.area).toMatchObject({ name: "南雄市", fullName: "广东省韶关市南雄市" });
    expect(nanxiong.lead).toEqual({ slug: "gd-org-dept", name: "省委组织部" });
    expect(nanxiong.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ["省委组织部", "lead"],
      ["广东粤财控股有限公司", "member"],
      ["中国人民银行广州分行", "member"],
    ]);
  });

  it("filters to the groups a unit belongs to", async () => {
    const res = await call(h, "GET", "/api/programs/dongguan-shaoguan/groups?unit=dongguan", { token: viewer.token });
    const { items } = await res.json();
    expect(items).toHaveLength(10);
    // The document names no lead: 东莞市 is each group's one helper.
    expect(items.every((g: { lead: unknown; members: { slug: string; role: string }[] }) => g.lead === null && g.members.map((m) => [m.slug, m.role]).join() === "dongguan,member")).toBe(true);
  });
});

describe("GET /api/areas", () => {
  it("lists Shaoguan's ten county-level areas by parent", async () => {
    const res = await call(h, "GET", "/api/areas?parent=440200", { token: viewer.token });
    const { items } = await res.json();
    expect(items).toHaveLength(10);
    expect(items.map((a: { name: string }) => a.name)).toContain("乳源瑶族自治县");
  });

  it("searches by name and escapes LIKE wildcards", async () => {
    const found = await (await call(h, "GET", `/api/areas?q=${encodeURIComponent("南雄")}`, { token: viewer.token })).json();
    expect(found.items.map((a: { code: string }) => a.code)).toEqual(["440282"]);
    const wildcard = await (await call(h, "GET", "/api/areas?q=%25", { token: viewer.token })).json();
    expect(wildcard.items).toEqual([]);
  });

  it("rejects a bad level with 400", async () => {
    expect((await call(h, "GET", "/api/areas?level=9", { token: viewer.token })).status).toBe(400);
  });
});
