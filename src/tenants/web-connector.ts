/**
 * The remote tenant connector: each tenant is a libSQL database reached over HTTP with
 * `@libsql/client/web` (the only client workerd can run; Node runs it too), at a URL built from a
 * template — Turso's database-per-tenant pattern, e.g. `libsql://{tenant}-myorg.turso.io`, or a
 * self-hosted sqld with namespaces, e.g. `http://{tenant}.db.internal:8080`. New databases are
 * created through the Turso Platform API or sqld's admin API, whichever is configured; without
 * either they are assumed to exist (created by an operator).
 */
import { createClient } from "@libsql/client/web";
import type { TenantConnector } from "./connector";

export type Provisioner =
  | { kind: "turso"; apiUrl: string; apiToken: string; org: string; group: string }
  /** sqld's admin API (`--admin-listen-addr`, key from `--admin-auth-key`). */
  | { kind: "sqld"; adminUrl: string; adminKey?: string | undefined };

export interface WebConnectorOptions {
  urlTemplate: string;
  authToken?: string | undefined;
  provision?: Provisioner | undefined;
  /** Injected fetch for database requests (the runtime's global by default). */
  fetch?: typeof fetch;
  /** Injected fetch for the provisioning API (the runtime's global by default). */
  apiFetch?: typeof fetch;
}

/**
 * The client's own request queue is switched off (a bound no request reaches). Its default of 20
 * holds requests beyond the 20th and starts each from another request's completion; in workerd that
 * fetch then belongs to the other request's I/O context, and when that request ends the waiting one
 * is cancelled as hung (100 concurrent requests: 4 of 7 test groups failed). Workers bound outgoing
 * connections per request themselves (6 at once), within the right context.
 */
export const NO_CLIENT_QUEUE = 1_000_000;

/** The URL of a tenant database from the template. */
export function tenantUrl(template: string, slug: string): string {
  if (!template.includes("{tenant}")) throw new Error("TENANT_DB_URL_TEMPLATE must contain {tenant}");
  return template.replaceAll("{tenant}", slug);
}

export function webConnector(options: WebConnectorOptions): TenantConnector {
  const doFetch = options.apiFetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const provision = options.provision;

  /** The request that creates or deletes a tenant's database, per provisioner. */
  function call(method: "POST" | "DELETE", slug: string): Promise<Response> {
    if (provision!.kind === "turso") {
      const base = `${provision!.apiUrl.replace(/\/$/, "")}/v1/organizations/${encodeURIComponent(provision!.org)}/databases`;
      const headers = { authorization: `Bearer ${provision!.apiToken}`, "content-type": "application/json" };
      return method === "POST"
        ? doFetch(base, { method, headers, body: JSON.stringify({ name: slug, group: provision!.group }) })
        : doFetch(`${base}/${encodeURIComponent(slug)}`, { method, headers });
    }
    const base = `${provision!.adminUrl.replace(/\/$/, "")}/v1/namespaces/${encodeURIComponent(slug)}`;
    const headers: Record<string, string> = { "content-type": "application/json", ...(provision!.adminKey ? { authorization: `basic ${provision!.adminKey}` } : {}) };
    return method === "POST" ? doFetch(`${base}/create`, { method, headers, body: "{}" }) : doFetch(base, { method, headers });
  }

  return {
    evictable: true,
    blocking: false,
    async create(slug) {
      if (provision) {
        const res = await call("POST", slug);
        // The database exists already (a retried creation) — that is what we wanted: Turso says 409, sqld 400 "already exists".
        const exists = res.status === 409 || (res.status === 400 && (await res.text()).includes("already exists"));
        if (!res.ok && !exists) throw new Error(`${provision.kind} could not create database ${slug}: HTTP ${res.status}`);
      }
      return tenantUrl(options.urlTemplate, slug);
    },
    async destroy(slug) {
      if (!provision) return;
      const res = await call("DELETE", slug);
      if (!res.ok && res.status !== 404) throw new Error(`${provision.kind} could not delete database ${slug}: HTTP ${res.status}`);
    },
    open(slug) {
      return createClient({ url: tenantUrl(options.urlTemplate, slug), authToken: options.authToken, concurrency: NO_CLIENT_QUEUE, ...(options.fetch ? { fetch: options.fetch } : {}) });
    },
  };
}

/** The provisioner the environment configures, if any (Turso's API wins when both are set). */
export function provisionerOf(env: {
  TURSO_API_URL: string;
  TURSO_API_TOKEN?: string | undefined;
  TURSO_ORG?: string | undefined;
  TURSO_GROUP: string;
  TENANT_DB_ADMIN_URL?: string | undefined;
  TENANT_DB_ADMIN_KEY?: string | undefined;
}): Provisioner | undefined {
  if (env.TURSO_API_TOKEN && env.TURSO_ORG) return { kind: "turso", apiUrl: env.TURSO_API_URL, apiToken: env.TURSO_API_TOKEN, org: env.TURSO_ORG, group: env.TURSO_GROUP };
  if (env.TENANT_DB_ADMIN_URL) return { kind: "sqld", adminUrl: env.TENANT_DB_ADMIN_URL, adminKey: env.TENANT_DB_ADMIN_KEY };
  return undefined;
}
