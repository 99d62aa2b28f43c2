/**
 * A choice the API takes from people (a role, a kind of unit, a group's basis…): a zod enum whose
 * refusal names the choices as people know them (应为以下之一：平台管理员、牵头部门…), not their codes.
 */
import { z } from "@hono/zod-openapi";
import { choiceMessage, type Names } from "./labels";

export function choice<T extends readonly [string, ...string[]]>(values: T, names: Readonly<Record<T[number], Names>>) {
  const list = values.map((v) => names[v as T[number]]);
  return z.enum(values, { error: () => choiceMessage(list.map((n) => n[0]), list.map((n) => n[1])) });
}
