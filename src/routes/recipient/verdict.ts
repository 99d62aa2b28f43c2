/**
 * POST /api/recipient/claims/{unit}/{entity}/{id}/verdict — the recipient confirms a record (the money
 * arrived, the project is complete, the cadre is in post) or disputes it with a reason (and, for money,
 * what arrived and when). On the version it saw (If-Match): a correction made meanwhile answers 412.
 * Written in the helper's database with its audit row and thread entry; the helper's inbox is told.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth, requireRole } from "../../auth/middleware";
import { ApiError, type ErrorDetail } from "../../errors";
import { notify } from "../../inbox/notifications";
import { dateIn } from "../../ledger/fields";
import { etag, requireIfMatch } from "../../ledger/etag";
import { requestActor } from "../../ledger/context";
import type { Claim } from "../../recipients/claims";
import { verdictStatements } from "../../recipients/threads";
import type { Router } from "../../router";
import { tenantWritten } from "../../tenants/middleware";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { claimOrNotFound, helperOf, recipientArea } from "./access";
import { ClaimSchema, PLURAL } from "./schemas";

const Body = z
  .object({
    verdict: z.enum(["confirmed", "disputed"]),
    reason: z.string().trim().min(1).max(500).optional().openapi({ description: "有异议时必填 Required for a dispute" }),
    amountFen: z.number().int().min(0).max(1_000_000_000_000).optional().openapi({ description: "资金：实际到位金额（分）Money: the amount that arrived, in fen" }),
    date: dateIn("2000-01-01", "2100-12-31").optional().openapi({ description: "资金：实际到位日期 Money: the day it arrived" }),
  })
  .strict()
  .openapi("VerdictBody");

const route = createRoute({
  method: "post",
  path: "/api/recipient/claims/{unit}/{entity}/{id}/verdict",
  tags: ["recipient"],
  summary: "确认或提出异议 Confirm a record, or dispute it with a reason (If-Match: the record's version)",
  security: bearer,
  middleware: [requireAuth(), requireRole("recipient")] as const,
  request: {
    params: z.object({ unit: UnitSlugParam, entity: z.enum(["fund", "project", "cadre"]), id: z.string().min(1).max(64) }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: { content: { "application/json": { schema: Body } }, required: true },
  },
  responses: { 200: ok(ClaimSchema, "已记录 Recorded"), ...errors(400, 401, 403, 404, 412, 422, 428) },
});

/** What a verdict may say of this record: a project is confirmed complete only once completed; a cadre only while in post. */
function verdictProblems(claim: Claim, body: z.infer<typeof Body>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (body.verdict === "disputed" && !body.reason) out.push({ path: "body.reason", code: "reason_required", message: "提出异议须写明理由，帮扶单位据此更正或答复 | A dispute needs a reason the helper can act on" });
  if (claim.entity !== "fund" && (body.amountFen !== undefined || body.date !== undefined)) out.push({ path: "body.amountFen", code: "money_only", message: "到位金额和日期只用于资金记录 | Amount and day are for money only" });
  if (claim.entity === "project" && body.verdict === "confirmed" && !["completed", "accepted"].includes(String(claim.fields.status))) {
    out.push({ path: "body.verdict", code: "not_completed", message: "项目尚未完工，不能确认完工；如情况不符可提出异议 | The project is not completed yet; dispute it if the record is wrong" });
  }
  if (claim.entity === "cadre" && body.verdict === "confirmed" && claim.fields.status !== "in_post") {
    out.push({ path: "body.verdict", code: "not_in_post", message: "该干部已不在岗，不能确认在岗 | The cadre is no longer in post" });
  }
  return out;
}

export function registerRecipientVerdict(app: Router) {
  app.openapi(route, async (c) => {
    const area = recipientArea(c);
    const { unit: slug, entity, id } = c.req.valid("param");
    const body = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    const { helper, unit } = await helperOf(c, area, slug);
    const auth = c.get("auth");
    const saved = await services.tenants.use(unit, async ({ db, client }) => {
      const claim = await claimOrNotFound(db, entity, area, id);
      if (claim.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      const problems = verdictProblems(claim, body);
      if (problems.length) throw new ApiError("UNPROCESSABLE", "error.verdict_invalid", {}, problems);
      const statements = verdictStatements(entity, id, version, { verdict: body.verdict, reason: body.reason ?? null, amountFen: body.amountFen ?? null, date: body.date ?? null }, claim.areaCode, requestActor(c), auth.name);
      const [written] = await client.batch(statements, "write");
      if (written?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      await tenantWritten(c, slug, db);
      return claimOrNotFound(db, entity, area, id);
    });
    const what = { fund: "资金", project: "项目", cadre: "挂职干部" }[entity];
    await notify(services, [
      {
        audienceKind: "unit",
        audience: slug,
        kind: body.verdict,
        zh: body.verdict === "disputed" ? `受援地（${auth.name}）对一条${what}记录提出异议：${body.reason}` : `受援地（${auth.name}）已确认一条${what}记录`,
        en: body.verdict === "disputed" ? `The recipient (${auth.name}) disputes a ${entity} record: ${body.reason}` : `The recipient (${auth.name}) confirmed a ${entity} record`,
        link: `#/u/${slug}/ledger/${PLURAL[entity]}?thread=${id}`,
      },
    ]);
    c.header("ETag", etag(saved.version));
    return c.json({ ...saved, unit: { slug: helper.slug, name: helper.name } }, 200);
  });
}
