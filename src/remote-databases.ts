/**
 * The remote database configuration both runtimes share: the platform database and each tenant's
 * over libSQL's HTTP protocol (Turso, or self-hosted sqld servers). Workers always run this way;
 * Node does when PLATFORM_DB_URL and TENANT_DB_URL_TEMPLATE are set (the on-premises cluster path).
 */
import { createClient, type Client } from "@libsql/client/web";
import { ConfigError, type Env } from "./env";
import type { TenantConnector } from "./tenants/connector";
import { retryingFetch } from "./tenants/retrying-fetch";
import { NO_CLIENT_QUEUE, provisionerOf, webConnector } from "./tenants/web-connector";

export interface RemoteDatabases {
  platformClient: Client;
  connector: TenantConnector;
}

/** Whether the environment names remote databases. */
export function usesRemoteDatabases(env: Env): boolean {
  return Boolean(env.PLATFORM_DB_URL || env.TENANT_DB_URL_TEMPLATE);
}

/**
 * `dbFetch` carries database requests (DB_CONNECT_TO on Node, a test's counter), `apiFetch` the
 * provisioning API's; both default to the runtime's fetch.
 */
export function remoteDatabases(env: Env, fetches: { dbFetch?: typeof fetch | undefined; apiFetch?: typeof fetch | undefined } = {}): RemoteDatabases {
  const fetchImpl = retryingFetch(fetches.dbFetch, env.DB_REQUEST_TIMEOUT_MS);
  if (!env.PLATFORM_DB_URL) throw new ConfigError("PLATFORM_DB_URL is required with remote databases");
  if (!env.TENANT_DB_URL_TEMPLATE) throw new ConfigError("TENANT_DB_URL_TEMPLATE is required with remote databases");
  if (!env.TENANT_DB_URL_TEMPLATE.includes("{tenant}")) throw new ConfigError("TENANT_DB_URL_TEMPLATE must contain {tenant}");
  const platformClient = createClient({ url: env.PLATFORM_DB_URL, authToken: env.PLATFORM_DB_TOKEN, concurrency: NO_CLIENT_QUEUE, fetch: fetchImpl });
  const connector = webConnector({
    urlTemplate: env.TENANT_DB_URL_TEMPLATE,
    authToken: env.TENANT_DB_TOKEN,
    provision: provisionerOf(env),
    fetch: fetchImpl,
    ...(fetches.apiFetch ? { apiFetch: fetches.apiFetch } : {}),
  });
  return { platformClient, connector };
}
