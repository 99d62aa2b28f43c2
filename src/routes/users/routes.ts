/**
 * Users and roles, for platform administrators — and for a unit admin, its own unit's staff (unit admins,
 * editors, viewers of that unit; nothing else is seen, made or changed):
 *
 *   GET   /api/users            list (role, unit, search; cursor)
 *   GET   /api/users/{id}       one user (ETag = version)
 *   POST  /api/users            create (password hashed with PBKDF2-SHA-256)
 *   PATCH /api/users/{id}       change name, role, unit, programs, disable, reset password (If-Match)
 *
 * Every write is audited in the platform audit (never the password or its hash).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../types";
import { and, asc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { areas, platformAudit, programs, ROLES, units, userPrograms, users } from "../../../db/platform/schema";
import { hashPassword } from "../../auth/password";
import { passwordProblems } from "../../auth/password-policy";
import { requireAuth, requireRole } from "../../auth/middleware";
import { ApiError, type ErrorDetail } from "../../errors";
import { newId } from "../../ledger/ids";
import { etag, requireIfMatch } from "../../ledger/etag";
import type { Router } from "../../router";
import { auditIfWon, ifAudited } from "../../platform/guarded-write";
import type { PlatformDb } from "../../services";
import { bearer, errors, ok, pageOf, pageQuery } from "../openapi-common";
import { AreaCode, displayName, password, scopeProblems, slug, UserRecord, userView } from "./schemas";

// A fresh array per route: zod-openapi takes the list as mutable. A unit admin manages its own unit's
// staff (unit roles, its unit only); everything else is the platform admin's.
const admin = () => [requireAuth(), requireRole("admin", "unit_admin")];

/** The unit a unit admin is held to; null for a platform admin. */
const scopeOf = (c: Context<AppEnv>): string | null => (c.get("auth").role === "unit_admin" ? c.get("auth").unit : null);
const UNIT_ROLE_SET: readonly string[] = ["unit_admin", "unit_editor", "viewer"];
const outOfScope = () => new ApiError("FORBIDDEN", "error.forbidden", {}, [{ path: "body.role", code: "unit_admin_scope", message: "单位管理员只能管理本单位的单位管理员、填报员和查阅用户 | A unit admin manages its own unit's staff only" }]);
const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) });

async function checkReferences(db: PlatformDb, unit: string | null | undefined, progs: string[] | undefined, area?: string | null) {
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

function fail(problems: ErrorDetail[]): void {
  if (problems.length) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, problems);
}

