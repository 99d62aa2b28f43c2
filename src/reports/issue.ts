/**
 * Issuing a report: gather its figures, build the document, freeze it — stored with the rule
 * parameters and weights it used and a SHA-256 of its content — as a new version. Scheduled runs
 * issue only what is missing (`ifAbsent`), so a job run twice issues one report per unit and period.
 */
import { notify } from "../inbox/notifications";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { programs, reports, REPORT_KINDS } from "../../db/platform/schema";
import { listPrograms } from "../directory/programs";
import { projects, submissions, tenantMeta } from "../../db/tenant/schema";
import { areaLabels } from "../directory/areas";
import { unitFigures } from "../figures/pipeline";
import { newId } from "../ledger/ids";
import { inTerm, periodKey, periodWindow, today, type Period } from "../periods/period";
import { DEFAULT_UNIT_PAGE, indicatorRows, reportUnits, rollupBasis, rollupOf } from "../rollup/rollup";
import { ruleSet } from "../rules/rule-sets";
import type { Services, TenantDb } from "../services";
import type { UnitRow } from "../tenants/directory";
import { ApiError } from "../errors";
import { score } from "./assessment";
import { assessmentBasis } from "./assessment-basis";
import { buildAnnualAssessment, buildProgramQuarterly } from "./build-program";
import { buildUnitQuarterly } from "./build-unit-quarterly";
import { canonicalJson, sha256Hex } from "./canonical";
import type { ReportDocument } from "./document";
import { programWeights } from "./weights";

export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportRow = typeof reports.$inferSelect;

export interface IssueRequest {
  kind: ReportKind;
  program: string;
  unit?: string;
  period: Period;
  actor: string;
  runId?: string;
  /** Issue only if no version exists yet (scheduled runs). */
  ifAbsent?: boolean;
}

/** The program as a report names it. */
type ProgramInfo = { slug: string; name: string; coordinator: string; docNumber: string };

/** What a report froze besides its document. */
interface Frozen {
  document: ReportDocument;
  params: Record<string, unknown>;
  demo: boolean;
}

async function rulesParams(services: Services, program: string) {
  return Object.fromEntries((await ruleSet(services.platform, program)).map((r) => [r.rule.id, { enabled: r.enabled, params: r.params }]));
}

async function unitQuarterly(services: Services, program: ProgramInfo, unitSlug: string, period: Period, day: string): Promise<Frozen> {
  const unit = await services.tenants.find(unitSlug);
  if (!unit) throw new Error(`no unit ${unitSlug}`);
  if (!period.quarter) throw new Error("a unit's quarterly report needs a quarter");
  return services.tenants.use(unit, ({ db }) => unitQuarterlyOf(services, program, unit, period, day, db));
}

async function unitQuarterlyOf(services: Services, program: ProgramInfo, unit: UnitRow, period: Period, day: string, db: TenantDb): Promise<Frozen> {
  if (!period.quarter) throw new Error("a unit's quarterly report needs a quarter");
  // The same figures the unit's dashboard and the coordinator's rollup show for this period.
  const figures = await unitFigures(services, unit, program.slug, period, day, db);
  const ytd = { ...figures.summary, targets: figures.targets };
  const q = figures.quarter!;
  const rules = figures.rules;
  const [submission] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.year, period.year), eq(submissions.quarter, period.quarter), eq(submissions.program, program.slug), isNull(submissions.voidedAt)));
  const { from, to } = periodWindow(period);
  const yearProjects = await db
    .select({ title: projects.title, areaCode: projects.areaCode, status: projects.status, budgetFen: projects.budgetFen, grassroots: projects.grassroots })
    .from(projects)
    .where(and(isNull(projects.voidedAt), sql`coalesce(${projects.startDate}, substr(${projects.createdAt}, 1, 10)) BETWEEN ${from} AND ${to}`, sql`(${projects.program} = ${program.slug} OR ${projects.program} IS NULL)`))
    .orderBy(projects.startDate)
    .limit(500);
  const codes = [...new Set([...Object.keys(ytd.byArea), ...yearProjects.map((p) => p.areaCode)])];
  const labels = await areaLabels(services.platform, codes);
  const areaNames = Object.fromEntries([...labels.values()].map((l) => [l.code, l.fullName]));
  const [demoMark] = await db.select().from(tenantMeta).where(eq(tenantMeta.key, "demo_ledger"));
  const document = buildUnitQuarterly({
    unit: { slug: unit.slug, name: unit.name },
    program,
    year: period.year,
    quarter: period.quarter,
    date: day,
    quarterOnly: q,
    yearToDate: ytd,
    rules,
    submission: submission ? { progress: submission.progress, problems: submission.problems, nextSteps: submission.nextSteps, status: submission.status, submittedAt: submission.submittedAt } : null,
    projects: yearProjects.map((p) => ({ title: p.title, area: areaNames[p.areaCode] ?? p.areaCode, status: p.status, budgetFen: p.budgetFen, grassroots: p.grassroots })),
    areaNames,
    documents: await listPrograms(services.platform),
    cadreWarnDays: figures.deadlines.cadreWarnDays,
  });
  return { document, params: { rules: await rulesParams(services, program.slug) }, demo: Boolean(demoMark) };
}

