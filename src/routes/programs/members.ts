/**
 * A program's memberships, administered by an admin or the program's coordinator: a unit joins a
 * group from a day (as member, or as lead where no other lead is in force then), and a membership
 * is changed under If-Match — ended on a day, its start moved, or its role changed. Nothing is deleted:
 * a membership that ends stops counting from the day after, and earlier periods keep it
 * (src/figures/in-force.ts); every figure follows at once through the program's structure version.
 * Each change is one batch with its audit row (before/after).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { groupMembers, groups, programs, units } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { membershipChanged, membershipProblems, type Membership } from "../../directory/memberships";
import { ApiError } from "../../errors";
import { dateIn } from "../../ledger/fields";
import { etag, requireIfMatch } from "../../ledger/etag";
import { auditIfWon } from "../../platform/guarded-write";
import type { Router } from "../../router";
import type { Services } from "../../services";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { requireProgramAccess } from "./access";

const Day = dateIn("2000-01-01", "2100-12-31");

const MembershipSchema = z
  .object({
    program: z.string(),
    areaCode: z.string(),
    unit: z.string(),
    role: z.enum(["lead", "member"]),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi("Membership");

const params = z.object({ program: ProgramSlugParam, code: z.string().regex(/^\d{6}$/) });

const addRoute = createRoute({
  method: "post",
  path: "/api/programs/{program}/groups/{code}/members",
  tags: ["directory"],
  summary: "加入帮扶集团 A unit joins the group of an area, from a day",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params,
    body: {
      content: { "application/json": { schema: z.object({ unit: UnitSlugParam, role: z.enum(["lead", "member"]).default("member"), effectiveFrom: Day.nullable().default(null) }).strict().openapi("NewMembership") } },
      required: true,
    },
  },
  responses: { 201: ok(MembershipSchema, "已加入 Joined"), ...errors(400, 401, 403, 404, 409, 422) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/api/programs/{program}/groups/{code}/members/{unit}",
  tags: ["directory"],
  summary: "调整成员关系 End a membership, move its start or change its role (If-Match)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: params.extend({ unit: UnitSlugParam }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ role: z.enum(["lead", "member"]).optional(), effectiveFrom: Day.nullable().optional(), effectiveTo: Day.nullable().optional() })
            .strict()
            .refine((o) => Object.keys(o).length > 0, "至少修改一项 | Change at least one thing")
            .openapi("MembershipUpdate"),
        },
      },
      required: true,
    },
  },
  responses: { 200: ok(MembershipSchema, "已修改 Updated"), ...errors(400, 401, 403, 404, 409, 412, 422, 428) },
});

async function groupOf(services: Services, program: string, code: string) {
  const [row] = await services.platform
    .select({ id: groups.id, startYear: programs.startYear, endYear: programs.endYear, name: programs.name })
    .from(groups)
    .innerJoin(programs, eq(programs.slug, groups.program))
    .where(and(eq(groups.program, program), eq(groups.areaCode, code)));
  if (!row) throw new ApiError("NOT_FOUND", "error.not_found");
  return row;
}

const view = (program: string, code: string, m: Membership) => ({ program, areaCode: code, unit: m.unit, role: m.role, effectiveFrom: m.effectiveFrom, effectiveTo: m.effectiveTo, version: m.version });

export function registerMembers(app: Router) {
  app.openapi(addRoute, async (c) => {
    const { program, code } = c.req.valid("param");
    const body = c.req.valid("json");
    const services = c.get("services");
    const group = await groupOf(services, program, code);
    const [unit] = await services.platform.select({ slug: units.slug }).from(units).where(eq(units.slug, body.unit));
    if (!unit) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit: body.unit });
    const members = await services.platform.select().from(groupMembers).where(eq(groupMembers.groupId, group.id));
    if (members.some((m) => m.unit === body.unit)) throw new ApiError("CONFLICT", "error.already_member", { unit: body.unit });
    const row: Membership = { groupId: group.id, unit: body.unit, role: body.role, position: Math.max(-1, ...members.map((m) => m.position)) + 1, effectiveFrom: body.effectiveFrom, effectiveTo: null, version: 1 };
    const details = membershipProblems(group, row, members);
    if (details.length) throw new ApiError("UNPROCESSABLE", "error.membership_invalid", {}, details);
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "membership", entityId: `${group.id}/${body.unit}`, before: null, after: view(program, code, row) };
    // Inserted only if no one added the unit meanwhile; the audit row only if the insert happened.
    const [inserted] = await services.platformClient.batch(
      [
        {
          sql: "INSERT INTO group_members (group_id, unit, role, position, effective_from, effective_to, version) SELECT ?, ?, ?, ?, ?, NULL, 1 WHERE NOT EXISTS (SELECT 1 FROM group_members WHERE group_id = ? AND unit = ?)",
          args: [row.groupId, row.unit, row.role, row.position, row.effectiveFrom, row.groupId, row.unit],
        },
        auditIfWon(entry),
      ],
      "write",
    );
    if (!inserted || inserted.rowsAffected !== 1) throw new ApiError("CONFLICT", "error.already_member", { unit: body.unit });
    await membershipChanged(services, body.unit);
    c.header("ETag", etag(1));
    return c.json(view(program, code, row), 201);
  });

  app.openapi(patchRoute, async (c) => {
    const { program, code, unit } = c.req.valid("param");
    const body = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    const group = await groupOf(services, program, code);
    const members = await services.platform.select().from(groupMembers).where(eq(groupMembers.groupId, group.id));
    const current = members.find((m) => m.unit === unit);
    if (!current) throw new ApiError("NOT_FOUND", "error.not_found");
    if (current.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const next: Membership = {
      ...current,
      role: body.role ?? current.role,
      effectiveFrom: body.effectiveFrom === undefined ? current.effectiveFrom : body.effectiveFrom,
      effectiveTo: body.effectiveTo === undefined ? current.effectiveTo : body.effectiveTo,
      version: version + 1,
    };
    const details = membershipProblems(group, next, members);
    if (details.length) throw new ApiError("UNPROCESSABLE", "error.membership_invalid", {}, details);
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "membership", entityId: `${group.id}/${unit}`, before: view(program, code, current), after: view(program, code, next) };
    const [updated] = await services.platformClient.batch(
      [
        {
          sql: "UPDATE group_members SET role = ?, effective_from = ?, effective_to = ?, version = ? WHERE group_id = ? AND unit = ? AND version = ?",
          args: [next.role, next.effectiveFrom, next.effectiveTo, next.version, group.id, unit, version],
        },
        auditIfWon(entry),
      ],
      "write",
    );
    if (!updated || updated.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    await membershipChanged(services, unit);
    c.header("ETag", etag(next.version));
    return c.json(view(program, code, next), 200);
  });
}
