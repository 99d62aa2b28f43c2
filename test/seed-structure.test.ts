import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DONGGUAN_TOWN_GROUPS, GROUPS, PROGRAMS, UNITS, type SeedGroup } from "../db/seed/structure";

type AreaRow = [code: string, name: string, parentCode: string | null, level: 1 | 2 | 3];

const areaRows = JSON.parse(readFileSync(new URL("../db/seed/areas.json", import.meta.url), "utf8")) as AreaRow[];
const areas = new Map(areaRows.map((row) => [row[0], row]));
const unitBySlug = new Map(UNITS.map((u) => [u.slug, u]));

const groupsOf = (program: string): SeedGroup[] => GROUPS.filter((g) => g.program === program);
const unitsOf = (g: SeedGroup): string[] => [g.lead, ...g.members];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("areas.json", () => {
  it("has 6-digit codes, each once, whose parents exist one level up", () => {
    expect(areas.size).toBe(areaRows.length);
    for (const [code, , parent, level] of areaRows) {
      expect(code).toMatch(/^\d{6}$/);
      if (level === 1) expect(parent).toBeNull();
      else expect(areas.get(parent ?? "")?.[3]).toBe(level - 1);
    }
  });

  it("keeps current names: 龙南市 360783, not the retired 龙南县 360727; 汕尾 城区 441502", () => {
    expect(areas.get("360783")?.[1]).toBe("龙南市");
    expect(areas.has("360727")).toBe(false);
    expect(areas.get("441502")?.[1]).toBe("城区");
  });
});

describe("programs", () => {
  it("are the five documents, with unique slugs", () => {
    expect(PROGRAMS.map((p) => p.slug)).toEqual([
      "gd-old-areas", "gannan-central", "dongguan-shaoguan", "gd-east-west-2016", "gd-guizhou",
    ]);
  });

  it("carry the cadre terms the documents set: 3 years for old areas, 1 year for Dongguan–Shaoguan", () => {
    const term = Object.fromEntries(PROGRAMS.map((p) => [p.slug, p.cadreTermMonths]));
    expect(term).toEqual({
      "gd-old-areas": 36, "gannan-central": null, "dongguan-shaoguan": 12, "gd-east-west-2016": null, "gd-guizhou": null,
    });
  });

  it("every group belongs to a known program", () => {
    const slugs = new Set(PROGRAMS.map((p) => p.slug));
    for (const g of GROUPS) expect(slugs, g.areaCode).toContain(g.program);
  });
});

describe("old areas (2022-guangdong-old-revolutionary-areas-pairing.txt §二(一))", () => {
  const groups = groupsOf("gd-old-areas");

  it("has 24 groups (13 原中央苏区 + 11 海陆丰) of three units each, 72 units in all", () => {
    expect(groups).toHaveLength(24);
    expect(groups.filter((g) => g.clause.endsWith("§二(一)1"))).toHaveLength(13);
    expect(groups.filter((g) => g.clause.endsWith("§二(一)2"))).toHaveLength(11);
    for (const g of groups) expect(unitsOf(g)).toHaveLength(3);
    expect(new Set(groups.flatMap(unitsOf)).size).toBe(72);
  });

  it("supports 南雄市 with 省委组织部 leading 广东粤财控股有限公司 and 中国人民银行广州分行", () => {
    expect(groups.find((g) => g.areaCode === "440282")).toEqual({
      program: "gd-old-areas",
      areaCode: "440282",
      lead: "gd-org-dept",
      members: ["yuecai-holdings", "pboc-guangzhou"],
      clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §二(一)1",
    });
    expect(unitBySlug.get("gd-org-dept")?.name).toBe("省委组织部");
    expect(unitBySlug.get("yuecai-holdings")?.name).toBe("广东粤财控股有限公司");
    expect(unitBySlug.get("pboc-guangzhou")?.name).toBe("中国人民银行广州分行");
  });

  it("groups a provincial organ (lead), a provincial enterprise and a central unit in Guangdong", () => {
    for (const g of groups) {
      expect(unitsOf(g).map((slug) => unitBySlug.get(slug)?.kind)).toEqual([
        "provincial_organ", "state_enterprise", "central_unit",
      ]);
    }
  });
});

describe("Gannan central units (2021-central-units-support-gannan-soviet-areas.txt §二)", () => {
  const groups = groupsOf("gannan-central");

  it("pairs 61 units with 43 counties, one or two units each", () => {
    expect(groups).toHaveLength(43);
    expect(new Set(groups.map((g) => g.areaCode)).size).toBe(43);
    for (const g of groups) expect(unitsOf(g).length).toBeGreaterThanOrEqual(1);
    for (const g of groups) expect(unitsOf(g).length).toBeLessThanOrEqual(2);
    // 赣州 18 × 2 + (吉安 8 + 抚州 5 + 龙岩 7 + 三明 5) × 1 = 36 + 25 = 61
    expect(new Set(groups.flatMap(unitsOf)).size).toBe(61);
  });

  it("counts 赣州 18, 吉安 8, 抚州 5, 龙岩 7, 三明 5 counties by code prefix", () => {
    const count = (prefix: string) => groups.filter((g) => g.areaCode.startsWith(prefix)).length;
    expect({ 3607: count("3607"), 3608: count("3608"), 3610: count("3610"), 3508: count("3508"), 3504: count("3504") })
      .toEqual({ 3607: 18, 3608: 8, 3610: 5, 3508: 7, 3504: 5 });
  });

  it("leaves the coordinators 国家发展改革委 and 中央组织部 out of the groups", () => {
    const names = UNITS.map((u) => u.name);
    expect(names).not.toContain("国家发展改革委");
    expect(names).not.toContain("中央组织部");
  });
});

