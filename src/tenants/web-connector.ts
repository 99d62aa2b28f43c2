/**
 * The edge tenant connector: each tenant is a libSQL database reached over HTTP with
 * `@libsql/client/web` (the only client workerd can run), at a URL built from a template —
 * Turso's database-per-tenant pattern, e.g. `libsql://{tenant}-myorg.turso.io` — with one group
 * token. New databases are created through the Turso Platform API when its token is configured;
 * without one (a self-hosted server that creates namespaces itself, or tests) they are assumed to exist.
 */
import { createClient } from "@libsql/client/web";
import type { TenantConnector } from "./connector";

export interface WebConnectorOptions {
  urlTemplate: string;
  authToken?: string | undefined;
  turso?: { apiUrl: string; apiToken: string; org: string; group: string } | undefined;
  /** Injected fetch (the Worker's global by default). */
  fetch?: typeof fetch;
}

/** The URL of a tenant database from the template. */
export function tenantUrl(template: string, slug: string): string {
  if (!template.includes("{tenant}")) throw new Error("TENANT_DB_URL_TEMPLATE must contain {tenant}");
  return template.replaceAll("{tenant}", slug);
}

export function webConnector(options: WebConnectorOptions): TenantConnector {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const api = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const turso = options.turso!;
    return doFetch(`${turso.apiUrl.replace(/\/$/, "")}/v1/organizations/${encodeURIComponent(turso.org)}${path}`, {
      method,
      headers: { authorization: `Bearer ${turso.apiToken}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };
  return {
    evictable: true,
    blocking: false,
    async create(slug) {
      if (options.turso) {
        const res = await api("POST", "/databases", { name: slug, group: options.turso.group });
        // 409: the database exists already (a retried creation) — that is what we wanted.
        if (!res.ok && res.status !== 409) throw new Error(`Turso could not create database ${slug}: HTTP ${res.status}`);
      }
      return tenantUrl(options.urlTemplate, slug);
    },
    async destroy(slug) {
      if (!options.turso) return;
      const res = await api("DELETE", `/databases/${encodeURIComponent(slug)}`);
      if (!res.ok && res.status !== 404) throw new Error(`Turso could not delete database ${slug}: HTTP ${res.status}`);
    },
    open(slug) {
      return createClient({ url: tenantUrl(options.urlTemplate, slug), authToken: options.authToken, ...(options.fetch ? { fetch: options.fetch } : {}) });
    },
  };
}
