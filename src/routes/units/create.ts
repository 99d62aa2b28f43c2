import { createRoute, z } from "@hono/zod-openapi";
import { and, inArray } from "drizzle-orm";
import { groupMembers, groups, platformAudit, programs } from "../../../db/platform/schema";
import { requireAuth, requireRole } from "../../auth/middleware";
import { membershipChanged, membershipProblems } from "../../directory/memberships";
import { ApiError, type ErrorDetail } from "../../errors";
import { today } from "../../periods/period";
import type { PlatformDb } from "../../services";
import type { Router } from "../../router";
import { storableText } from "../../ledger/fields";
import { UNIT_SLUG_PATTERN } from "../../tenants/connector";
import { bearer, errors, ok } from "../openapi-common";
import { UNIT_KINDS, UnitSchema } from "./schemas";
import { choice } from "../../choices";
import { MEMBER_ROLE_NAMES, MEMBER_ROLES, UNIT_KIND_NAMES } from "../../labels";

const CreateUnitBody = z
  .object({
    slug: z.string().trim().toLowerCase().regex(UNIT_SLUG_PATTERN).openapi({
      description: "Lowercase letters, digits and hyphens, 1–40 characters; names the tenant database",
      example: "qingyuan",
    }),
    name: storableText(z.string().trim().min(1).max(100)).openapi({ example: "清远市" }),
    kind: choice(UNIT_KINDS, UNIT_KIND_NAMES),
    /** Groups to place the unit in at once (its rules, rollup rows and reports then reach it). */
    groups: z
      .array(
        z
          .object({
            program: z.string().min(1).max(64).openapi({ example: "gd-old-areas" }),
            areaCode: z.string().regex(/^\d{6}$/).openapi({ example: "440282" }),
            role: choice(MEMBER_ROLES, MEMBER_ROLE_NAMES).default("member"),
          })
          .strict(),
      )
      .max(20)
      .default([])
      .openapi({ description: "The program × recipient-area groups the unit joins, as lead (one per group) or member" }),
  })
  .strict()
  .openapi("CreateUnit");

const route = createRoute({
  method: "post",
  path: "/api/units",
  tags: ["admin"],
  summary: "新建帮扶单位（创建其数据库） Create a unit and its database",
  security: bearer,
  middleware: [requireAuth(), requireRole("admin")] as const,
  request: { body: { content: { "application/json": { schema: CreateUnitBody } }, required: true } },
  responses: { 201: ok(UnitSchema, "已创建 Created"), ...errors(400, 401, 403, 409, 422, 503) },
});

export function registerCreateUnit(app: Router) {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const services = c.get("services");
    const { tenants, platform } = services;
    if (await tenants.find(body.slug)) throw new ApiError("CONFLICT", "error.unit_exists", { unit: body.slug });
    // Every placement is checked before anything is created: a bad one creates nothing.
    const placements = await checkPlacements(platform, body.slug, body.groups);
    let unit;
    try {
      unit = await tenants.provision({ slug: body.slug, name: body.name, kind: body.kind });
    } catch (error) {
      // Lost a race for the same slug: the other request created it.
      if (await tenants.find(body.slug)) throw new ApiError("CONFLICT", "error.unit_exists", { unit: body.slug });
      throw new ApiError("UNAVAILABLE", "error.tenant_unavailable", {}, [{ message: String(error instanceof Error ? error.name : "error") }]);
    }
    const after = { slug: unit.slug, name: unit.name, kind: unit.kind, status: unit.status, schemaVersion: unit.schemaVersion, demo: unit.demo, createdAt: unit.createdAt, groups: placements.map(({ program, areaCode, role }) => ({ program, areaCode, role })) };
    // The memberships and the audit row in one batch.
    const audit = platform.insert(platformAudit).values({ actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "unit", entityId: unit.slug, before: null, after });
    if (placements.length) await platform.batch([platform.insert(groupMembers).values(placements.map((p) => ({ groupId: p.groupId, unit: unit.slug, role: p.role, position: p.position, effectiveFrom: p.effectiveFrom }))), audit]);
    else await audit;
    // Its facts and judgements for the current period, in the background, so its rollup rows are current at once.
    if (placements.length) await membershipChanged(services, unit.slug);
    c.header("Location", `/api/t/${unit.slug}`);
    return c.json(after, 201);
  });
}

interface Placement {
  program: string;
  areaCode: string;
  role: "lead" | "member";
  groupId: string;
  position: number;
  effectiveFrom: string;
}

/**
 * Each requested group must exist (a program's group for that area) and appear once; the membership
 * then passes the same checks as any other (src/directory/memberships.ts): it starts on the unit's
 * creation day, inside the program's term, and a lead only where no other lead is in force then.
 * All problems are named at once (422).
 */
async function checkPlacements(platform: PlatformDb, unit: string, wanted: { program: string; areaCode: string; role: "lead" | "member" }[]): Promise<Placement[]> {
  if (wanted.length === 0) return [];
  const programSlugs = [...new Set(wanted.map((w) => w.program))];
  const [programRows, groupRows] = await Promise.all([
    platform.select({ slug: programs.slug, name: programs.name, startYear: programs.startYear, endYear: programs.endYear }).from(programs).where(inArray(programs.slug, programSlugs)),
    platform
      .select({ id: groups.id, program: groups.program, areaCode: groups.areaCode })
      .from(groups)
      .where(and(inArray(groups.program, programSlugs), inArray(groups.areaCode, [...new Set(wanted.map((w) => w.areaCode))]))),
  ]);
  const members = groupRows.length ? await platform.select().from(groupMembers).where(inArray(groupMembers.groupId, groupRows.map((g) => g.id))) : [];
  const from = today();
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  const out: Placement[] = [];
  wanted.forEach((w, i) => {
    const path = `body.groups.${i}`;
    const program = programRows.find((p) => p.slug === w.program);
    const group = groupRows.find((g) => g.program === w.program && g.areaCode === w.areaCode);
    if (!program) return details.push({ path: `${path}.program`, code: "unknown_program", message: `没有帮扶工作 ${w.program} | No program ${w.program}` });
    if (!group) return details.push({ path: `${path}.areaCode`, code: "no_group", message: `《${program.name}》在 ${w.areaCode} 没有帮扶集团 | ${w.program} has no group for area ${w.areaCode}` });
    if (seen.has(group.id)) return details.push({ path, code: "duplicate_group", message: "同一帮扶集团只能加入一次 | A group can be joined once" });
    seen.add(group.id);
    const inGroup = members.filter((m) => m.groupId === group.id);
    const problems = membershipProblems(program, { unit, role: w.role, effectiveFrom: from, effectiveTo: null }, inGroup, path);
    if (problems.length) return details.push(...problems);
    out.push({ ...w, groupId: group.id, position: Math.max(-1, ...inGroup.map((m) => m.position)) + 1, effectiveFrom: from });
  });
  if (details.length) throw new ApiError("UNPROCESSABLE", "error.placement_invalid", {}, details);
  return out;
}
