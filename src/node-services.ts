/**
 * Builds the services for the Node runtime: embedded libSQL files under DATA_DIR (or in memory) by
 * default, or remote databases on sqld servers when PLATFORM_DB_URL and TENANT_DB_URL_TEMPLATE are
 * set. Used by src/node.ts, scripts and tests; never by routes.
 */
import type { Config, Env } from "./env";
import { createLogger, type Logger } from "./log";
import { platformDb, type Services } from "./services";
import { inProcessJobQueue } from "./jobs/handle";
import { writeRefresher } from "./figures/refresh";
import { threadSheetWork } from "./sheets/thread";
import { remoteDatabases, usesRemoteDatabases } from "./remote-databases";
import { connectToFetch } from "./tenants/connect-to-fetch";
import { TenantDirectory } from "./tenants/directory";
import { nodeConnector, openEmbedded, platformPath, useWal } from "./tenants/node-connector";
import { diskFileStore } from "./files/node-store";
import { memoryFileStore } from "./files/store";

export async function createNodeServices(env: Env, config: Config, log: Logger = createLogger(config.logLevel)): Promise<Services> {
  const remote = usesRemoteDatabases(env);
  const { platformClient, connector } = remote
    ? remoteDatabases(env, { dbFetch: env.DB_CONNECT_TO ? connectToFetch(env.DB_CONNECT_TO) : undefined })
    : { platformClient: openEmbedded(platformPath(env.DATA_DIR), 8), connector: nodeConnector(env.DATA_DIR, log) };
  if (!remote && env.DATA_DIR !== ":memory:") await useWal(platformClient);
  const platform = platformDb(platformClient);
  const tenants = new TenantDirectory(platform, connector, log, env.TENANT_CONNECTION_CACHE);
  const services: Services = {
    runtime: "node",
    config,
    platformClient,
    platform,
    tenants,
    log,
    snapshots: writeRefresher(() => services),
    queue: inProcessJobQueue(() => services),
    sheets: threadSheetWork(),
    files: env.DATA_DIR === ":memory:" ? memoryFileStore() : diskFileStore(env.DATA_DIR),
  };
  return services;
}

/** Closes every connection and thread the services hold; resolves when the threads have ended. */
export async function closeServices(services: Services): Promise<void> {
  services.platformClient.close();
  await Promise.all([services.tenants.close(), services.sheets.close()]);
}
