import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { ROLES, userPrograms, users } from "../../../db/platform/schema";
import type { PlatformDb } from "../../services";

export const UserRecord = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    unit: z.string().nullable(),
    programs: z.array(z.string()),
    areaCode: z.string().nullable().openapi({ description: "受援地用户的地区 A recipient user's area (a county, or a prefecture with its counties)" }),
    disabled: z.boolean(),
    demo: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi("UserRecord");

export type UserView = z.infer<typeof UserRecord>;

/** A user as the API shows it: never the password hash. */
export async function userView(db: PlatformDb, id: string): Promise<UserView | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) return undefined;
  const programs = (await db.select({ program: userPrograms.program }).from(userPrograms).where(eq(userPrograms.userId, id))).map((p) => p.program).sort();
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unit: u.unit, programs, areaCode: u.areaCode, disabled: u.disabled, demo: u.demo, version: u.version, createdAt: u.createdAt, updatedAt: u.updatedAt };
}

/** Unit roles need exactly one unit; coordinators need programs; recipients an area; admins none of these. */
export function scopeProblems(role: (typeof ROLES)[number], unit: string | null | undefined, programs: string[] | undefined, area?: string | null) {
  const problems: { path: string; message: string }[] = [];
  const unitRole = role === "unit_admin" || role === "unit_editor" || role === "viewer";
  if (unitRole && !unit) problems.push({ path: "body.unit", message: "该角色须指定所属单位 | This role needs a unit" });
  if (!unitRole && unit) problems.push({ path: "body.unit", message: "该角色不属于某一单位 | This role belongs to no unit" });
  if (role === "coordinator" && !(programs && programs.length)) problems.push({ path: "body.programs", message: "牵头部门须指定其协调的帮扶工作 | A coordinator needs at least one program" });
  if (role !== "coordinator" && programs && programs.length) problems.push({ path: "body.programs", message: "只有牵头部门协调帮扶工作 | Only coordinators coordinate programs" });
  if (role === "recipient" && !area) problems.push({ path: "body.areaCode", message: "受援地用户须指定所在地区（县或市州）| A recipient user needs an area" });
  if (role !== "recipient" && area) problems.push({ path: "body.areaCode", message: "只有受援地用户属于某一地区 | Only recipient users belong to an area" });
  return problems;
}

/** Bounded here; what a password must be is judged by passwordProblems, which also knows the user. */
export const password = z.string().min(1).max(1024);
export const displayName = z.string().trim().min(1).max(60);
export const slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/);

/** A recipient area's code (a county, or a prefecture with its counties). */
export const AreaCode = z.string().regex(/^\d{6}$/, "应为 6 位地区代码 | A 6-digit area code");
