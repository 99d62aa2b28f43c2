import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DONGGUAN_TOWN_GROUPS, GROUPS, PARTICIPANTS, PROGRAMS, SPECIAL_AREAS, UNITS, type SeedGroup } from "../src/seed/structure";
import { fiscalPerCounty } from "../src/rules/catalog/fiscal-per-county";
import { evaluate, fund, periodData } from "./rules/fixtures";
import { documentSays } from "./support/policy";

type AreaRow = [code: string, name: string, parentCode: string | null, level: 1 | 2 | 3];

const areaRows = JSON.parse(readFileSync(new URL("../src/seed/areas.json", import.meta.url), "utf8")) as AreaRow[];
const areas = new Map([...areaRows, ...SPECIAL_AREAS.map((a): AreaRow => [a.code, a.name, a.parentCode, a.level])].map((row) => [row[0], row]));
const unitBySlug = new Map(UNITS.map((u) => [u.slug, u]));

const groupsOf = (program: string): SeedGroup[] => GROUPS.filter((g) => g.program === program);
const unitsOf = (g: SeedGroup): string[] => [...(g.lead ? [g.lead] : []), ...g.members];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("areas.json", () => {
  it("has 6-digit codes, each once, whose parents exist one level up (with the special areas)", () => {
    expect(areas.size).toBe(areaRows.length + SPECIAL_AREAS.length);
    for (const [code, , parent, level] of areas.values()) {
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

  it("groups a provincial organ (lead), a state-owned enterprise and a central unit in Guangdong", () => {
    for (const g of groups) {
      const [organ, enterprise, central] = unitsOf(g).map((slug) => unitBySlug.get(slug)?.kind);
      expect([organ, central]).toEqual(["provincial_organ", "central_unit"]);
      expect(["state_enterprise", "central_enterprise"]).toContain(enterprise);
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
    const inGroups = new Set(GROUPS.flatMap(unitsOf));
    for (const name of ["国家发展改革委", "中央组织部"]) expect(inGroups.has(UNITS.find((u) => u.name === name)!.slug), name).toBe(false);
  });
});

describe("Dongguan–Shaoguan (2022-dongguan-shaoguan-three-year-action-plan.txt)", () => {
  const groups = groupsOf("dongguan-shaoguan");

  it("has 10 groups, one per Shaoguan county-level area, each helped by 东莞市 alone (no lead named)", () => {
    expect(groups).toHaveLength(10);
    for (const g of groups) {
      expect(g.lead).toBeNull();
      expect(g.members).toEqual(["dongguan"]);
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
  it("pairs helping cities with eight prefectures (§3) and the province with four areas it supports (§5)", () => {
    const groups = groupsOf("gd-east-west-2016");
    expect(groups.filter((g) => g.clause.endsWith("§3")).map((g) => [g.areaCode, ...unitsOf(g)])).toEqual([
      ["451000", "shenzhen"],
      ["451200", "shenzhen"],
      ["513300", "guangdong-province"],
      ["522700", "guangzhou"],
      ["520500", "guangzhou"],
      ["533300", "zhuhai"],
      ["513400", "foshan"],
      ["530600", "dongguan", "zhongshan"],
    ]);
    expect(groups.filter((g) => g.clause.endsWith("§5")).map((g) => [g.areaCode, g.basis, ...unitsOf(g)])).toEqual([
      ["540400", "support", "guangdong-province"],
      ["540300", "funds", "guangdong-province"],
      ["653100", "support", "guangdong-province"],
      ["660300", "support", "guangdong-province"],
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
  it("are each listed once: 72 + 61 + 2 Gannan coordinators + 东莞 + 6 other 2016 helpers + 横琴 = 143", () => {
    expect(UNITS).toHaveLength(143);
    expect(unitBySlug.size).toBe(UNITS.length);
    expect(new Set(UNITS.map((u) => u.name)).size).toBe(UNITS.length);
  });

  it("are all referenced by groups or participations, and those reference only listed units", () => {
    const referenced = new Set([...GROUPS.flatMap(unitsOf), ...PARTICIPANTS.map((p) => p.unit)]);
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

/** Each correction the structure issue asked for, checked against the document's own words. */
describe("seed corrections, each read against its document", () => {
  const EAST_WEST = "2016-guangdong-east-west-poverty-collaboration.txt";
  const GANNAN = "2021-central-units-support-gannan-soviet-areas.txt";
  const OLD_AREAS = "2022-guangdong-old-revolutionary-areas-pairing.txt";
  const GUIZHOU = "2022-guangdong-guizhou-pairing-opinions.txt";

  it("East–West §10: 53 counties in 7 prefectures, none named — registered per prefecture, judged per registered county", async () => {
    expect(documentSays(EAST_WEST, "对我省东西部扶贫协作结对的4个省（区）、7个市（州）的52个贫困县（市、区）和1个石漠化片区县，共53个县（市、区）")).toBe(true);
    // The seven prefectures of §10 are the §3 pairings other than 甘孜; none of their counties is seeded.
    const scope = fiscalPerCounty.params.parse({});
    expect([...scope.cityInFullAreas, ...scope.sharedAreas].sort()).toEqual(groupsOf("gd-east-west-2016").filter((g) => g.clause.endsWith("§3") && g.basis !== "support").map((g) => g.areaCode).sort());
    expect(Object.keys(fiscalPerCounty.params.shape)).not.toContain("countiesByArea"); // the structure holds them, not a parameter
    const zhuhai = (counties: string[]) => periodData({ program: "gd-east-west-2016", term: { startYear: 2016, endYear: 2020 }, groupAreas: [{ areaCode: "533300", role: "member", counties }], funds: [fund("allocation", 1_000_000_000, { areaCode: "533301", source: "city" })] });
    const before = await evaluate(fiscalPerCounty, zhuhai([]), scope);
    expect(before.status).toBe("not_applicable");
    expect(before.explanation.zh).toContain("尚未登记 533300 的受援县");
    const after = await evaluate(fiscalPerCounty, zhuhai(["533301", "533323"]), scope);
    expect([after.actual, after.expected]).toEqual([0, 2]);
  });

  it("甘孜 is supported “继续按对口支援方式实施”, outside §10", () => {
    expect(documentSays(EAST_WEST, "省帮扶四川省甘孜藏族自治州（继续按对口支援方式实施）")).toBe(true);
    expect(GROUPS.find((g) => g.program === "gd-east-west-2016" && g.areaCode === "513300")?.basis).toBe("support");
    const scope = fiscalPerCounty.params.parse({});
    expect([...scope.sharedAreas, ...scope.cityInFullAreas]).not.toContain("513300");
  });

  it("§5's 对口支援 of 林芝 (funds for 昌都), 喀什 and 兵团第三师 has groups, the 兵团 as a special area", () => {
    expect(documentSays(EAST_WEST, "扎实推进省对口支援西藏自治区林芝市及资金支持昌都市、新疆维吾尔自治区喀什地区和新疆生产建设兵团第三师各项工作任务")).toBe(true);
    expect(areas.get("540400")?.[1]).toBe("林芝市");
    expect(areas.get("540300")?.[1]).toBe("昌都市");
    expect(areas.get("653100")?.[1]).toBe("喀什地区");
    expect(areas.get("660300")?.[1]).toBe("新疆生产建设兵团第三师");
    // Our own code, never one the GB/T list uses.
    expect(areaRows.some(([code]) => code.startsWith("66"))).toBe(false);
  });

  it("only the old-areas document names leads (“排名首位的单位为牵头负责单位”); the Gannan pairs and 东莞/中山 → 昭通 are co-equal", () => {
    expect(documentSays(OLD_AREAS, "排名首位的单位为牵头负责单位，其他单位及机构为对口支援成员单位")).toBe(true);
    expect(documentSays(GANNAN, "国务院国资委、国家药监局——章贡区")).toBe(true);
    expect(documentSays(EAST_WEST, "东莞市、中山市帮扶云南省昭通市")).toBe(true);
    for (const g of GROUPS) expect(g.lead === null, `${g.program} ${g.areaCode}`).toBe(g.program !== "gd-old-areas");
    expect(GROUPS.find((g) => g.program === "gannan-central" && g.areaCode === "360702")?.members).toEqual(["sasac", "nmpa"]);
    expect(GROUPS.find((g) => g.program === "gd-east-west-2016" && g.areaCode === "530600")?.members).toEqual(["dongguan", "zhongshan"]);
  });

  it("central enterprises are 中央企业, not the province's own", () => {
    expect(documentSays(GANNAN, "中粮集团有限公司")).toBe(true);
    for (const name of ["中粮集团有限公司", "华润（集团）有限公司", "招商局集团有限公司", "中国南方航空集团公司", "国家电网有限公司", "进出口银行"]) {
      expect(UNITS.find((u) => u.name === name)?.kind, name).toBe("central_enterprise");
    }
    const gannanUnits = new Set(groupsOf("gannan-central").flatMap(unitsOf));
    expect(UNITS.filter((u) => gannanUnits.has(u.slug) && u.kind === "state_enterprise")).toEqual([]);
  });

  it("the Gannan coordinators take part without a pairing (“不安排具体对口支援关系”)", () => {
    expect(documentSays(GANNAN, "国家发展改革委、中央组织部作为牵头部门，负责对口支援工作的组织协调和统筹指导，并结合自身职能全面开展对口支援相关工作，不安排具体对口支援关系")).toBe(true);
    expect(PARTICIPANTS.map((p) => [p.program, unitBySlug.get(p.unit)?.name])).toEqual([
      ["gannan-central", "国家发展改革委"],
      ["gannan-central", "中央组织部"],
    ]);
  });

  it("Guangdong–Guizhou runs as the document states: goals to 2025 and to 2035", () => {
    expect(documentSays(GUIZHOU, "(三)总体目标。到2025年")).toBe(true);
    expect(documentSays(GUIZHOU, "到2035年,帮扶内涵更加丰富")).toBe(true);
    expect(PROGRAMS.find((p) => p.slug === "gd-guizhou")).toMatchObject({ startYear: 2022, endYear: 2035 });
  });
});
