/**
 * 核查依据: a rule's records that count, and the unit's records near it that do not, each with why
 * (issue #16). The ledgers are built by hand here, so every list is known exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let dongguan: TestUser;
let oldAreas: TestUser;
let coordinator: TestUser;
type Key = "counted" | "visit" | "lastYear" | "voided" | "otherProgram" | "far" | "mainVisit" | "elsewhere" | "deputy" | "inbound";
const ids = {} as Record<Key, string>;

interface Item {
  id: string;
  label: string;
  reasons?: { code: string; actual: string | number | null; expected: (string | number)[]; text: { zh: string; en: string } }[];
}
interface EvidenceBody {
  counted: boolean;
  items: Item[];
  nextCursor: string | null;
}

async function add(user: TestUser, unit: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(h, "POST", `/api/t/${unit}/activities`, { token: user.token, body });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

const evidence = async (user: TestUser, path: string): Promise<EvidenceBody> => {
  const res = await call(h, "GET", path, { token: user.token });
  expect(res.status).toBe(200);
  return res.json();
};

beforeAll(async () => {
  h = await startHarness();
  dongguan = await makeUser(h, "unit_editor", { unit: "dongguan" });
  oldAreas = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
  coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
  const meeting = { kind: "joint_meeting", areaCode: "440232", program: "dongguan-shaoguan" };
  // 东莞市, 莞韶 (2022—2024), rule joint-meetings-dongguan: joint meetings of the year count.
  ids.counted = await add(dongguan, "dongguan", { ...meeting, date: "2024-05-10", title: "莞韶联席会议" });
  ids.visit = await add(dongguan, "dongguan", { ...meeting, kind: "visit", leaderLevel: "deputy", direction: "to_recipient", date: "2024-06-01", title: "赴乳源调研考察" });
  ids.lastYear = await add(dongguan, "dongguan", { ...meeting, date: "2023-12-30", title: "年末联席会议" });
  ids.voided = await add(dongguan, "dongguan", { ...meeting, date: "2024-07-01", title: "录错的联席会议" });
  ids.otherProgram = await add(dongguan, "dongguan", { ...meeting, program: "gd-east-west-2016", date: "2024-08-01", title: "东西部协作联席会议" });
  // Far outside the year: not "near" the filter, so not listed at all.
  ids.far = await add(dongguan, "dongguan", { ...meeting, date: "2023-06-01", title: "上年中联席会议" });
  const voided = await call(h, "POST", `/api/t/dongguan/activities/${ids.voided}/void`, { token: dongguan.token, body: { reason: "重复录入" }, headers: { "if-match": '"1"' } });
  expect(voided.status).toBe(200);

  // 广东省委组织部, 老区苏区 (南雄市 440282), rule main-leader-visits: the main leader's visits to the paired area.
  const visit = { kind: "visit", leaderLevel: "main", direction: "to_recipient", areaCode: "440282", program: "gd-old-areas" };
  ids.mainVisit = await add(oldAreas, "gd-org-dept", { ...visit, date: "2025-03-01", title: "主要负责同志赴南雄" });
  ids.elsewhere = await add(oldAreas, "gd-org-dept", { ...visit, areaCode: "441624", date: "2025-04-01", title: "主要负责同志赴和平" });
  ids.deputy = await add(oldAreas, "gd-org-dept", { ...visit, leaderLevel: "deputy", date: "2025-05-01", title: "分管负责同志赴南雄" });
  ids.inbound = await add(oldAreas, "gd-org-dept", { ...visit, direction: "from_recipient", date: "2025-06-01", title: "南雄来访" });
});
afterAll(() => h.close());

const JOINT = "/api/t/dongguan/compliance/dongguan-shaoguan/joint-meetings-dongguan/evidence?year=2024";
const VISITS = "/api/t/gd-org-dept/compliance/gd-old-areas/main-leader-visits/evidence?year=2025";

describe("the records that count and those that do not", () => {
  it("lists the year's joint meetings that count, and carries the clause's quote on the rule result", async () => {
    const counted = await evidence(dongguan, JOINT);
    expect(counted.counted).toBe(true);
    expect(counted.items.map((i) => i.id)).toEqual([ids.counted]);
    const compliance = await (await call(h, "GET", "/api/t/dongguan/compliance?year=2024", { token: dongguan.token })).json();
    const rule = compliance.programs.find((p: { program: string }) => p.program === "dongguan-shaoguan").results.find((r: { rule: string }) => r.rule === "joint-meetings-dongguan");
    expect(rule.quote).toContain("联席会议");
  });

  it("names why each near record does not count: its kind, its date, voided, another program — the far one not at all", async () => {
    const body = await evidence(dongguan, `${JOINT}&counted=false`);
    expect(body.counted).toBe(false);
    const why = Object.fromEntries(body.items.map((i) => [i.id, i.reasons!.map((r) => r.text.zh)]));
    expect(why).toEqual({
      [ids.visit]: ["类型为 互访调研，本项只计 联席会议"],
      [ids.lastYear]: ["日期 2023-12-30 不在 2024 年内"],
      [ids.voided]: [expect.stringMatching(/^已作废/)],
      [ids.otherProgram]: [expect.stringMatching(/^属于其他计划（.+）$/)],
    });
    // The codes and params behind the words, for any client; and the English.
    const visit = body.items.find((i) => i.id === ids.visit)!.reasons![0]!;
    expect(visit).toMatchObject({ code: "kind", actual: "visit", expected: ["joint_meeting"] });
    expect(visit.text.en).toBe("kind is Visit; only Joint meeting counts");
    expect(body.items.find((i) => i.id === ids.lastYear)!.reasons![0]).toMatchObject({ code: "window", actual: "2023-12-30", expected: ["2024-01-01", "2024-12-31"] });
  });

  it("pages the not-counted list by cursor without repeating a record", async () => {
    const first = await evidence(dongguan, `${JOINT}&counted=false&limit=3`);
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await evidence(dongguan, `${JOINT}&counted=false&limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual([ids.visit, ids.lastYear, ids.voided, ids.otherProgram].sort());
  });

  it("says which predicate a visit misses: the area outside the paired one, a deputy leader, the other direction", async () => {
    const counted = await evidence(oldAreas, VISITS);
    expect(counted.items.map((i) => i.id)).toEqual([ids.mainVisit]);
    const body = await evidence(oldAreas, `${VISITS}&counted=false`);
    const why = Object.fromEntries(body.items.map((i) => [i.id, i.reasons!.map((r) => r.text.zh)]));
    expect(why).toEqual({
      [ids.elsewhere]: [expect.stringMatching(/^地区 .*和平县 不在结对地区内$/)],
      [ids.deputy]: ["领导级别为 分管负责同志，本项只计 主要负责同志"],
      [ids.inbound]: ["方向为 受援地来/送我方，本项只计 我方赴/送受援地"],
    });
  });

  it("never shows a coordinator the unit's records of a program it does not coordinate", async () => {
    const body = await evidence(coordinator, `${JOINT}&counted=false`);
    expect(body.items.map((i) => i.id).sort()).toEqual([ids.visit, ids.lastYear, ids.voided].sort());
    expect((await call(h, "GET", "/api/t/dongguan/compliance/gd-east-west-2016/fiscal-per-county/evidence?year=2024&counted=false", { token: coordinator.token })).status).toBe(404);
  });

  it("refuses a `counted` that is neither true nor false, and takes a cursor it did not make for the first page", async () => {
    expect((await call(h, "GET", `${JOINT}&counted=maybe`, { token: dongguan.token })).status).toBe(400);
    const forged = await evidence(dongguan, `${JOINT}&counted=false&cursor=${encodeURIComponent("x|2024-01-01|y")}`);
    expect(forged.items).toHaveLength(4);
  });

  it("names a submission by its quarter and standing, in words, not codes", async () => {
    const created = await call(h, "POST", "/api/t/dongguan/submissions", { token: dongguan.token, body: { year: 2023, quarter: 2, program: "dongguan-shaoguan" } });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const body = await evidence(dongguan, "/api/t/dongguan/compliance/dongguan-shaoguan/quarterly-submission/evidence?year=2023&quarter=2&counted=true");
    const item = body.items.find((i) => i.id === id);
    expect(item?.label).toBe("2023年第2季度 草稿");
  });
});
