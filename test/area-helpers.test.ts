/**
 * The area page: every helper of every program for a recipient area, with what each put into the area
 * — the same stored judgements as each program's rollup, so the two agree; a coordinator sees only
 * its programs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let admin: TestUser;
/** 2024: both programs that support 南雄 are in term (东莞–韶关 runs 2022–2024, the old areas' 2022–2030). */
const YEAR = 2024;

async function fund(unit: string, program: string, amountFen: number, areaCode = "440282") {
  const clerk = await makeUser(h, "unit_editor", { unit });
  const res = await call(h, "POST", `/api/t/${unit}/funds`, { token: clerk.token, body: { kind: "allocation", source: "city", amountFen, date: `${YEAR}-02-01`, areaCode, program } });
  expect(res.status).toBe(201);
}

async function helpers(code: string, token = admin.token) {
  await h.services.snapshots.settled();
  await h.services.queue.settled();
  return call(h, "GET", `/api/areas/${code}/helpers?year=${YEAR}`, { token });
}

beforeAll(async () => {
  h = await startHarness();
  admin = await makeUser(h, "admin");
  await fund("gd-org-dept", "gd-old-areas", 300_000_00);
  await fund("dongguan", "dongguan-shaoguan", 70_000_00);
});
afterAll(() => h?.close());

describe("GET /api/areas/{code}/helpers", () => {
  it("lists 南雄's helpers in both programs that support it, with the sums each program's rollup shows for the area", async () => {
    const res = await helpers("440282");
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.area.fullName).toBe("广东省韶关市南雄市");
    expect(page.programs.map((p: { program: string }) => p.program).sort()).toEqual(["dongguan-shaoguan", "gd-old-areas"]);
    const coordinator = await makeUser(h, "coordinator", { programs: ["gd-old-areas", "dongguan-shaoguan"] });
    for (const p of page.programs) {
      const drill = await (await call(h, "GET", `/api/programs/${p.program}/rollup/areas/440282?year=${YEAR}`, { token: coordinator.token })).json();
      const helpersHere = p.groups.flatMap((g: { helpers: { unit: { slug: string }; sums: { inFen: number } }[] }) => g.helpers);
      for (const c of drill.contributions) expect(helpersHere.find((x: { unit: { slug: string } }) => x.unit.slug === c.unit)!.sums, `${p.program} ${c.unit}`).toEqual(c.sums);
    }
    const byProgram = Object.fromEntries(page.programs.map((p: { program: string; sums: { inFen: number } }) => [p.program, p.sums.inFen]));
    expect(byProgram["gd-old-areas"]).toBeGreaterThanOrEqual(300_000_00);
    expect(byProgram["dongguan-shaoguan"]).toBeGreaterThanOrEqual(70_000_00);
    expect(page.totals.inFen).toBe(byProgram["gd-old-areas"] + byProgram["dongguan-shaoguan"]);
  });

  it("a prefecture's page includes its counties' groups; a coordinator sees only its program; others 403; an unknown code 404", async () => {
    const city = await (await helpers("440200")).json();
    const dg = city.programs.find((p: { program: string }) => p.program === "dongguan-shaoguan");
    expect(dg.groups.length).toBeGreaterThan(1);
    expect(dg.groups.every((g: { area: { code: string } }) => g.area.code.startsWith("4402"))).toBe(true);
    const own = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    const mine = await (await helpers("440282", own.token)).json();
    expect(mine.programs.map((p: { program: string }) => p.program)).toEqual(["dongguan-shaoguan"]);
    const editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
    expect((await helpers("440282", editor.token)).status).toBe(403);
    expect((await helpers("999999")).status).toBe(404);
    // After its term a program supports the area no more.
    const later = await (await call(h, "GET", "/api/areas/440282/helpers?year=2026", { token: admin.token })).json();
    expect(later.programs.map((p: { program: string }) => p.program)).toEqual(["gd-old-areas"]);
    expect(JSON.stringify(city)).not.toMatch(/phone|idNumber|身份证/);
  });
});
