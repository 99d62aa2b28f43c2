/**
 * The Node entry — the embedded default. Parses the environment, migrates and seeds, serves the
 * API (and the built web frontend when present) on PORT, and runs the cron schedule of wrangler.toml.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Cron } from "croner";
import { Hono } from "hono";
import { DEMO_PASSWORD } from "./seed/demo-users";
import { createApp } from "./app";
import { ConfigError, parseEnv, toConfig } from "./env";
import { cronsFromWranglerToml } from "./jobs/crons";
import { runScheduled } from "./jobs/schedule";
import { createLogger } from "./log";
import { headersFor, parseHeadersFile } from "./static-headers";
import { closeServices, createNodeServices } from "./node-services";
import { bootstrap } from "./platform/bootstrap";
import { seedDocuments } from "./seed/seed";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function main(rawEnv: Record<string, unknown> = process.env) {
  const env = parseEnv(rawEnv);
  const config = toConfig(env);
  const log = createLogger(config.logLevel);
  const services = await createNodeServices(env, config, log);
  const started = Date.now();
  const report = await bootstrap(services, { seed: seedDocuments, migrateTenants: true });
  log.info("bootstrap done", {
    ms: Date.now() - started,
    platformSchema: report.platform.to,
    tenants: report.tenants.length,
    tenantsCreated: report.seed?.unitsCreated.length ?? 0,
  });

  const app = createApp(services);
  const webRoot = join(root, "web", "dist");
  if (existsSync(webRoot)) {
    const headerRules = existsSync(join(webRoot, "_headers")) ? parseHeadersFile(readFileSync(join(webRoot, "_headers"), "utf8")) : [];
    // The web pages and assets: never for /api/*, whose unknown paths answer the API's 404 envelope.
    const web = new Hono();
    web.use("*", async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(headersFor(c.req.path, headerRules))) c.res.headers.set(name, value);
    });
    web.use("/*", serveStatic({ root: webRoot }));
    web.get("*", serveStatic({ path: join(webRoot, "index.html") }));
    app.use("*", async (c, next) => (c.req.path === "/api" || c.req.path.startsWith("/api/") ? next() : web.fetch(c.req.raw, c.env)));
  }

  const crons = cronsFromWranglerToml(readFileSync(join(root, "wrangler.toml"), "utf8"));
  const jobs = crons.map(
    (expr) =>
      new Cron(expr, { timezone: "UTC", protect: true, catch: (e) => log.error("scheduled job failed", { cron: expr, error: String(e) }) }, async () => {
        await runScheduled(services, expr);
      }),
  );

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: config.host }, (info) => {
    log.info("duikou listening", { url: `http://${info.address === "0.0.0.0" ? "localhost" : info.address}:${info.port}`, mode: config.mode, crons });
    if (config.mode !== "production" && config.demoUsers) {
      console.log(
        `\n  对口 duikou — 演示账号 demo accounts (development only), password: ${DEMO_PASSWORD}\n` +
          "    demo-admin · demo-coordinator · demo-unit-admin · demo-editor · demo-viewer\n",
      );
    }
  });

  const stop = () => {
    for (const job of jobs) job.stop();
    server.close(() => {
      // Exit only once the threads have ended: the checkpoint thread may be inside a native call.
      void closeServices(services).finally(() => process.exit(0));
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return { server, services, app };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(`duikou: ${error.message}`);
    else console.error(error);
    process.exit(1);
  });
}
