/** What the report routes take and answer (one file per route beside this one). */
import { z } from "@hono/zod-openapi";
import { REPORT_KINDS } from "../../../db/platform/schema";
import { pageQuery } from "../openapi-common";

export const FormatQuery = z.object({ format: z.enum(["json", "html", "xlsx", "docx"]).default("json") });
export const IdParam = z.string().regex(/^[0-9a-z][0-9a-z-]{0,63}$/);
export const ListQuery = z.object({
  kind: z.enum(REPORT_KINDS).optional(),
  period: z.string().regex(/^\d{4}(-Q[1-4])?$/).optional(),
  ...pageQuery({ max: 200, default: 50 }, z.string().regex(/^[0-9T:.Z-]{10,30}\|[0-9a-z-]{1,64}$/)),
});
/** A report as listed (its document is read by id): the fields of reportSummary in ./render. */
export const ReportItem = z
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
export const formats = { description: "JSON, or the document as HTML (text/html), XLSX or DOCX, by ?format=" };

/** What a report run answers: the run, its outcomes, and what they amount to. */
export const RunAnswer = z
  .object({
    runId: z.string(),
    status: z.enum(["running", "succeeded", "partial", "failed"]),
    outcomes: z.array(z.object({}).passthrough()),
    issued: z.number().int(),
    existing: z.number().int(),
    failed: z.number().int(),
  })
  .openapi("ReportRunAnswer");
