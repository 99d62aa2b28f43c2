/**
 * Runs the real Worker bundle in workerd (Miniflare) against a Node data folder: every database
 * request the Worker makes over libSQL's HTTP protocol is answered by the Hrana adapter from the
 * embedded files, and calls to the Turso Platform API by a tiny stand-in that creates the file.
 * Used by the workerd tests and by `npm run dev:edge`.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { createHranaHandler } from "./hrana/handler";
import { bundleWorker } from "./worker-bundle";

export const PLATFORM_HOST = "platform.db.duikou.test";
export const TENANT_TEMPLATE = "http://{tenant}.db.duikou.test";
export const TURSO_API = "http://api.turso.test";
const TENANT_HOST = /^([a-z0-9-]+)\.db\.duikou\.test$/;

export interface Edge {
  mf: Miniflare;
  /** Requests the Worker made to the Turso Platform API stand-in. */
  tursoCalls: { method: string; path: string; body: unknown }[];
  /** Hosts the Worker may not reach: requests to them fail as if the database were down. */
  unreachable: Set<string>;
  close(): Promise<void>;
}

export async function startEdge(options: { dataDir: string; bindings?: Record<string, string>; port?: number }): Promise<Edge> {
  const tenantsDir = join(options.dataDir, "tenants");
  mkdirSync(tenantsDir, { recursive: true });
  const created = new Set<string>();
  const tursoCalls: Edge["tursoCalls"] = [];
  const unreachable = new Set<string>();

  const hrana = createHranaHandler({
    resolve(url) {
      if (url.hostname === PLATFORM_HOST) return join(options.dataDir, "platform.db");
      const slug = TENANT_HOST.exec(url.hostname)?.[1];
      if (!slug) return null;
      const file = join(tenantsDir, `${slug}.db`);
      // Like Turso: a database exists only once it was created.
      return existsSync(file) || created.has(slug) ? file : null;
    },
  });

  async function outbound(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (unreachable.has(url.hostname)) return new Response("unreachable", { status: 502 });
    if (url.origin === TURSO_API) {
      const body = request.method === "POST" ? await request.json() : null;
      tursoCalls.push({ method: request.method, path: url.pathname, body });
      const name = (body as { name?: string } | null)?.name;
      if (request.method === "POST" && name) {
        created.add(name);
        return Response.json({ database: { Name: name, Hostname: `${name}.db.duikou.test` } });
      }
      return Response.json({});
    }
    if (url.hostname.endsWith(".db.duikou.test")) return hrana.fetch(request);
    return new Response("no network in edge development", { status: 502 });
  }

  const mf = new Miniflare({
    modules: [{ type: "ESModule", path: "worker.js", contents: await bundleWorker() }],
    compatibilityDate: "2026-04-01",
    compatibilityFlags: ["nodejs_compat"],
    bindings: {
      DUIKOU_ENV: "development",
      PLATFORM_DB_URL: `http://${PLATFORM_HOST}`,
      TENANT_DB_URL_TEMPLATE: TENANT_TEMPLATE,
      TURSO_API_URL: TURSO_API,
      TURSO_API_TOKEN: "edge-development-token",
      TURSO_ORG: "duikou-dev",
      ...options.bindings,
    },
    outboundService: outbound,
    // Scheduled reports fan out through a Queue, as in wrangler.toml.
    queueProducers: { REPORT_QUEUE: "duikou-reports" },
    queueConsumers: { "duikou-reports": { maxBatchSize: 4, maxBatchTimeout: 1, maxRetries: 2, deadLetterQueue: "duikou-reports-dlq" } },
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  await mf.ready;
  return {
    mf,
    tursoCalls,
    unreachable,
    async close() {
      await mf.dispose();
      hrana.close();
    },
  };
}
