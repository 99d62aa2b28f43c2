/**
 * Helpers shared by the reliability tests: what a tenant and the platform hold (to prove that a
 * refused request wrote nothing), the error envelope's shape, and the OpenAPI document's operations.
 */
import type { Harness } from "../support/harness";

/** The tenant tables the ledger writes, besides audit_log. */
export const LEDGER_TABLES = ["sub_units", "pairings", "projects", "funds", "cadres", "activities", "targets", "submissions"] as const;

export type Counts = Record<string, number>;

async function tenantClient(h: Harness, slug: string) {
  const unit = await h.services.tenants.find(slug);
  if (!unit) throw new Error(`no unit ${slug}`);
  return (await h.services.tenants.lease(unit)).client;
}

/**
 * Row counts of every ledger table and of audit_log, and the sum of the versions (so an UPDATE that
 * changed a record is seen even when no row was added).
 */
export async function tenantCounts(h: Harness, slug: string): Promise<Counts> {
  const client = await tenantClient(h, slug);
  const parts = [...LEDGER_TABLES.map((t) => `SELECT '${t}' AS k, COUNT(*) AS n FROM ${t} UNION ALL SELECT '${t}.versions', COALESCE(SUM(version), 0) FROM ${t}`), "SELECT 'audit_log', COUNT(*) FROM audit_log"];
  const { rows } = await client.execute(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}

/** Row counts of the platform tables a write route could touch. */
export async function platformCounts(h: Harness): Promise<Counts> {
  const { rows } = await h.services.platformClient.execute(
    "SELECT 'units' AS k, COUNT(*) AS n FROM units UNION ALL SELECT 'platform_audit', COUNT(*) FROM platform_audit " +
      "UNION ALL SELECT 'program_rules.versions', COALESCE(SUM(version), 0) FROM program_rules UNION ALL SELECT 'reports', COUNT(*) FROM reports " +
      "UNION ALL SELECT 'job_runs', COUNT(*) FROM job_runs UNION ALL SELECT 'users', COUNT(*) FROM users",
  );
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}

/** The differences between two count snapshots, only the keys that changed. */
export function diff(before: Counts, after: Counts): Counts {
  const out: Counts = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[key] ?? 0) - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

/** Whether a body is exactly the API's error envelope `{ error: { code, message, details } }`. */
export function isErrorEnvelope(body: unknown): boolean {
  if (!body || typeof body !== "object" || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== "error") return false;
  const error = (body as { error: unknown }).error as Record<string, unknown> | null;
  if (!error || typeof error !== "object") return false;
  return (
    typeof error.code === "string" &&
    error.code.length > 0 &&
    typeof error.message === "string" &&
    error.message.length > 0 &&
    Array.isArray(error.details) &&
    typeof error.requestId === "string" &&
    error.requestId.length > 0
  );
}

export interface Operation {
  method: string;
  path: string;
  jsonBody: boolean;
}

/** Every operation of the OpenAPI document the app serves. */
export async function operations(h: Harness): Promise<Operation[]> {
  const doc = (await (await h.app.request("/api/openapi.json")).json()) as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      out.push({ method: method.toUpperCase(), path, jsonBody: Boolean(op.requestBody?.content?.["application/json"]) });
    }
  }
  return out;
}

/** An OpenAPI path with its {params} filled. */
export function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}
