/**
 * A program's memberships, administered by an admin or the program's coordinator: a unit joins a
 * group from a day (as member, or as lead where no other lead is in force then), and a membership
 * is changed under If-Match — ended on a day, its start moved, or its role changed. Nothing is deleted:
 * a membership that ends stops counting from the day after, and earlier periods keep it
 * (src/figures/in-force.ts); a unit that left may join again later, as a new stay. Every figure
 * follows at once through the program's structure version. Each change is one batch with its audit
 * row (before/after), guarded by the group's version (src/directory/memberships.ts).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { groupMembers, groups, programs, units } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { membershipChanged, membershipProblems, writeGroupChange, type Membership } from "../../directory/memberships";
import { ApiError } from "../../errors";
import { dateIn } from "../../ledger/fields";
import { etag, requireIfMatch } from "../../ledger/etag";
import type { Router } from "../../router";
import type { Services } from "../../services";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { requireProgramAccess } from "./access";
import { choice } from "../../choices";
import { MEMBER_ROLE_NAMES, MEMBER_ROLES } from "../../labels";

const Day = dateIn("2000-01-01", "2100-12-31");

const MembershipSchema = z
  .object({
    id: z.number().int().openapi({ description: "The stay: a unit that left and joined again has two" }),
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
  summary: "加入帮扶集团 A unit joins the group of an area, from a day (again, after an earlier stay ended)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params,
    body: {
      content: { "application/json": { schema: z.object({ unit: UnitSlugParam, role: choice(MEMBER_ROLES, MEMBER_ROLE_NAMES).default("member"), effectiveFrom: Day.nullable().default(null) }).strict().openapi("NewMembership") } },
      required: true,
    },
  },
  responses: { 201: ok(MembershipSchema, "已加入 Joined"), ...errors(400, 401, 403, 404, 409, 422) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/api/programs/{program}/groups/{code}/members/{unit}",
  tags: ["directory"],
  summary: "调整成员关系 End a membership, move its start or change its role (If-Match; the latest stay unless ?stay= names one)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: params.extend({ unit: UnitSlugParam }),
    query: z.object({ stay: z.coerce.number().int().positive().optional().openapi({ param: { name: "stay", in: "query" }, description: "The stay's id (default: the unit's latest)" }) }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ role: choice(MEMBER_ROLES, MEMBER_ROLE_NAMES).optional(), effectiveFrom: Day.nullable().optional(), effectiveTo: Day.nullable().optional() })
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

/** The group, its program's term and its memberships now. */
async function groupState(services: Services, program: string, code: string) {
  const [group] = await services.platform
    .select({ id: groups.id, version: groups.version, startYear: programs.startYear, endYear: programs.endYear, name: programs.name })
    .from(groups)
    .innerJoin(programs, eq(programs.slug, groups.program))
    .where(and(eq(groups.program, program), eq(groups.areaCode, code)));
  if (!group) throw new ApiError("NOT_FOUND", "error.not_found");
  const members = await services.platform.select().from(groupMembers).where(eq(groupMembers.groupId, group.id));
  return { group, members };
}

/** Another change to the group landed between our read and our write: read again and retry, a few times. */
const ATTEMPTS = 3;

const view = (program: string, code: string, m: Membership) => ({ id: m.id, program, areaCode: code, unit: m.unit, role: m.role, effectiveFrom: m.effectiveFrom, effectiveTo: m.effectiveTo, version: m.version });

/** A unit's latest stay in a group: the one that starts last (an open start is the earliest). */
const latestStay = (members: readonly Membership[], unit: string) => members.filter((m) => m.unit === unit).sort((a, b) => (a.effectiveFrom ?? "").localeCompare(b.effectiveFrom ?? "") || a.id - b.id).at(-1);

export function registerMembers(app: Router) {
  app.openapi(addRoute, async (c) => {
    const { program, code } = c.req.valid("param");
    const body = c.req.valid("json");
    const services = c.get("services");
    const [unit] = await services.platform.select({ slug: units.slug }).from(units).where(eq(units.slug, body.unit));
    if (!unit) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit: body.unit });
    for (let attempt = 1; ; attempt++) {
      const { group, members } = await groupState(services, program, code);
      const row = { unit: body.unit, role: body.role, effectiveFrom: body.effectiveFrom, effectiveTo: null };
      const details = membershipProblems(group, row, members);
      if (details.some((d) => d.code === "overlapping_stay") && !details.some((d) => d.code !== "overlapping_stay") && !body.effectiveFrom) throw new ApiError("CONFLICT", "error.already_member", { unit: body.unit });
      if (details.length) throw new ApiError("UNPROCESSABLE", "error.membership_invalid", {}, details);
      const position = members.find((m) => m.unit === body.unit)?.position ?? Math.max(-1, ...members.map((m) => m.position)) + 1;
      const entityId = `${group.id}/${body.unit}/${row.effectiveFrom ?? "start"}`;
      const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "membership", entityId, before: null, after: { program, areaCode: code, ...row } };
      const won = await writeGroupChange(services, group, entry, (audited) => ({
        sql: `INSERT INTO group_members (group_id, unit, role, position, effective_from, effective_to, version) SELECT ?, ?, ?, ?, ?, NULL, 1 WHERE ${audited.sql}`,
        args: [group.id, row.unit, row.role, position, row.effectiveFrom, ...audited.args],
      }));
      if (won) {
        const created = latestStay((await groupState(services, program, code)).members, body.unit)!;
        await membershipChanged(services, body.unit);
        c.header("ETag", etag(created.version));
        return c.json(view(program, code, created), 201);
      }
      if (attempt === ATTEMPTS) throw new ApiError("CONFLICT", "error.conflict");
    }
  });

  app.openapi(patchRoute, async (c) => {
    const { program, code, unit } = c.req.valid("param");
    const { stay } = c.req.valid("query");
    const body = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    for (let attempt = 1; ; attempt++) {
      const { group, members } = await groupState(services, program, code);
      const current = stay ? members.find((m) => m.id === stay && m.unit === unit) : latestStay(members, unit);
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
      const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "membership", entityId: `${group.id}/${unit}/${current.id}`, before: view(program, code, current), after: view(program, code, next) };
      const won = await writeGroupChange(
        services,
        group,
        entry,
        (audited) => ({
          sql: `UPDATE group_members SET role = ?, effective_from = ?, effective_to = ?, version = ? WHERE id = ? AND ${audited.sql}`,
          args: [next.role, next.effectiveFrom, next.effectiveTo, next.version, current.id, ...audited.args],
        }),
        { sql: "EXISTS (SELECT 1 FROM group_members WHERE id = ? AND version = ?)", args: [current.id, version] },
      );
      if (won) {
        await membershipChanged(services, unit);
        c.header("ETag", etag(next.version));
        return c.json(view(program, code, next), 200);
      }
      if (attempt === ATTEMPTS) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    }
  });
}
