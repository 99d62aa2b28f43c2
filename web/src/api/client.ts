/**
 * The one way the UI talks to the API: the session cookie (sent by the browser, same origin only),
 * Accept-Language from the UI language, JSON in and out, the error envelope turned into an
 * ApiFailure, and 401 → sign-in.
 */
import { langStore, t } from "../i18n";
import { session, signOut } from "../session";

/** A field or row problem from the error envelope. */
export interface ErrorDetail {
  path?: string;
  row?: number;
  column?: string;
  code?: string;
  message: string;
}

/** An API answer other than 2xx, with the envelope's code, message and details. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

export interface Sent<T> {
  data: T;
  etag: string | null;
}

type QueryValue = string | number | boolean | undefined | null;

/** A path with its query string (empty values left out). */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The headers every request carries (the session is the cookie, which the browser adds itself). */
export function baseHeaders(): Record<string, string> {
  return { "Accept-Language": langStore.get() === "en" ? "en" : "zh-CN" };
}

/** Turns a non-2xx response into an ApiFailure (signing out on 401 unless this was the sign-in itself). */
export async function failure(res: Response, path: string): Promise<ApiFailure> {
  let body: { error?: { code?: string; message?: string; details?: ErrorDetail[] } } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON (a proxy's page): keep the status
  }
  // The server says why (expired, account disabled, rights or password changed): the sign-in screen shows it.
  // At start-up a browser that simply has no session (RFC 6750: no error in the challenge) is told nothing.
  if (res.status === 401 && !path.startsWith("/api/auth/") && path !== "/api/me/password") {
    const refused = session.get() !== undefined || (res.headers.get("WWW-Authenticate") ?? "").includes("invalid_token");
    signOut(refused ? (body.error?.message ?? t("login.expired")) : null);
  }
  const retry = Number(res.headers.get("Retry-After"));
  return new ApiFailure(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? res.statusText, body.error?.details ?? [], Number.isFinite(retry) && retry > 0 ? retry : null);
}

/**
 * Sends a request and reads the JSON answer with its ETag.
 * @example const { data, etag } = await send<Project>("PATCH", "/api/t/dongguan/projects/p1", { status: "approved" }, { ifMatch: '"3"' })
 */
export async function send<T>(method: string, path: string, body?: unknown, options: { ifMatch?: string | null; form?: FormData } = {}): Promise<Sent<T>> {
  const headers = baseHeaders();
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (options.ifMatch) headers["If-Match"] = options.ifMatch;
  const res = await fetch(path, { method, headers, body: options.form ?? (body === undefined ? undefined : JSON.stringify(body)) });
  if (!res.ok) throw await failure(res, path);
  const data = res.status === 204 ? (null as T) : ((await res.json()) as T);
  return { data, etag: res.headers.get("ETag") };
}

/** GET and return the JSON body. */
export async function get<T>(path: string, query: Record<string, QueryValue> = {}): Promise<T> {
  return (await send<T>("GET", withQuery(path, query))).data;
}

/** The If-Match value for a record version. */
export function versionTag(version: number): string {
  return `"${version}"`;
}