export function registerUserRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/users",
      tags: ["admin"],
      summary: "用户列表 Users",
      security: bearer,
      middleware: admin(),
      request: {
        query: z.object({
          role: z.enum(ROLES).optional(),
          unit: slug.optional(),
          q: z.string().trim().min(1).max(60).optional(),
          ...pageQuery({ max: 200, default: 50 }, z.string().max(80)),
        }),
      },
      responses: { 200: ok(pageOf(UserRecord), "用户 Users"), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { platform } = c.get("services");
      const where: SQL[] = [];
      if (q.role) where.push(eq(users.role, q.role));
      const scope = scopeOf(c);
      if (scope) where.push(eq(users.unit, scope));
      else if (q.unit) where.push(eq(users.unit, q.unit));
      if (q.q) where.push(sql`instr(${users.username} || ' ' || ${users.displayName}, ${q.q}) > 0`);
      if (q.cursor) where.push(gt(users.username, q.cursor));
      const rows = await platform.select({ id: users.id, username: users.username }).from(users).where(where.length ? and(...where) : undefined).orderBy(asc(users.username)).limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const items = (await Promise.all(page.map((r) => userView(platform, r.id)))).filter((u) => u !== undefined);
      return c.json({ items, nextCursor: rows.length > q.limit ? (page.at(-1)?.username ?? null) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/users/{id}",
      tags: ["admin"],
      summary: "用户 One user",
      security: bearer,
      middleware: admin(),
      request: { params: IdParam },
      responses: { 200: ok(UserRecord, "用户 User"), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const user = await userView(c.get("services").platform, c.req.valid("param").id);
      const scope = scopeOf(c);
      if (!user || (scope && user.unit !== scope)) throw new ApiError("NOT_FOUND", "error.not_found");
      c.header("ETag", etag(user.version));
      return c.json(user, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/users",
      tags: ["admin"],
      summary: "新建用户 Create a user",
      security: bearer,
      middleware: admin(),
      request: {
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, "用户名须为 2–40 位小写字母、数字或 . _ - | 2–40 lowercase letters, digits, . _ -"),
                  displayName,
                  password,
                  role: z.enum(ROLES),
                  unit: slug.optional(),
                  programs: z.array(slug).max(20).optional(),
                  areaCode: AreaCode.optional(),
                })
                .strict()
                .openapi("UserCreate"),
            },
          },
          required: true,
        },
      },
      responses: { 201: ok(UserRecord, "已创建 Created"), ...errors(400, 401, 403, 409) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { platform } = c.get("services");
      const scope = scopeOf(c);
      if (scope && (!UNIT_ROLE_SET.includes(body.role) || (body.unit ?? scope) !== scope)) throw outOfScope();
      if (scope) body.unit = scope;
      fail([
        ...scopeProblems(body.role, body.unit, body.programs, body.areaCode),
        ...(await checkReferences(platform, body.unit, body.programs, body.areaCode)),
        ...(await passwordProblems(c.get("services").platform, body.password, [body.username, body.displayName, body.unit ?? ""])),
      ]);
      if ((await platform.select({ id: users.id }).from(users).where(eq(users.username, body.username))).length) throw new ApiError("CONFLICT", "error.conflict", {}, [{ path: "body.username", message: "用户名已被使用 | Username taken" }]);
      const id = `user-${newId()}`;
      const passwordHash = await hashPassword(body.password);
      const after = { username: body.username, displayName: body.displayName, role: body.role, unit: body.unit ?? null, programs: body.programs ?? [], areaCode: body.areaCode ?? null };
      try {
        await platform.batch([
          platform.insert(users).values({ id, username: body.username, displayName: body.displayName, passwordHash, role: body.role, unit: body.unit ?? null, areaCode: body.areaCode ?? null }),
          ...(body.programs ?? []).map((program) => platform.insert(userPrograms).values({ userId: id, program })),
          platform.insert(platformAudit).values({ actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "user", entityId: id, before: null, after }),
        ]);
      } catch (error) {
        if (String(error).includes("UNIQUE")) throw new ApiError("CONFLICT", "error.conflict", {}, [{ path: "body.username", message: "用户名已被使用 | Username taken" }]);
        throw error;
      }
      c.header("ETag", etag(1));
      return c.json((await userView(platform, id))!, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/users/{id}",
      tags: ["admin"],
      summary: "修改用户 Change a user (If-Match)",
      security: bearer,
      middleware: admin(),
      request: {
        params: IdParam,
        headers: z.object({ "if-match": z.string().optional() }),
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  displayName: displayName.optional(),
                  role: z.enum(ROLES).optional(),
                  unit: slug.nullable().optional(),
                  programs: z.array(slug).max(20).optional(),
                  areaCode: AreaCode.nullable().optional(),
                  disabled: z.boolean().optional(),
                  password: password.optional(),
                })
                .strict()
                .refine((o) => Object.keys(o).length > 0, "至少修改一项 | Change at least one thing")
                .openapi("UserUpdate"),
            },
          },
          required: true,
        },
      },
      responses: { 200: ok(UserRecord, "已修改 Updated"), ...errors(400, 401, 403, 404, 412, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const version = requireIfMatch(c.req.header("if-match"));
      const { platform } = c.get("services");
      const before = await userView(platform, id);
      const scope = scopeOf(c);
      if (!before || (scope && (before.unit !== scope || !UNIT_ROLE_SET.includes(before.role)))) throw new ApiError("NOT_FOUND", "error.not_found");
      if (scope && ((body.role && !UNIT_ROLE_SET.includes(body.role)) || (body.unit !== undefined && body.unit !== scope))) throw outOfScope();
      if (before.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      const role = body.role ?? before.role;
      const unit = body.unit !== undefined ? body.unit : before.unit;
      const progs = body.programs ?? before.programs;
      const unitRole = role === "unit_admin" || role === "unit_editor" || role === "viewer";
      // Changing the role away from a unit or from coordinating clears what no longer applies.
      const nextUnit = unitRole ? unit : null;
      const nextPrograms = role === "coordinator" ? progs : [];
      const nextArea = role === "recipient" ? (body.areaCode !== undefined ? body.areaCode : before.areaCode) : null;
      fail([
        ...scopeProblems(role, nextUnit, nextPrograms, nextArea),
        ...(await checkReferences(platform, body.unit ?? undefined, body.programs, body.areaCode)),
        ...(body.password ? await passwordProblems(c.get("services").platform, body.password, [before.username, body.displayName ?? before.displayName, nextUnit ?? ""]) : []),
      ]);
      if (c.get("auth").userId === id && (body.disabled || (body.role && body.role !== "admin"))) {
        throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: "body", message: "不能停用自己或取消自己的管理员角色 | You cannot disable yourself or drop your own admin role" }]);
      }
      const changes = {
        displayName: body.displayName ?? before.displayName,
        role,
        unit: nextUnit,
        disabled: body.disabled ?? before.disabled,
        ...(body.password ? { passwordHash: await hashPassword(body.password) } : {}),
        version: version + 1,
      };
      const after = { displayName: changes.displayName, role, unit: nextUnit, programs: nextPrograms, areaCode: nextArea, disabled: changes.disabled, passwordChanged: Boolean(body.password) };
      const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "user", entityId: id, before, after };
      const won = ifAudited(entry);
      const [updated] = await c.get("services").platformClient.batch(
        [
          {
            sql: "UPDATE users SET display_name = ?, role = ?, unit = ?, area_code = ?, disabled = ?, password_hash = COALESCE(?, password_hash), version = ?, updated_at = ? WHERE id = ? AND version = ?",
            args: [changes.displayName, role, nextUnit, nextArea, changes.disabled ? 1 : 0, ("passwordHash" in changes ? changes.passwordHash : null) ?? null, version + 1, new Date().toISOString(), id, version],
          },
          auditIfWon(entry),
          // Only the programs that change: each one ends the coordinator's sessions (a trigger), a
          // rename alone must not.
          ...before.programs.filter((p) => !nextPrograms.includes(p)).map((program) => ({ sql: `DELETE FROM user_programs WHERE user_id = ? AND program = ? AND ${won.sql}`, args: [id, program, ...won.args] })),
          ...nextPrograms.filter((p) => !before.programs.includes(p)).map((program) => ({ sql: `INSERT INTO user_programs (user_id, program) SELECT ?, ? WHERE ${won.sql}`, args: [id, program, ...won.args] })),
        ],
        "write",
      );
      if (!updated || updated.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      const view = (await userView(platform, id))!;
      c.header("ETag", etag(view.version));
      return c.json(view, 200);
    },
  );
}
