/**
 * Programs administered: an admin creates one (its document, term, coordinating office, and the rule
 * set it starts with — none, or a copy of another program's, e.g. a plan's successor), and an admin or
 * the program's coordinator changes its fields under If-Match. A term that would leave a membership
 * outside it is refused with the memberships named. Each write is one batch with its audit row.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { groupMembers, groups, programParticipants, programRules } from "../../../db/platform/schema";
import { requireAuth, requireRole } from "../../auth/middleware";
import { findProgram } from "../../directory/programs";
import { ApiError, type ErrorDetail } from "../../errors";
import { etag, requireIfMatch } from "../../ledger/etag";
import { auditIfWon, ifAudited } from "../../platform/guarded-write";
import type { Router } from "../../router";
import type { Services } from "../../services";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "./access";
import { ProgramSchema } from "./schemas";

const Text = (max: number) => z.string().trim().min(1).max(max);
const Year = z.number().int().min(2000).max(2100);

const Fields = {
  name: Text(200).openapi({ description: "文件中的全称 The plan's full name", example: "东莞韶关继续推进全面帮扶共建三年行动方案（2025—2027年）" }),
  nameEn: z.string().trim().max(300),
  document: Text(200).openapi({ description: "文件（文件名或标题）The policy document" }),
  docNumber: Text(60).openapi({ description: "文号", example: "莞韶指〔2025〕1号" }),
  startYear: Year,
  endYear: Year,
  coordinator: Text(200).openapi({ description: "牵头（协调）部门 The coordinating office" }),
  cadreTermMonths: z.number().int().min(1).max(120).nullable(),
};

const termProblem = (p: { startYear?: number | undefined; endYear?: number | undefined }): ErrorDetail[] =>
  p.startYear !== undefined && p.endYear !== undefined && p.endYear < p.startYear ? [{ path: "body.endYear", code: "ends_before_start", message: "结束年份早于开始年份 | The term ends before it starts" }] : [];

const CreateBody = z
  .object({
    slug: ProgramSlugParam.openapi({ param: undefined, description: "标识 Slug (lower case, digits, hyphens)" }),
    ...Fields,
    nameEn: Fields.nameEn.default(""),
    cadreTermMonths: Fields.cadreTermMonths.default(null),
    rulesFrom: ProgramSlugParam.nullable().default(null).openapi({ param: undefined, description: "起始规则：复制该帮扶工作当前的规则及参数 Start with a copy of this program's rule set (null: none)" }),
  })
  .strict()
  .superRefine((b, ctx) => termProblem(b).forEach((d) => ctx.addIssue({ code: "custom", path: ["endYear"], message: d.message })))
  .openapi("NewProgram");

const UpdateBody = z
  .object(Fields)
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, "至少修改一项 | Change at least one thing")
  .openapi("ProgramUpdate");

const createRouteDef = createRoute({
  method: "post",
  path: "/api/programs",
  tags: ["directory"],
  summary: "新建帮扶工作 Create a program (its document, term, office and starting rules)",
  security: bearer,
  middleware: [requireAuth(), requireRole("admin")] as const,
  request: { body: { content: { "application/json": { schema: CreateBody } }, required: true } },
  responses: { 201: ok(ProgramSchema, "已创建 Created"), ...errors(400, 401, 403, 404, 409) },
});

const updateRouteDef = createRoute({
  method: "patch",
  path: "/api/programs/{program}",
  tags: ["directory"],
  summary: "修改帮扶工作 Change a program's name, document, term or office (If-Match)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam }), headers: z.object({ "if-match": z.string().optional() }), body: { content: { "application/json": { schema: UpdateBody } }, required: true } },
  responses: { 200: ok(ProgramSchema, "已修改 Updated"), ...errors(400, 401, 403, 404, 412, 422, 428) },
});

/** Memberships and participations whose days would fall outside a new term. */
async function outsideTerm(services: Services, program: string, startYear: number, endYear: number): Promise<ErrorDetail[]> {
  const from = `${startYear}-01-01`;
  const to = `${endYear}-12-31`;
  const [members, participants] = await Promise.all([
    services.platform.select({ unit: groupMembers.unit, areaCode: groups.areaCode, effectiveFrom: groupMembers.effectiveFrom, effectiveTo: groupMembers.effectiveTo }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(eq(groups.program, program)),
    services.platform.select({ unit: programParticipants.unit, effectiveFrom: programParticipants.effectiveFrom, effectiveTo: programParticipants.effectiveTo }).from(programParticipants).where(eq(programParticipants.program, program)),
  ]);
  const out = (d: string | null) => d !== null && (d < from || d > to);
  return [...members, ...participants.map((p) => ({ ...p, areaCode: "" }))]
    .filter((m) => out(m.effectiveFrom) || out(m.effectiveTo))
    .slice(0, 50)
    .map((m) => ({
      path: "body.startYear",
      code: "membership_outside_term",
      message: `${m.unit}${m.areaCode ? `（${m.areaCode}）` : ""}的成员关系 ${m.effectiveFrom ?? "…"} 至 ${m.effectiveTo ?? "…"} 将在新期限 ${startYear}—${endYear} 年之外，请先调整 | ${m.unit}'s membership would fall outside ${startYear}–${endYear}; change it first`,
    }));
}

export function registerProgramWrites(app: Router) {
  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid("json");
    const services = c.get("services");
    if (await findProgram(services.platform, body.slug)) throw new ApiError("CONFLICT", "error.program_exists", { program: body.slug });
    const copied = body.rulesFrom ? await services.platform.select().from(programRules).where(eq(programRules.program, body.rulesFrom)) : [];
    if (body.rulesFrom && !(await findProgram(services.platform, body.rulesFrom))) throw new ApiError("NOT_FOUND", "error.program_not_found", { program: body.rulesFrom });
    const { rulesFrom, ...fields } = body;
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "program", entityId: body.slug, before: null, after: { ...fields, rulesFrom, rules: copied.map((r) => r.rule) } };
    const audited = ifAudited(entry);
    await services.platformClient.batch(
      [
        {
          sql: "INSERT INTO programs (slug, name, name_en, document, doc_number, start_year, end_year, coordinator, cadre_term_months) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM programs WHERE slug = ?)",
          args: [fields.slug, fields.name, fields.nameEn, fields.document, fields.docNumber, fields.startYear, fields.endYear, fields.coordinator, fields.cadreTermMonths, fields.slug],
        },
        auditIfWon(entry),
        ...copied.map((r) => ({
          sql: `INSERT INTO program_rules (program, rule, enabled, params, updated_by) SELECT ?, ?, ?, ?, ? WHERE ${audited.sql}`,
          args: [fields.slug, r.rule, r.enabled ? 1 : 0, JSON.stringify(r.params), c.get("auth").username, ...audited.args],
        })),
      ],
      "write",
    );
    const created = await findProgram(services.platform, body.slug);
    if (!created) throw new ApiError("CONFLICT", "error.program_exists", { program: body.slug });
    c.header("ETag", etag(created.version));
    return c.json(created, 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    const { program } = c.req.valid("param");
    const body = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    const current = await findProgram(services.platform, program);
    if (!current) throw new ApiError("NOT_FOUND", "error.program_not_found", { program });
    if (current.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const next = { ...current, ...body, version: version + 1 };
    const details = termProblem(next);
    if (!details.length && (next.startYear !== current.startYear || next.endYear !== current.endYear)) details.push(...(await outsideTerm(services, program, next.startYear, next.endYear)));
    if (details.length) throw new ApiError("UNPROCESSABLE", "error.program_invalid", {}, details);
    const pick = ({ name, nameEn, document, docNumber, startYear, endYear, coordinator, cadreTermMonths }: typeof next) => ({ name, nameEn, document, docNumber, startYear, endYear, coordinator, cadreTermMonths });
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "program", entityId: program, before: pick(current), after: pick(next) };
    const [updated] = await services.platformClient.batch(
      [
        {
          sql: "UPDATE programs SET name = ?, name_en = ?, document = ?, doc_number = ?, start_year = ?, end_year = ?, coordinator = ?, cadre_term_months = ?, version = version + 1 WHERE slug = ? AND version = ?",
          args: [next.name, next.nameEn, next.document, next.docNumber, next.startYear, next.endYear, next.coordinator, next.cadreTermMonths, program, version],
        },
        auditIfWon(entry),
      ],
      "write",
    );
    if (updated?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const saved = (await findProgram(services.platform, program))!;
    c.header("ETag", etag(saved.version));
    return c.json(saved, 200);
  });
}
