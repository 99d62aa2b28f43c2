/**
 * One source for every figure: for random ledgers, the unit's summary, its compliance, the rollup's
 * unit row, the unit's quarterly report and the program's quarterly report agree on every figure they
 * share for the same unit, program and period — before and after a random rule-parameter change.
 * Also the freshness the figures promise: a write dated in a past year and a parameter change show in
 * the very next rollup read.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument, ReportTable } from "../src/reports/document";
import { issueReport } from "../src/reports/issue";
import { STATUS_LABELS } from "../src/reports/labels";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

const UNIT = "gd-org-dept";
const UNIT_NAME = "省委组织部";
const PROGRAM = "gd-old-areas";
const OWN_AREA = "440282"; // 南雄市, the unit's recipient county
const OTHER_AREA = "440232"; // 乳源, another unit's county

let h: Harness;
let editor: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: UNIT });
  coordinator = await makeUser(h, "coordinator", { programs: [PROGRAM] });
}, 120_000);
afterAll(() => h.close());

const json = async (method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => {
  const res = await call(h, method, path, { token, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
  expect(res.status, `${method} ${path}: ${res.status}`).toBeLessThan(300);
  return res.json();
};
const day = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-15`;
const table = (doc: ReportDocument, title: string): ReportTable => doc.sections.flatMap((s) => s.tables).find((t) => t.title === title)!;
const fen = (cell: unknown) => (cell as { fen: number }).fen;

interface Ledger {
  funds: { month: number; amountFen: number; grassroots: boolean }[];
  visits: { month: number; own: boolean }[];
  projects: { month: number; grassroots: boolean }[];
}

const ledger: fc.Arbitrary<Ledger> = fc.record({
  funds: fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), amountFen: fc.integer({ min: 1, max: 500_000_000 }), grassroots: fc.boolean() }), { maxLength: 6 }),
  visits: fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), own: fc.boolean() }), { maxLength: 4 }),
  projects: fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), grassroots: fc.boolean() }), { maxLength: 4 }),
});

async function write(year: number, l: Ledger) {
  for (const f of l.funds) await json("POST", `/api/t/${UNIT}/funds`, editor.token, { kind: "allocation", source: "province", amountFen: f.amountFen, date: day(year, f.month), areaCode: OWN_AREA, program: PROGRAM, grassroots: f.grassroots });
  for (const v of l.visits)
    await json("POST", `/api/t/${UNIT}/activities`, editor.token, { kind: "visit", date: day(year, v.month), title: "调研", leaderLevel: "main", direction: "to_recipient", areaCode: v.own ? OWN_AREA : OTHER_AREA, program: PROGRAM });
  for (const p of l.projects) await json("POST", `/api/t/${UNIT}/projects`, editor.token, { title: "项目", category: "education", areaCode: OWN_AREA, program: PROGRAM, grassroots: p.grassroots, startDate: day(year, p.month) });
}

/** Every figure the five views share, read from each view. */
async function views(year: number, quarter: number) {
  const q = `year=${year}&quarter=${quarter}`;
  const summary = (await json("GET", `/api/t/${UNIT}/summary?${q}&program=${PROGRAM}`, editor.token)).summary;
  const compliance = (await json("GET", `/api/t/${UNIT}/compliance?${q}`, editor.token)).programs.find((p: { program: string }) => p.program === PROGRAM);
  const rollup = await json("GET", `/api/programs/${PROGRAM}/rollup?${q}`, coordinator.token);
  const row = rollup.units.find((u: { unit: { slug: string } }) => u.unit.slug === UNIT).summary;
  const period = { year, quarter: quarter as 1 | 2 | 3 | 4 };
  const unitReport = (await issueReport(h.services, { kind: "unit_quarterly", program: PROGRAM, unit: UNIT, period, actor: "test" })).report.content as { document: ReportDocument };
  const programReport = (await issueReport(h.services, { kind: "program_quarterly", program: PROGRAM, period, actor: "test" })).report.content as { document: ReportDocument };
  const funds = table(unitReport.document, "资金情况（万元）");
  const unitRow = table(programReport.document, "分帮扶单位汇总（本年累计，万元）").rows.find((r) => r[0] === UNIT_NAME)!;
  const judged = (rules: { rule: string; title: { zh: string }; status: keyof typeof STATUS_LABELS; actual: number | null }[]) =>
    rules.map((r) => ({ title: r.title.zh, status: STATUS_LABELS[r.status], actual: r.actual }));
  const count = (rules: { status: string }[], status: string) => rules.filter((r) => r.status === status).length;
  return {
    inFen: [summary.funds.inFen, row.funds.inFen, fen(funds.total![2]), fen(unitRow[1])],
    quarterInFen: [summary.quarter.funds.inFen, fen(funds.total![1])],
    projects: [summary.projects.total, row.projects.total, unitRow[3]],
    visits: [summary.activities.visit?.count ?? 0, row.activities.visit?.count ?? 0],
    // The rollup's list carries each rule's figures, its titles once for the program.
    rules: [judged(compliance.results), judged(row.rules.map((r: { rule: string }) => ({ ...r, title: rollup.ruleTitles[r.rule] })))],
    reportRules: [compliance.results.map((r: { title: { zh: string }; status: keyof typeof STATUS_LABELS }) => [r.title.zh, STATUS_LABELS[r.status]]), table(unitReport.document, "政策要求核查结果").rows.map((r) => [r[0], r[2]])],
    ruleCounts: [["pass", "warn", "fail"].map((s) => count(compliance.results, s)), [unitRow[5], unitRow[6], unitRow[7]]],
  };
}

