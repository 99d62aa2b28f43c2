/** Schemas and response declarations shared by every route's OpenAPI declaration. */
import { z } from "@hono/zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "../errors";

/** One problem: a field's path, or a spreadsheet's row and column. */
export const ErrorDetailSchema = z.object({
  path: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  code: z.string().optional(),
  message: z.string(),
});

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]).openapi({ description: "稳定的错误代码 The stable error code (the status follows from it)", example: "VALIDATION_FAILED" }),
      message: z.string().openapi({ example: "提交的内容未通过校验，请按字段提示修改后重试。" }),
      details: z.array(ErrorDetailSchema),
      requestId: z.string().openapi({ description: "请求编号：报告问题时请附上 The request id: quote it when reporting a problem" }),
    }),
  })
  .openapi("Error");

const DESCRIPTIONS: Record<number, string> = {
  400: "请求无效 Invalid request (field paths in details)",
  401: "未登录或令牌无效 Not signed in or invalid token",
  403: "无权访问 Forbidden",
  404: "不存在 Not found",
  409: "冲突 Conflict",
  412: "版本已变化 The record changed (stale If-Match)",
  422: "无法处理 Cannot be done in this state (the message says why)",
  428: "缺少 If-Match Precondition required",
  429: "尝试过多 Too many attempts",
  503: "暂不可用 Unavailable",
};

/**
 * The error responses a route can give, for its OpenAPI declaration.
 * @example responses: { 200: ok(Schema, "…"), ...errors(400, 401, 403) }
 */
export function errors<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? "Error", content: { "application/json": { schema: ErrorSchema } } }]),
  ) as Record<S, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }>;
}

/** A JSON success response declaration. */
export function ok<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** Routes that need a signed-in caller declare this: a bearer token, or the web's session cookie. */
export const bearer: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

export const UnitSlugParam = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/)
  .openapi({ param: { name: "unit", in: "path" }, example: "dongguan" });

export const ProgramSlugParam = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/)
  .openapi({ param: { name: "program", in: "path" }, example: "gd-old-areas" });

/**
 * The one pagination contract of every list: `?cursor=&limit=` in, `{ items, nextCursor }` out,
 * newest or first page when no cursor; `nextCursor` is the opaque text to pass for the next page,
 * null on the last. (Keyset cursors: a page costs the same on the first and the thousandth.)
 */
export function pageQuery(limit: { max: number; default: number }, cursor: z.ZodString = z.string().max(300)) {
  return {
    cursor: cursor.optional().openapi({ description: "上一页返回的 nextCursor The previous page's nextCursor" }),
    limit: z.coerce.number().int().min(1).max(limit.max).default(limit.default),
  };
}

/** A cursor that is a row id (audit entries, notices): digits only. */
export const idCursor = () => z.string().regex(/^[1-9]\d{0,15}$/);

/** A page of `item`s (plus any fields the list adds, e.g. a total or an unread count). */
export function pageOf<T extends z.ZodType, E extends z.ZodRawShape = {}>(item: T, extra?: E) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), ...(extra ?? ({} as E)) });
}
