/**
 * Who manages users: platform administrators — and a unit admin, its own unit's staff (unit admins,
 * editors, viewers of that unit; nothing else is seen, made or changed). Shared by the user routes
 * (list.ts, get.ts, create.ts, update.ts); every write is audited in the platform audit (never the
 * password or its hash).
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../types";
import { eq, inArray } from "drizzle-orm";
import { areas, programs, units } from "../../../db/platform/schema";
import { requireAuth, requireRole } from "../../auth/middleware";
import { ApiError, type ErrorDetail } from "../../errors";
import type { PlatformDb } from "../../services";

// A fresh array per route: zod-openapi takes the list as mutable. A unit admin manages its own unit's
// staff (unit roles, its unit only); everything else is the platform admin's.
export const admin = () => [requireAuth(), requireRole("admin", "unit_admin")];

/** The unit a unit admin is held to; null for a platform admin. */
export const scopeOf = (c: Context<AppEnv>): string | null => (c.get("auth").role === "unit_admin" ? c.get("auth").unit : null);
export const UNIT_ROLE_SET: readonly string[] = ["unit_admin", "unit_editor", "viewer"];
export const outOfScope = () => new ApiError("FORBIDDEN", "error.forbidden", {}, [{ path: "body.role", code: "unit_admin_scope", message: "单位管理员只能管理本单位的单位管理员、填报员和查阅用户 | A unit admin manages its own unit's staff only" }]);
export const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) });

export async function checkReferences(db: PlatformDb, unit: string | null | undefined, progs: string[] | undefined, area?: string | null) {
  const problems: { path: string; message: string }[] = [];
  if (area && !(await db.select({ code: areas.code }).from(areas).where(eq(areas.code, area))).length) {
    problems.push({ path: "body.areaCode", message: `地区不存在：${area} | No such area: ${area}` });
  }
  if (unit && !(await db.select({ slug: units.slug }).from(units).where(eq(units.slug, unit))).length) {
    problems.push({ path: "body.unit", message: `单位不存在：${unit} | No such unit: ${unit}` });
  }
  if (progs?.length) {
    const known = new Set((await db.select({ slug: programs.slug }).from(programs).where(inArray(programs.slug, progs))).map((p) => p.slug));
    for (const p of progs) if (!known.has(p)) problems.push({ path: "body.programs", message: `帮扶工作不存在：${p} | No such program: ${p}` });
  }
  return problems;
}

export function fail(problems: ErrorDetail[]): void {
  if (problems.length) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, problems);
}

