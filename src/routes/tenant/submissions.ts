/**
 * Writing the quarterly submission: create a draft, edit it, submit it (locked from then on), and —
 * for the coordinator of one of the unit's programs — reopen it with a reason.
 *
 *   POST /api/t/{unit}/submissions              draft for a year, quarter and program (one each)
 *   PATCH /api/t/{unit}/submissions/{id}        edit the narrative (draft or reopened), If-Match
 *   POST /api/t/{unit}/submissions/{id}/submit  submit, If-Match
 *   POST /api/t/{unit}/submissions/{id}/reopen  coordinator only, with a reason, If-Match
 */
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../errors";
import { writeContext } from "../../ledger/context";
import { storableText } from "../../ledger/fields";
import { etag, requireIfMatch } from "../../ledger/etag";
import { submissionLocked, submissionsResource as def } from "../../ledger/resources/submissions";
import { createRecord, readRecord, updateRecord } from "../../ledger/write";
import { notify } from "../../inbox/notifications";
import { quarterIsOver, quarterRange, today, type Quarter } from "../../periods/period";
import { submissionEntry } from "../../recipients/threads";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";

const params = z.object({ unit: UnitSlugParam, id: z.string().regex(/^[0-9a-z][0-9a-z-]{0,63}$/) });
const narrative = {
  progress: storableText(z.string().trim().max(20_000)),
  problems: storableText(z.string().trim().max(20_000)),
  nextSteps: storableText(z.string().trim().max(20_000)),
};
const Submission = z.object({ id: z.string(), version: z.number().int(), status: z.string(), year: z.number().int(), quarter: z.number().int(), program: z.string() }).passthrough();
const IfMatch = z.object({ "if-match": z.string().optional() });

const create = createRoute({
  method: "post",
  path: "/api/t/{unit}/submissions",
  tags: ["submissions"],
  summary: "新建季度报送草稿 Create a quarterly submission draft",
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam }),
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ year: z.number().int().min(2016).max(2100), quarter: z.number().int().min(1).max(4), program: z.string().regex(/^[a-z0-9-]{1,40}$/), ...partial(narrative) })
            .strict()
            .openapi("SubmissionCreate"),
        },
      },
      required: true,
    },
  },
  responses: { 201: ok(Submission, "草稿 Draft"), ...errors(400, 401, 403, 409) },
});

const edit = createRoute({
  method: "patch",
  path: "/api/t/{unit}/submissions/{id}",
  tags: ["submissions"],
  summary: "修改报送内容 Edit the narrative (draft or reopened)",
  security: bearer,
  request: {
    params,
    headers: IfMatch,
    body: {
      content: {
        "application/json": {
          schema: z
            .object(partial(narrative))
            .strict()
            .refine((o) => Object.keys(o).length > 0, "至少修改一个字段 | Change at least one field")
            .openapi("SubmissionUpdate"),
        },
      },
      required: true,
    },
  },
  responses: { 200: ok(Submission, "已保存 Saved"), ...errors(400, 401, 403, 404, 412, 423, 428) },
});

const submit = createRoute({
  method: "post",
  path: "/api/t/{unit}/submissions/{id}/submit",
  tags: ["submissions"],
  summary: "提交 Submit (locks the submission; only once its quarter has ended)",
  security: bearer,
  request: { params, headers: IfMatch },
  responses: { 200: ok(Submission, "已提交 Submitted"), ...errors(400, 401, 403, 404, 412, 422, 423, 428) },
});

const reopen = createRoute({
  method: "post",
  path: "/api/t/{unit}/submissions/{id}/reopen",
  tags: ["submissions"],
  summary: "退回修改（牵头部门） Reopen (coordinator)",
  security: bearer,
  request: { params, headers: IfMatch, body: { content: { "application/json": { schema: z.object({ reason: z.string().trim().min(2).max(500) }).strict() } }, required: true } },
  responses: { 200: ok(Submission, "已退回 Reopened"), ...errors(400, 401, 403, 404, 409, 412, 428) },
});

function partial<T extends Record<string, z.ZodType>>(shape: T) {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
}