function expectAgreement(v: Awaited<ReturnType<typeof views>>) {
  for (const [name, values] of Object.entries(v)) for (const value of values.slice(1)) expect(value, name).toEqual(values[0]);
}

describe("every view of a unit's period shows the same figures", () => {
  it("for random ledgers, before and after a random rule-parameter change", async () => {
    let year = 2021;
    await fc.assert(
      fc.asyncProperty(ledger, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 50, max: 100 }), async (l, quarter, perYear, minPercent) => {
        year += 1; // a fresh year of the program's term (2022–2030) for each run
        await write(year, l);
        expectAgreement(await views(year, quarter));
        const rules = (await json("GET", `/api/programs/${PROGRAM}/rules`, coordinator.token)).items as { id: string; version: number }[];
        for (const [id, params] of [["main-leader-visits", { perYear }], ["funds-grassroots-share", { minPercent }]] as const) {
          const version = rules.find((r) => r.id === id)!.version;
          await json("PUT", `/api/programs/${PROGRAM}/rules/${id}`, coordinator.token, { params }, { "if-match": `"${version}"` });
        }
        const after = await views(year, quarter);
        expectAgreement(after);
        // The parameter is the figure everywhere, the rule's title included.
        expect(after.rules[0]!.find((r: { title: string }) => r.title.startsWith("主要负责同志每年赴受援地"))!.title).toBe(`主要负责同志每年赴受援地不少于${perYear}次`);
      }),
      { numRuns: 6 },
    );
  }, 240_000);
});

describe("the next rollup read shows what changed", () => {
  it("a record dated in a past year, entered now, marks that year's rollup row stale at once and reaches it with the refresh", async () => {
    const read = async () => (await json("GET", `/api/programs/${PROGRAM}/rollup?year=2025`, coordinator.token)).units.find((u: { unit: { slug: string } }) => u.unit.slug === UNIT);
    await read();
    await h.services.queue.settled();
    const before = await read();
    expect(before.freshness.stale).toBe(false);
    await json("POST", `/api/t/${UNIT}/funds`, editor.token, { kind: "allocation", source: "province", amountFen: 12_345, date: "2025-03-01", areaCode: OWN_AREA, program: PROGRAM });
    // The write told the platform its 2025 facts are behind: the next read says so (last figures, stale).
    const marked = await read();
    expect(marked.freshness.stale).toBe(true);
    expect(marked.summary.funds.inFen).toBe(before.summary.funds.inFen);
    await h.services.snapshots.settled();
    await h.services.queue.settled();
    const after = await read();
    expect(after.summary.funds.inFen - before.summary.funds.inFen).toBe(12_345);
    expect(after.freshness.stale).toBe(false);
  });
});
