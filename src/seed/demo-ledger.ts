/**
 * A small deterministic demonstration ledger for three units — 东莞市 (Dongguan–Shaoguan), 省委组织部
 * (old areas, 南雄市) and 广州市 (East–West) — so a new installation has something to look at. Every
 * record is marked demo (shown as 演示数据, never in production: toConfig refuses DEMO_LEDGER there).
 * The same seed always writes the same records (a fixed pseudo-random sequence per unit), once.
 */
import { NO_QUEUE } from "../jobs/no-queue";
import { eq } from "drizzle-orm";
import { seededRandom } from "./random";
import { tenantMeta } from "../../db/tenant/schema";
import { activitiesResource } from "../ledger/resources/activities";
import { cadresResource } from "../ledger/resources/cadres";
import { fundsResource } from "../ledger/resources/funds";
import { pairingsResource } from "../ledger/resources/pairings";
import { projectsResource } from "../ledger/resources/projects";
import { submissionsResource } from "../ledger/resources/submissions";
import type { ResourceDef, Row, WriteContext } from "../ledger/resource";
import { createRecord } from "../ledger/write";
import type { PlatformDb } from "../services";
import { systemActor } from "../tenants/audit";
import type { TenantDirectory } from "../tenants/directory";
import { programsOf } from "../directory/unit-programs";
import { PROGRAMS } from "./structure";


const SHAOGUAN = ["440203", "440204", "440205", "440222", "440224", "440229", "440232", "440233", "440281", "440282"];

type Writer = (def: ResourceDef, record: Row) => Promise<Row>;

