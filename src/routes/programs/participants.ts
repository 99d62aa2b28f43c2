/**
 * Units taking part in a program without a pairing — the Gannan document's 牵头部门, 国家发展改革委 and
 * 中央组织部, which "不安排具体对口支援关系" but carry out the work themselves. A participant records its
 * own work in the program (its ledger accepts the program), is counted in the rollup by unit, and is
 * judged with no recipient area of its own. Administered like memberships: from a day, ended on a day,
 * under If-Match, audited, never deleted.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { programParticipants, programs, units } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { membershipChanged, membershipProblems } from "../../directory/memberships";
import { listParticipants } from "../../directory/programs";
import { ApiError } from "../../errors";
import { dateIn } from "../../ledger/fields";
import { etag, requireIfMatch } from "../../ledger/etag";
import { auditIfWon } from "../../platform/guarded-write";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { requireProgramAccess } from "./access";
import { ParticipantSchema } from "./schemas";

const Day = dateIn("2000-01-01", "2100-12-31");
const Clause = z.string().trim().min(1).max(300);
const params = z.object({ program: ProgramSlugParam });

const listDef = createRoute({
  method: "get",
  path: "/api/programs/{program}/participants",
  tags: ["directory"],
  summary: "不结对的参与单位 Units taking part without a pairing",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: { params },
  responses: { 200: ok(z.object({ items: z.array(ParticipantSchema) }), "参与单位 Participants"), ...errors(400, 401, 404) },
});

const addDef = createRoute({
  method: "post",
  path: "/api/programs/{program}/participants",
  tags: ["directory"],
  summary: "登记参与单位 A unit takes part without a pairing, from a day",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params,
    body: { content: { "application/json": { schema: z.object({ unit: UnitSlugParam, clause: Clause, effectiveFrom: Day.nullable().default(null) }).strict().openapi("NewParticipant") } }, required: true },
  },
  responses: { 201: ok(ParticipantSchema, "已登记 Registered"), ...errors(400, 401, 403, 404, 409, 422) },
});

const patchDef = createRoute({
  method: "patch",
  path: "/api/programs/{program}/participants/{id}",
  tags: ["directory"],
  summary: "调整参与关系 End a participation or move its days (If-Match)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: params.extend({ id: z.coerce.number().int().positive() }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: {
      content: {
        "application/json": {
          schema: z.object({ clause: Clause.optional(), effectiveFrom: Day.nullable().optional(), effectiveTo: Day.nullable().optional() }).strict().refine((o) => Object.keys(o).length > 0, "至少修改一项 | Change at least one thing").openapi("ParticipantUpdate"),
        },
      },
      required: true,
    },
  },
  responses: { 200: ok(ParticipantSchema, "已修改 Updated"), ...errors(400, 401, 403, 404, 412, 422, 428) },
});

type Row = typeof programParticipants.$inferSelect;
/** The participation checks are the memberships' (term, order, no overlapping stay of the same unit). */
const asMembership = (r: Pick<Row, "unit" | "effectiveFrom" | "effectiveTo"> & { id?: number }) => ({ ...r, groupId: "", role: "member" as const, position: 0, version: 1, id: r.id ?? 0 });

export function registerParticipants(app: Router) {
  app.openapi(listDef, async (c) => {
    const { program } = c.req.valid("param");
    const { platform } = c.get("services");
    const [found] = await platform.select({ slug: programs.slug }).from(programs).where(eq(programs.slug, program));
    if (!found) throw new ApiError("NOT_FOUND", "error.program_not_found", { program });
    return c.json({ items: await listParticipants(platform, program) }, 200);
  });

  app.openapi(addDef, async (c) => {
    const { program } = c.req.valid("param");
    const body = c.req.valid("json");
    const services = c.get("services");
    const [[unit], [term], existing] = await Promise.all([
      services.platform.select({ slug: units.slug }).from(units).where(eq(units.slug, body.unit)),
      services.platform.select({ name: programs.name, startYear: programs.startYear, endYear: programs.endYear }).from(programs).where(eq(programs.slug, program)),
      services.platform.select().from(programParticipants).where(and(eq(programParticipants.program, program), eq(programParticipants.unit, body.unit))),
    ]);
    if (!unit) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit: body.unit });
    const details = membershipProblems(term!, { ...asMembership({ unit: body.unit, effectiveFrom: body.effectiveFrom, effectiveTo: null }), id: undefined }, existing.map(asMembership));
    if (details.length) throw new ApiError("UNPROCESSABLE", "error.participant_invalid", {}, details);
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "participant", entityId: `${program}/${body.unit}/${body.effectiveFrom ?? "start"}`, before: null, after: { program, ...body } };
    // Inserted only if no stay of the unit overlaps the new open-ended one (a racing second request).
    const [inserted] = await services.platformClient.batch(
      [
        {
          sql: "INSERT INTO program_participants (program, unit, clause, effective_from) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM program_participants WHERE program = ? AND unit = ? AND (? IS NULL OR effective_to IS NULL OR effective_to >= ?))",
          args: [program, body.unit, body.clause, body.effectiveFrom, program, body.unit, body.effectiveFrom, body.effectiveFrom],
        },
        auditIfWon(entry),
      ],
      "write",
    );
    if (inserted?.rowsAffected !== 1) throw new ApiError("CONFLICT", "error.conflict");
    const created = (await listParticipants(services.platform, program)).filter((p) => p.slug === body.unit).at(-1)!;
    await membershipChanged(services, body.unit);
    c.header("ETag", etag(created.version));
    return c.json(created, 201);
  });

  app.openapi(patchDef, async (c) => {
    const { program, id } = c.req.valid("param");
    const body = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    const [current] = await services.platform.select().from(programParticipants).where(and(eq(programParticipants.program, program), eq(programParticipants.id, id)));
    if (!current) throw new ApiError("NOT_FOUND", "error.not_found");
    if (current.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const [[term], others] = await Promise.all([
      services.platform.select({ name: programs.name, startYear: programs.startYear, endYear: programs.endYear }).from(programs).where(eq(programs.slug, program)),
      services.platform.select().from(programParticipants).where(and(eq(programParticipants.program, program), eq(programParticipants.unit, current.unit))),
    ]);
    const next = {
      ...current,
      clause: body.clause ?? current.clause,
      effectiveFrom: body.effectiveFrom === undefined ? current.effectiveFrom : body.effectiveFrom,
      effectiveTo: body.effectiveTo === undefined ? current.effectiveTo : body.effectiveTo,
    };
    const details = membershipProblems(term!, asMembership(next), others.map(asMembership));
    if (details.length) throw new ApiError("UNPROCESSABLE", "error.participant_invalid", {}, details);
    const pick = (r: Row) => ({ unit: r.unit, clause: r.clause, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo });
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "participant", entityId: `${program}/${current.unit}/${id}`, before: pick(current), after: pick(next) };
    const [updated] = await services.platformClient.batch(
      [
        { sql: "UPDATE program_participants SET clause = ?, effective_from = ?, effective_to = ?, version = version + 1 WHERE id = ? AND version = ?", args: [next.clause, next.effectiveFrom, next.effectiveTo, id, version] },
        auditIfWon(entry),
      ],
      "write",
    );
    if (updated?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    await membershipChanged(services, current.unit);
    const saved = (await listParticipants(services.platform, program)).find((p) => p.id === id)!;
    c.header("ETag", etag(saved.version));
    return c.json(saved, 200);
  });
}
