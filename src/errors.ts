/**
 * One error class and one envelope for the whole API:
 * `{ "error": { "code", "message", "details" } }` — `code` is the stable English key, `message`
 * is for the clerk (zh-CN unless the client prefers English), `details` says which field or row.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { t, type MessageKey } from "./i18n";
import type { AppEnv } from "./types";
import { classifyFault, FAULT_MESSAGES, REQUEST_FAULTS, recordFault } from "./tenants/faults";
import { pickBilingual } from "./validation";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  LOCKED: 423,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field or row; `path` is dotted (`body.items.3.amount`). */
export interface ErrorDetail {
  path?: string;
  row?: number;
  column?: string;
  code?: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[]; requestId: string };
}

/**
 * The API's only error. Thrown anywhere; `onError` turns it into the envelope.
 * @example throw new ApiError("FORBIDDEN", "error.forbidden_unit")
 */
export class ApiError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(ERROR_STATUS[code], { message: messageKey });
  }
}

/** The envelope itself: every error answer, on both runtimes and before the app exists, is built here. */
export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[], requestId: string): ErrorBody {
  return { error: { code, message, details, requestId } };
}

/** Renders the envelope in the request's language. */
export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const lang = c.get("lang") ?? "zh-CN";
  const details = error.details.map((d) => ({ ...d, message: pickBilingual(d.message, lang) }));
  // Every error carries the request id, so a clerk's report ("请求编号 …") finds its log lines.
  const body = errorBody(error.code, t(lang, error.messageKey, error.params), details, c.get("requestId") ?? "unknown");
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(body, ERROR_STATUS[error.code]);
}

/**
 * The app's `onError`: known errors become their envelope; anything else is logged with the
 * request id and answered with a 500 that carries the id and nothing from inside.
 */
export async function handleError(err: Error, c: Context<AppEnv>): Promise<Response> {
  if (err instanceof ApiError) return errorResponse(c, err);
  const fault = classifyFault(err);
  const tenant = c.get("tenant");
  if (fault && tenant) {
    // The unit's database failed under a request: the unit's fault, not a bug (src/tenants/faults.ts).
    c.get("services").log.error("tenant database fault", { unit: tenant.unit.slug, fault, requestId: c.get("requestId"), error: describe(err) });
    if (!REQUEST_FAULTS.has(fault)) await recordFault(c.get("services").platform, tenant.unit.slug, fault).catch(() => undefined);
    return errorResponse(c, new ApiError("UNAVAILABLE", "error.tenant_unavailable", {}, [{ code: fault, message: FAULT_MESSAGES[fault] }]));
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own 4xx (e.g. a malformed JSON body seen by the validator, or the body limit).
    const code: ErrorCode = err.status === 413 ? "PAYLOAD_TOO_LARGE" : err.status === 401 ? "UNAUTHORIZED" : "BAD_REQUEST";
    const key: MessageKey = err.status === 413 ? "error.payload_too_large" : err.status === 401 ? "error.unauthorized" : "error.invalid_json";
    return errorResponse(c, new ApiError(code, key));
  }
  const requestId = c.get("requestId") ?? "unknown";
  c.get("services")?.log.error("unhandled error", { requestId, method: c.req.method, path: c.req.path, error: describe(err) });
  const lang = c.get("lang") ?? "zh-CN";
  return c.json(errorBody("INTERNAL", t(lang, "error.internal", { requestId }), [], requestId), 500);
}

function describe(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { value: String(err) };
}