async function programReport(services: Services, kind: ReportKind, program: ProgramInfo, period: Period, day: string): Promise<Frozen> {
  // Judged on the report's own day, as the unit reports of the same run are.
  const figures = await rollupBasis(services, program.slug, period, day);
  const [rollup, units] = await Promise.all([rollupOf(services, figures, { ...DEFAULT_UNIT_PAGE, limit: 1 }), reportUnits(services, figures)]);
  const input = { program, rollup, units, year: period.year, quarter: period.quarter, date: day };
  const rules = await rulesParams(services, program.slug);
  if (kind === "program_quarterly") return { document: buildProgramQuarterly(input), params: { rules }, demo: false };
  const basis = assessmentBasis(program.slug);
  if (!basis.dimensions) return { document: buildAnnualAssessment({ ...input, basis }), params: { rules }, demo: false };
  const { weights } = await programWeights(services.platform, program.slug);
  const scored = score(await indicatorRows(services, figures), weights);
  return { document: buildAnnualAssessment({ ...input, basis, scoring: { scored, weights } }), params: { rules, weights }, demo: false };
}

/** The latest version of a report's identity, if any. */
async function latest(services: Services, kind: ReportKind, program: string, unit: string, period: string): Promise<ReportRow | undefined> {
  const [row] = await services.platform
    .select()
    .from(reports)
    .where(and(eq(reports.kind, kind), eq(reports.program, program), eq(reports.unit, unit), eq(reports.period, period)))
    .orderBy(desc(reports.version))
    .limit(1);
  return row;
}

export async function issueReport(services: Services, req: IssueRequest, day = today()): Promise<{ report: ReportRow; created: boolean }> {
  const unit = req.kind === "unit_quarterly" ? (req.unit ?? "") : "";
  const period = periodKey(req.period);
  const existing = await latest(services, req.kind, req.program, unit, period);
  if (existing && req.ifAbsent) return { report: existing, created: false };

  const [program] = await services.platform.select().from(programs).where(eq(programs.slug, req.program));
  if (!program) throw new Error(`no program ${req.program}`);
  if (!inTerm(req.period.year, program)) {
    throw new ApiError("UNPROCESSABLE", "error.outside_term", { program: program.name, term: `${program.startYear}—${program.endYear}`, year: req.period.year });
  }
  const info = { slug: program.slug, name: program.name, coordinator: program.coordinator, docNumber: program.docNumber };
  const frozen = req.kind === "unit_quarterly" ? await unitQuarterly(services, info, unit, req.period, day) : await programReport(services, req.kind, info, req.period, day);
  const content = { document: frozen.document };
  const contentHash = await sha256Hex(canonicalJson({ kind: req.kind, program: req.program, unit, period, params: frozen.params, content }));
  const row: ReportRow = {
    id: newId(),
    kind: req.kind,
    program: req.program,
    unit,
    period,
    version: (existing?.version ?? 0) + 1,
    title: frozen.document.title,
    issuedAt: new Date().toISOString(),
    issuedBy: req.actor,
    params: frozen.params,
    content,
    contentHash,
    demo: frozen.demo,
    runId: req.runId ?? null,
  };
  try {
    await services.platform.insert(reports).values(row);
  } catch (error) {
    // Another issuer took this version number at the same moment.
    const now = await latest(services, req.kind, req.program, unit, period);
    if (now && req.ifAbsent) return { report: now, created: false };
    throw error;
  }
  const label = req.kind === "unit_quarterly" ? "季度工作报告" : req.kind === "program_quarterly" ? "季度汇总报告" : "年度考核报告";
  await notify(services, [
    unit
      ? { audienceKind: "unit", audience: unit, kind: "issued", zh: `${period} ${label}已生成（《${program.name}》）`, en: `The ${period} report for ${program.slug} is issued`, link: `#/u/${unit}/reports` }
      : { audienceKind: "program", audience: program.slug, kind: "issued", zh: `${period} ${label}已生成（《${program.name}》）`, en: `The ${period} ${req.kind.replace("_", " ")} report is issued`, link: `#/p/${program.slug}/reports` },
  ]);
  return { report: row, created: true };
}
