/**
 * Reports: lists for a unit and for a program, one report in any format, and running a report job
 * for a past period.
 *
 *   GET  /api/t/{unit}/reports                     the unit's reports (unit roles, its coordinators, admin)
 *   GET  /api/t/{unit}/reports/{id}?format=…       one of them
 *   GET  /api/programs/{program}/reports           the program's reports (coordinator, admin)
 *   GET  /api/programs/{program}/reports/{id}?format=…
 *   GET  /api/reports/{id}?format=…                any report the caller may read
 *   POST /api/programs/{program}/reports/run       issue a period's reports (coordinator, admin)
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import { reports, REPORT_KINDS } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { startReportRun } from "../../jobs/report-jobs";
import { runSummary } from "../../jobs/runs";
import type { ReportRow } from "../../reports/issue";
import type { Router } from "../../router";
import { decideAccess, programScope, seesProgram } from "../../tenants/access";
import { programsOf } from "../../directory/unit-programs";
import { findProgram } from "../../directory/programs";
import { inTerm } from "../../periods/period";
import { bearer, errors, ok, pageOf, pageQuery, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { renderReport, reportSummary } from "./render";

const FormatQuery = z.object({ format: z.enum(["json", "html", "xlsx", "docx"]).default("json") });
const IdParam = z.string().regex(/^[0-9a-z][0-9a-z-]{0,63}$/);
const ListQuery = z.object({
  kind: z.enum(REPORT_KINDS).optional(),
  period: z.string().regex(/^\d{4}(-Q[1-4])?$/).optional(),
  ...pageQuery({ max: 200, default: 50 }, z.string().regex(/^[0-9T:.Z-]{10,30}\|[0-9a-z-]{1,64}$/)),
});
/** A report as listed (its document is read by id): the fields of reportSummary in ./render. */
const ReportItem = z
  .object({
    id: z.string(),
    kind: z.enum(REPORT_KINDS),
    program: z.string().nullable(),
    unit: z.string().nullable(),
    period: z.string(),
    version: z.number().int(),
    title: z.string(),
    issuedAt: z.string(),
    issuedBy: z.string(),
    contentHash: z.string(),
    demo: z.boolean(),
  })
  .openapi("ReportSummary");
// Declared without a content schema so that one handler may answer JSON, HTML, XLSX or DOCX.
const formats = { description: "JSON, or the document as HTML (text/html), XLSX or DOCX, by ?format=" };

/** Newest first, a page at a time: the cursor is the last report's issue time and id. */
async function list(c: { get: (k: "services") => { platform: import("../../services").PlatformDb } }, where: SQL[], page: { limit: number; cursor?: string | undefined }) {
  const [at, id] = page.cursor ? page.cursor.split("|") : [];
  const after = at && id ? or(lt(reports.issuedAt, at), and(eq(reports.issuedAt, at), lt(reports.id, id))) : undefined;
  const rows = await c.get("services").platform.select().from(reports).where(and(...where, after)).orderBy(desc(reports.issuedAt), desc(reports.id)).limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map(reportSummary), nextCursor: rows.length > page.limit && last ? `${last.issuedAt}|${last.id}` : null };
}

/** What a report run answers: the run, its outcomes, and what they amount to. */
const RunAnswer = z
  .object({
    runId: z.string(),
    status: z.enum(["running", "succeeded", "partial", "failed"]),
    outcomes: z.array(z.object({}).passthrough()),
    issued: z.number().int(),
    existing: z.number().int(),
    failed: z.number().int(),
  })
  .openapi("ReportRunAnswer");

