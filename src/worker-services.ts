/**
 * Builds the services for Cloudflare Workers from the Worker's bindings: the platform database and
 * each tenant database over libSQL's HTTP protocol. Built once per isolate.
 */
import { inlineSheetWork } from "./sheets/work";
import { createClient } from "@libsql/client/web";
import { ConfigError, type Config, type Env } from "./env";
import { createLogger } from "./log";
import { platformDb, type Services } from "./services";
import { CloudflareQueue, type QueueProducer } from "./jobs/queue";
import { inProcessReportQueue } from "./jobs/report-jobs";
import { writeRefresher } from "./figures/refresh";
import { TenantDirectory } from "./tenants/directory";
import { webConnector } from "./tenants/web-connector";

export function createWorkerServices(env: Env, config: Config, fetchImpl?: typeof fetch, producer?: QueueProducer): Services {
  if (!env.PLATFORM_DB_URL) throw new ConfigError("PLATFORM_DB_URL is required on Workers");
  if (!env.TENANT_DB_URL_TEMPLATE) throw new ConfigError("TENANT_DB_URL_TEMPLATE is required on Workers");
  const log = createLogger(config.logLevel);
  const platformClient = createClient({ url: env.PLATFORM_DB_URL, authToken: env.PLATFORM_DB_TOKEN, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const platform = platformDb(platformClient);
  const connector = webConnector({
    urlTemplate: env.TENANT_DB_URL_TEMPLATE,
    authToken: env.TENANT_DB_TOKEN,
    turso:
      env.TURSO_API_TOKEN && env.TURSO_ORG
        ? { apiUrl: env.TURSO_API_URL, apiToken: env.TURSO_API_TOKEN, org: env.TURSO_ORG, group: env.TURSO_GROUP }
        : undefined,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const tenants = new TenantDirectory(platform, connector, log, env.TENANT_CONNECTION_CACHE);
  const services: Services = {
    runtime: "workers",
    config,
    platformClient,
    platform,
    tenants,
    log,
    snapshots: writeRefresher(() => services),
    // Without a queue binding (e.g. `npm run migrate -- --edge` from Node) work runs in-process.
    queue: producer ? new CloudflareQueue(producer) : inProcessReportQueue(() => services),
    sheets: inlineSheetWork(),
  };
  return services;
}