export function registerSubmissionRoutes(app: Router) {
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const row = await createRecord(def, await writeContext(c), { progress: "", problems: "", nextSteps: "", ...body, status: "draft" });
    c.header("ETag", etag(1));
    return c.json(row as z.infer<typeof Submission>, 201);
  });

  app.openapi(edit, async (c) => {
    const { id } = c.req.valid("param");
    const version = requireIfMatch(c.req.header("if-match"));
    const ctx = await writeContext(c);
    const current = await readRecord(def, ctx, id);
    if (current?.status === "submitted") throw submissionLocked();
    const row = await updateRecord(def, ctx, id, version, c.req.valid("json"));
    c.header("ETag", etag(Number(row.version)));
    return c.json(row as z.infer<typeof Submission>, 200);
  });

  app.openapi(submit, async (c) => {
    const { id } = c.req.valid("param");
    const version = requireIfMatch(c.req.header("if-match"));
    const ctx = await writeContext(c);
    const current = await readRecord(def, ctx, id);
    if (current?.status === "submitted") throw submissionLocked();
    // A quarter's report covers the whole quarter: it cannot be locked while the quarter is still running.
    if (current && !quarterIsOver(Number(current.year), Number(current.quarter) as Quarter, today())) {
      const year = Number(current.year);
      const quarter = Number(current.quarter) as Quarter;
      throw new ApiError("UNPROCESSABLE", "error.submission_quarter_open", { year, quarter, end: quarterRange(year, quarter).to });
    }
    if (current && !String(current.progress ?? "").trim()) {
      throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: "body.progress", message: "提交前请填写工作进展 | Write the progress before submitting" }]);
    }
    // A resubmission after a return says so on the submission's thread, and tells the coordinating office.
    const again = current?.status === "reopened";
    const auth = c.get("auth");
    const row = await updateRecord(
      def,
      ctx,
      id,
      version,
      { status: "submitted", submittedAt: new Date().toISOString(), submittedBy: ctx.actor.actor },
      "submit",
      again ? submissionEntry(id, version + 1, "resubmitted", "helper", "已按退回意见修改并重新报送 | Revised as asked and submitted again", ctx.actor, auth.name) : undefined,
    );
    if (again) {
      const unit = ctx.tenant.unit;
      await notify(c.get("services"), [
        { audienceKind: "program", audience: String(row.program), kind: "resubmitted", zh: `${unit.name}已重新报送 ${row.year} 年第 ${row.quarter} 季度工作进展`, en: `${unit.name} submitted its ${row.year} Q${row.quarter} report again`, link: `#/p/${row.program}/units/${unit.slug}?year=${row.year}&quarter=${row.quarter}` },
      ]);
    }
    c.header("ETag", etag(Number(row.version)));
    return c.json(row as z.infer<typeof Submission>, 200);
  });

  app.openapi(reopen, async (c) => {
    const { id } = c.req.valid("param");
    const version = requireIfMatch(c.req.header("if-match"));
    const auth = c.get("auth");
    const ctx = await writeContext(c);
    const current = await readRecord(def, ctx, id);
    // Only the coordinating office of the submission's own program sends it back.
    if (auth.role !== "coordinator" || (current && !auth.programs.includes(String(current.program)))) throw new ApiError("FORBIDDEN", "error.forbidden");
    if (current && current.status !== "submitted") {
      throw new ApiError("CONFLICT", "error.conflict", {}, [{ path: "status", message: "只有已提交的报送可以退回 | Only a submitted submission can be reopened" }]);
    }
    const row = await updateRecord(
      def,
      ctx,
      id,
      version,
      { status: "reopened", reopenedAt: new Date().toISOString(), reopenedBy: ctx.actor.actor, reopenReason: c.req.valid("json").reason },
      "reopen",
      submissionEntry(id, version + 1, "returned", "coordinator", c.req.valid("json").reason, ctx.actor, auth.name),
    );
    const unit = ctx.tenant.unit;
    await notify(c.get("services"), [
      { audienceKind: "unit", audience: unit.slug, kind: "returned", zh: `牵头部门退回 ${row.year} 年第 ${row.quarter} 季度工作进展：${c.req.valid("json").reason}`, en: `The coordinating office returned the ${row.year} Q${row.quarter} report: ${c.req.valid("json").reason}`, link: `#/u/${unit.slug}/submissions?year=${row.year}&quarter=${row.quarter}&program=${row.program}` },
    ]);
    c.header("ETag", etag(Number(row.version)));
    return c.json(row as z.infer<typeof Submission>, 200);
  });
}