export function registerReportRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/t/{unit}/reports",
      tags: ["reports"],
      summary: "本单位报告 The unit's reports",
      security: bearer,
      request: { params: z.object({ unit: UnitSlugParam }), query: ListQuery },
      responses: { 200: ok(pageOf(ReportItem), "报告 Reports"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { unit, access } = c.get("tenant");
      // A unit report belongs to one program: a coordinator sees those of its own programs only.
      const scope = programScope(access);
      const where = [eq(reports.unit, unit.slug), ...(scope ? [inArray(reports.program, [...scope])] : [])];
      if (q.kind) where.push(eq(reports.kind, q.kind));
      if (q.period) where.push(eq(reports.period, q.period));
      return c.json(await list(c, where, q), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/t/{unit}/reports/{id}",
      tags: ["reports"],
      summary: "本单位报告 One of the unit's reports",
      security: bearer,
      request: { params: z.object({ unit: UnitSlugParam, id: IdParam }), query: FormatQuery },
      responses: { 200: formats, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { unit, access } = c.get("tenant");
      const [report] = await c.get("services").platform.select().from(reports).where(and(eq(reports.id, id), eq(reports.unit, unit.slug)));
      if (!report || !seesProgram(access, report.program)) throw new ApiError("NOT_FOUND", "error.not_found");
      return renderReport(c, report, c.req.valid("query").format);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/programs/{program}/reports",
      tags: ["reports"],
      summary: "帮扶工作报告 The program's reports (program and unit reports)",
      security: bearer,
      middleware: [requireAuth(), requireProgramAccess()] as const,
      request: { params: z.object({ program: ProgramSlugParam }), query: ListQuery },
      responses: { 200: ok(pageOf(ReportItem), "报告 Reports"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const where = [eq(reports.program, c.req.valid("param").program)];
      if (q.kind) where.push(eq(reports.kind, q.kind));
      if (q.period) where.push(eq(reports.period, q.period));
      return c.json(await list(c, where, q), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/programs/{program}/reports/{id}",
      tags: ["reports"],
      summary: "帮扶工作报告 One of the program's reports",
      security: bearer,
      middleware: [requireAuth(), requireProgramAccess()] as const,
      request: { params: z.object({ program: ProgramSlugParam, id: IdParam }), query: FormatQuery },
      responses: { 200: formats, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { program, id } = c.req.valid("param");
      const [report] = await c.get("services").platform.select().from(reports).where(and(eq(reports.id, id), eq(reports.program, program)));
      if (!report) throw new ApiError("NOT_FOUND", "error.not_found");
      return renderReport(c, report, c.req.valid("query").format);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/reports/{id}",
      tags: ["reports"],
      summary: "报告 Any report the caller may read",
      security: bearer,
      middleware: [requireAuth()] as const,
      request: { params: z.object({ id: IdParam }), query: FormatQuery },
      responses: { 200: formats, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const auth = c.get("auth");
      const { platform } = c.get("services");
      const [report] = await platform.select().from(reports).where(eq(reports.id, id));
      // Existence is not revealed to those who may not read it.
      if (!report || !(await mayRead(auth, report, platform))) throw new ApiError("NOT_FOUND", "error.not_found");
      return renderReport(c, report, c.req.valid("query").format);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/programs/{program}/reports/run",
      tags: ["reports"],
      summary: "生成报告 Issue a period's reports now (e.g. a past quarter)",
      description:
        "Issues what is missing; with reissue=true every report of the period gets a new version. Answers 200 when the run is done (the Node server runs it before answering) and 202 with status `running` when it was queued (Workers; the reports appear in the list as they are issued). `issued` counts new reports, `existing` those already there (left as they are unless reissue), `failed` the failures.",
      security: bearer,
      middleware: [requireAuth(), requireProgramAccess()] as const,
      request: {
        params: z.object({ program: ProgramSlugParam }),
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  job: z.enum(["quarterly", "annual"]),
                  year: z.number().int().min(2016).max(2100),
                  quarter: z.number().int().min(1).max(4).optional(),
                  reissue: z.boolean().default(false),
                })
                .strict()
                .refine((b) => (b.job === "quarterly") === (b.quarter !== undefined), "季度报告须指定季度，年度考核不需要 | A quarterly run needs a quarter; an annual one none")
                .openapi("ReportRun"),
            },
          },
          required: true,
        },
      },
      responses: {
        200: ok(RunAnswer, "已完成 Done"),
        202: ok(RunAnswer, "已受理，后台生成 Accepted, running"),
        ...errors(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { program } = c.req.valid("param");
      const body = c.req.valid("json");
      const services = c.get("services");
      const period = { year: body.year, quarter: (body.quarter ?? null) as 1 | 2 | 3 | 4 | null };
      // A report speaks for a period of the program's own document: none outside its term.
      const terms = (await findProgram(services.platform, program))!;
      if (!inTerm(period.year, terms)) throw new ApiError("UNPROCESSABLE", "error.outside_term", { program: terms.name, term: `${terms.startYear}—${terms.endYear}`, year: period.year });
      const runId = await startReportRun(services, services.queue, body.job, period, { programs: [program], reissue: body.reissue });
      const summary = await runSummary(services.platform, runId);
      const counted = (prefix: string) => summary.outcomes.filter((o) => o.ok && (o.detail ?? "").startsWith(prefix)).length;
      const answer = { ...summary, issued: counted("issued"), existing: counted("exists"), failed: summary.outcomes.filter((o) => !o.ok).length };
      return summary.status === "running" ? c.json(answer, 202) : c.json(answer, 200);
    },
  );
}

/** Unit reports follow the tenant's access rules; program reports are for the program's coordinators and admins. */
async function mayRead(auth: import("../../auth/claims").AuthInfo, report: ReportRow, platform: import("../../services").PlatformDb): Promise<boolean> {
  if (report.unit) {
    const access = decideAccess(auth, report.unit, await programsOf(platform, report.unit));
    return access.read && seesProgram(access, report.program);
  }
  return auth.role === "admin" || (auth.role === "coordinator" && auth.programs.includes(report.program));
}
