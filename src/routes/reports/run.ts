/**
 * POST /api/programs/{program}/reports/run — issues a period's reports now (e.g. a past quarter):
 * 200 when the run is done (Node runs it before answering), 202 with status `running` when queued (Workers).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { startReportRun } from "../../jobs/report-jobs";
import { runSummary } from "../../jobs/runs";
import type { Router } from "../../router";
import { findProgram } from "../../directory/programs";
import { inTerm } from "../../periods/period";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { RunAnswer } from "./schemas";

export function registerRunReports(app: Router): void {
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