describe("Dongguan–Shaoguan (2022-dongguan-shaoguan-three-year-action-plan.txt)", () => {
  const groups = groupsOf("dongguan-shaoguan");

  it("has 10 groups, one per Shaoguan county-level area, all led by 东莞市", () => {
    expect(groups).toHaveLength(10);
    for (const g of groups) {
      expect(g.lead).toBe("dongguan");
      expect(areas.get(g.areaCode)?.[2]).toBe("440200");
    }
    expect(unitBySlug.get("dongguan")).toEqual({ slug: "dongguan", name: "东莞市", kind: "city" });
  });

  it("has one unnamed town slot per group, labelled with the county's name", () => {
    expect(DONGGUAN_TOWN_GROUPS.map((t) => t.areaCode)).toEqual(groups.map((g) => g.areaCode));
    for (const t of DONGGUAN_TOWN_GROUPS) {
      expect(t.label).toBe(`东莞市对口帮扶${areas.get(t.areaCode)?.[1]}组团镇街（待填写）`);
    }
  });
});

describe("East–West 2016 and Guangdong–Guizhou 2022", () => {
  it("pairs helping cities with eight prefectures, 东莞市 leading 中山市 for 昭通市", () => {
    const groups = groupsOf("gd-east-west-2016");
    expect(groups.map((g) => [g.areaCode, ...unitsOf(g)])).toEqual([
      ["451000", "shenzhen"],
      ["451200", "shenzhen"],
      ["513300", "guangdong-province"],
      ["522700", "guangzhou"],
      ["520500", "guangzhou"],
      ["533300", "zhuhai"],
      ["513400", "foshan"],
      ["530600", "dongguan", "zhongshan"],
    ]);
    for (const g of groups) expect(areas.get(g.areaCode)?.[3]).toBe(2);
  });

  it("pairs 横琴粤澳深度合作区 with 正安县", () => {
    expect(groupsOf("gd-guizhou").map((g) => [g.areaCode, ...unitsOf(g)])).toEqual([
      ["520324", "hengqin-cooperation-zone"],
    ]);
    expect(unitBySlug.get("hengqin-cooperation-zone")?.kind).toBe("special_zone");
  });
});

describe("recipient areas", () => {
  it("exist in areas.json, county-level except the 2016 prefectures", () => {
    for (const g of GROUPS) {
      const area = areas.get(g.areaCode);
      expect(area, `${g.program} ${g.areaCode}`).toBeDefined();
      expect(area?.[3]).toBe(g.program === "gd-east-west-2016" ? 2 : 3);
    }
  });

  it.each([
    ["gd-old-areas", "440282", "南雄市"],
    ["gd-old-areas", "441502", "城区"],
    ["gd-old-areas", "445224", "惠来县"],
    ["gannan-central", "360702", "章贡区"],
    ["gannan-central", "360783", "龙南市"],
    ["gannan-central", "361030", "广昌县"],
    ["gannan-central", "350430", "建宁县"],
    ["dongguan-shaoguan", "440232", "乳源瑶族自治县"],
    ["gd-east-west-2016", "522700", "黔南布依族苗族自治州"],
    ["gd-east-west-2016", "513300", "甘孜藏族自治州"],
    ["gd-guizhou", "520324", "正安县"],
  ])("%s pairs %s, named %s", (program, code, name) => {
    expect(groupsOf(program).some((g) => g.areaCode === code)).toBe(true);
    expect(areas.get(code)?.[1]).toBe(name);
  });

  it("are each supported by one group per program", () => {
    for (const p of PROGRAMS) {
      const codes = groupsOf(p.slug).map((g) => g.areaCode);
      expect(new Set(codes).size, p.slug).toBe(codes.length);
    }
  });
});

describe("units", () => {
  it("are each listed once: 72 + 61 + 东莞 + 6 other 2016 helpers + 横琴 = 141", () => {
    expect(UNITS).toHaveLength(141);
    expect(unitBySlug.size).toBe(UNITS.length);
    expect(new Set(UNITS.map((u) => u.name)).size).toBe(UNITS.length);
  });

  it("are all referenced by groups, and groups reference only listed units", () => {
    const referenced = new Set(GROUPS.flatMap(unitsOf));
    for (const slug of referenced) expect(unitBySlug.has(slug), slug).toBe(true);
    for (const u of UNITS) expect(referenced.has(u.slug), u.slug).toBe(true);
  });

  it("never repeat a unit inside a group", () => {
    for (const g of GROUPS) expect(new Set(unitsOf(g)).size, g.areaCode).toBe(unitsOf(g).length);
  });

  it("have lowercase kebab-case slugs of at most 40 characters, as do programs", () => {
    for (const slug of [...UNITS.map((u) => u.slug), ...PROGRAMS.map((p) => p.slug)]) {
      expect(slug).toMatch(SLUG);
      expect(slug.length, slug).toBeLessThanOrEqual(40);
    }
  });
});