async function dongguan(write: Writer, year: number, rnd: () => number) {
  const d = (month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const program = "dongguan-shaoguan";
  for (const code of SHAOGUAN) {
    await write(pairingsResource, { kind: "town_county", subUnitId: `town-${code}`, counterpart: `对口县（市、区）${code}`, areaCode: code, program, startDate: "2022-01-07" });
  }
  const schools = [];
  for (const [i, code] of ["440232", "440282", "440281"].entries()) {
    schools.push(await write(pairingsResource, { kind: "school", counterpart: `演示结对学校${i + 1}`, areaCode: code, program, startDate: d(2, 20), demonstration: i === 0 }));
  }
  const hospitals = [];
  for (const [i, code] of ["440229", "440233", "440232"].entries()) {
    hospitals.push(await write(pairingsResource, { kind: "hospital", counterpart: `演示结对医院${i + 1}`, areaCode: code, program, startDate: d(3, 1), demonstration: i === 0 }));
  }
  const categories = ["education", "health", "industry", "rural_revitalisation", "infrastructure", "employment"];
  for (let i = 0; i < 12; i++) {
    const code = SHAOGUAN[i % SHAOGUAN.length]!;
    const budget = 50_000_000 + Math.floor(rnd() * 40) * 5_000_000; // 50万 … 245万元
    const project = await write(projectsResource, {
      title: `演示项目：${["学校改造", "卫生院提升", "产业园配套", "村道硬化", "供水工程", "技能培训"][i % 6]}${i + 1}`,
      category: categories[i % categories.length],
      areaCode: code,
      program,
      budgetFen: budget,
      beneficiaries: 200 + Math.floor(rnd() * 800),
      beneficiariesLifted: Math.floor(rnd() * 100),
      grassroots: i % 5 !== 4,
      startDate: d(1 + (i % 9), 10),
    });
    await write(fundsResource, { kind: "allocation", source: i % 3 === 0 ? "town" : "city", amountFen: budget, date: d(1 + (i % 9), 12), areaCode: code, projectId: project.id, program, grassroots: project.grassroots });
    await write(fundsResource, {
      kind: "disbursement",
      source: i % 3 === 0 ? "town" : "city",
      amountFen: Math.floor((budget * (40 + Math.floor(rnd() * 60))) / 100),
      date: d(2 + (i % 9), 5),
      areaCode: code,
      projectId: project.id,
      program,
      grassroots: project.grassroots,
    });
  }
  const names = ["演示干部甲", "演示干部乙", "演示干部丙", "演示干部丁"];
  for (const [i, name] of names.entries()) {
    await write(cadresResource, { name, post: "挂职学习（演示）", level: i === 0 ? "section" : "other", hostAreaCode: SHAOGUAN[i]!, program, startDate: i === 3 ? `${year - 1}-12-15` : d(3, 1) });
  }
  await write(activitiesResource, { kind: "joint_meeting", date: d(3, 18), title: "莞韶对口帮扶联席会议（演示）", program });
  await write(activitiesResource, { kind: "agreement", date: d(1, 20), title: "签署年度帮扶协议（演示）", program, agreementYear: year });
  for (const [i, doc] of ["dedicated_group", "three_year_plan", "annual_plan", "annual_task_list"].entries()) {
    await write(activitiesResource, { kind: "plan_document", date: d(1, 10 + i), title: "“五有”文件（演示）", program, documentType: doc });
  }
  for (const [i, h] of hospitals.entries()) {
    await write(activitiesResource, { kind: "visit", date: d(4, 8 + i), title: "医院结对对接（演示）", pairingId: h.id, areaCode: h.areaCode, program, direction: "to_recipient", leaderLevel: "deputy", people: 6 });
    await write(activitiesResource, { kind: "exchange", date: d(5, 10 + i), title: "医务人员交流（演示）", pairingId: h.id, areaCode: h.areaCode, program, direction: "to_recipient", people: 8 + i * 6 });
  }
  for (const [i, s] of schools.entries()) {
    for (let k = 0; k < 2 + i; k++) await write(activitiesResource, { kind: "teaching_research", date: d(3 + k, 15), title: "区域教研联动（演示）", pairingId: s.id, areaCode: s.areaCode, program, people: 40 });
  }
  await write(activitiesResource, { kind: "job_posting", date: d(4, 1), title: "向韶关推送岗位（演示）", program, direction: "to_recipient", quantity: 4200 });
  await write(activitiesResource, { kind: "job_posting", date: d(6, 1), title: "韶关向东莞推送岗位（演示）", program, direction: "from_recipient", quantity: 1800 });
  await write(activitiesResource, { kind: "promotion_event", date: d(5, 20), title: "韶关旅游东莞推介会（演示）", program, quantity: 1 });
  await write(activitiesResource, { kind: "performance", date: d(6, 12), title: "韶关文化团队来莞演出（演示）", program, quantity: 9 });
  await write(activitiesResource, { kind: "purchase", date: d(7, 3), title: "采购韶关农产品（演示）", program, amountFen: 380_000_00 });
  for (const quarter of [1, 2]) {
    const s = await write(submissionsResource, {
      year,
      quarter,
      program,
      progress: `第${quarter}季度：十组团对接有序推进（演示）`,
      problems: "个别镇街资金拨付偏慢（演示）",
      nextSteps: "加快拨付进度（演示）",
      status: "submitted",
      submittedAt: `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-05T02:00:00.000Z`,
      submittedBy: "system:demo",
    });
    void s;
  }
}

async function orgDept(write: Writer, year: number) {
  const program = "gd-old-areas";
  for (const [i, title] of ["南雄市乡村振兴示范带（演示）", "南雄市镇卫生院设备更新（演示）", "南雄市红色资源保护利用（演示）", "南雄市干部培训中心（演示）"].entries()) {
    const budget = [300_000_000, 80_000_000, 120_000_000, 60_000_000][i]!;
    const project = await write(projectsResource, { title, category: ["rural_revitalisation", "health", "culture", "education"][i], areaCode: "440282", program, budgetFen: budget, grassroots: i !== 3, startDate: `${year}-0${i + 2}-01` });
    await write(fundsResource, { kind: "allocation", source: "province", amountFen: budget, date: `${year}-0${i + 2}-03`, areaCode: "440282", projectId: project.id, program, grassroots: i !== 3 });
  }
  await write(activitiesResource, { kind: "visit", date: `${year}-04-16`, title: "主要负责同志赴南雄调研（演示）", areaCode: "440282", program, direction: "to_recipient", leaderLevel: "main", people: 5 });
  await write(cadresResource, { name: "演示挂职干部", post: "南雄市人民政府副市长（挂职，演示）", level: "county_deputy", hostAreaCode: "440282", program, startDate: `${year - 2}-12-20` });
}

async function guangzhou(write: Writer, year: number) {
  const program = "gd-east-west-2016";
  for (const [code, name] of [["522700", "黔南州"], ["520500", "毕节市"]] as const) {
    await write(fundsResource, { kind: "allocation", source: "city", amountFen: 700_000_000, date: `${year}-03-01`, areaCode: code, program, grassroots: true, note: `${name}财政援助资金（市级 7 成，演示）` });
    await write(fundsResource, { kind: "allocation", source: "province", amountFen: 300_000_000, date: `${year}-03-01`, areaCode: code, program, grassroots: true, note: `${name}财政援助资金（省级 3 成，演示）` });
  }
}

/** Each demo unit, the program its demo work belongs to, and how it is written. */
const DEMO_UNITS: Record<string, { program: string; build: (write: Writer, year: number, rnd: () => number) => Promise<void> }> = {
  dongguan: { program: "dongguan-shaoguan", build: dongguan },
  "gd-org-dept": { program: "gd-old-areas", build: orgDept },
  guangzhou: { program: "gd-east-west-2016", build: guangzhou },
};

/**
 * The year a program's demo work is dated in: `year`, or the last year of the program's term when it
 * has ended (the Dongguan–Shaoguan plan ran 2022–2024) — figures outside a term are not judged.
 */
export function demoYear(program: string, year: number): number {
  const term = PROGRAMS.find((p) => p.slug === program);
  return term ? Math.max(term.startYear, Math.min(year, term.endYear)) : year;
}

/** Seeds the demo ledger of each demo unit once (recorded in its tenant_meta). */
export async function seedDemoLedger(platform: PlatformDb, tenants: TenantDirectory, year: number): Promise<string[]> {
  const seeded: string[] = [];
  for (const [slug, { program, build }] of Object.entries(DEMO_UNITS)) {
    const unit = await tenants.find(slug);
    if (!unit) continue;
    const done = await tenants.use(unit, async (tenant) => {
      const [mark] = await tenant.db.select().from(tenantMeta).where(eq(tenantMeta.key, "demo_ledger"));
      if (mark) return true;
      const unitPrograms = await programsOf(platform, slug);
      const ctx: WriteContext = { tenant: { ...tenant, access: { write: true, personal: true, programs: unitPrograms, scoped: false } }, platform, actor: systemActor("demo"), unitPrograms, queue: NO_QUEUE };
      const write: Writer = (def, record) => createRecord(def, ctx, record, { demo: true });
      const dated = demoYear(program, year);
      await build(write, dated, seededRandom(slug.length * 7919 + dated));
      await tenant.db.insert(tenantMeta).values({ key: "demo_ledger", value: String(dated) });
      return false;
    });
    if (!done) seeded.push(slug);
  }
  return seeded;
}
