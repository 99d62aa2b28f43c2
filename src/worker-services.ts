/**
 * Builds the services for Cloudflare Workers from the Worker's bindings: the platform database and
 * each tenant database over libSQL's HTTP protocol. Built once per isolate.
 */
import { inlineSheetWork } from "./sheets/work";
import type { Config, Env } from "./env";
import { createLogger } from "./log";
import { platformDb, type Services } from "./services";
import { CloudflareQueue, type QueueProducer } from "./jobs/queue";
import { inProcessJobQueue } from "./jobs/handle";
import { writeRefresher } from "./figures/refresh";
import { TenantDirectory } from "./tenants/directory";
import { remoteDatabases } from "./remote-databases";
import { r2FileStore, type R2Like } from "./files/store";

export function createWorkerServices(env: Env, config: Config, fetchImpl?: typeof fetch, producer?: QueueProducer, bucket?: R2Like): Services {
  const log = createLogger(config.logLevel);
  const { platformClient, connector } = remoteDatabases(env, { dbFetch: fetchImpl, apiFetch: fetchImpl });
  const platform = platformDb(platformClient);
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
    queue: producer ? new CloudflareQueue(producer) : inProcessJobQueue(() => services),
    sheets: inlineSheetWork(),
    // Evidence files in R2 (binding FILES); without it uploads answer 503, nothing else changes.
    files: bucket ? r2FileStore(bucket) : null,
  };
  return services;
}
