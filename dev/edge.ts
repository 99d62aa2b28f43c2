/**
 * Runs the real Worker bundle in workerd (Miniflare) against the real libSQL server: sqld with one
 * namespace per tenant and one for the platform, seeded from Node over the same protocol (as
 * `npm run migrate` seeds Turso or an on-premises cluster). The Worker's database requests leave
 * through Miniflare's outbound service and reach sqld with their host name intact, so sqld picks
 * the namespace; calls to the Turso Platform API — the one thing sqld cannot answer — go to a small
 * stand-in that creates the namespace through sqld's admin API. Every database request is counted
 * (requests, rows read) for the budget checks. Used by the workerd tests, `npm run dev:edge` and the bench.
 */
import { Miniflare } from "miniflare";
import { createClient, type Client } from "@libsql/client/web";
import { parseEnv, toConfig } from "../src/env";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import { connectToFetch } from "../src/tenants/connect-to-fetch";
import { sqldRowCounts, startSqld, type Sqld } from "./sqld";
import { bundleWorker } from "../scripts/worker-bundle";
import { seedDocuments } from "../src/seed/seed";

export const DB_DOMAIN = "db.duikou.test";
export const PLATFORM_URL = `http://platform.${DB_DOMAIN}`;
export const TENANT_TEMPLATE = `http://{tenant}.${DB_DOMAIN}`;
export const TURSO_API = "http://api.turso.test";

/** What the Worker sent to its databases since the last reset. */
export interface Traffic {
  /** Database HTTP requests (each a subrequest on Workers), by namespace. */
  requests: Map<string, number>;
  rowsRead: number;
  rowsWritten: number;
  /** Largest database response body, in bytes. */
  largestResponse: number;
  reset(): void;
  total(): number;
}

export interface Edge {
  mf: Miniflare;
  sqld: Sqld;
  /** Environment for a Node process (or services) over the same databases. */
  env: Record<string, string>;
  /** Requests the Worker made to the Turso Platform API stand-in. */
  tursoCalls: { method: string; path: string; body: unknown }[];
  /** Namespaces the Worker may not reach: requests to them fail as if the database were down. */
  unreachable: Set<string>;
  /** Namespaces whose requests hang (never answered until released) — a stuck database. */
  hung: Set<string>;
  traffic: Traffic;
  /** A client from Node on a namespace ("platform" or a unit slug). */
  client(namespace: string): Client;
  close(): Promise<void>;
}

function trafficCounter(): Traffic {
  const t: Traffic = {
    requests: new Map(),
    rowsRead: 0,
    rowsWritten: 0,
    largestResponse: 0,
    reset() {
      t.requests.clear();
      t.rowsRead = 0;
      t.rowsWritten = 0;
      t.largestResponse = 0;
    },
    total: () => [...t.requests.values()].reduce((a, b) => a + b, 0),
  };
  return t;
}

export interface EdgeOptions {
  /** Where sqld keeps its data. */
  dataDir: string;
  bindings?: Record<string, string>;
  port?: number;
  /** Seed the documents' structure (and these Node variables, e.g. DEMO_LEDGER) before starting the Worker. */
  seed?: Record<string, string> | false;
}

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const sqld = await startSqld({ dataDir: options.dataDir });
  const toSqld = connectToFetch(sqld.address);
  const env = {
    PLATFORM_DB_URL: PLATFORM_URL,
    TENANT_DB_URL_TEMPLATE: TENANT_TEMPLATE,
    DB_CONNECT_TO: sqld.address,
    TENANT_DB_ADMIN_URL: sqld.adminUrl,
    TENANT_DB_ADMIN_KEY: sqld.adminKey,
  };
  await sqld.createNamespace("platform");
  if (options.seed !== false) {
    const nodeEnv = parseEnv({ DUIKOU_ENV: "test", LOG_LEVEL: "warn", ...options.bindings, ...options.seed, ...env });
    const services = await createNodeServices(nodeEnv, toConfig(nodeEnv), createLogger("warn"));
    try {
      await bootstrap(services, { seed: seedDocuments, migrateTenants: false });
    } finally {
      closeServices(services);
    }
  }

  const tursoCalls: Edge["tursoCalls"] = [];
  const unreachable = new Set<string>();
  const hung = new Set<string>();
  const releaseHung: (() => void)[] = [];
  const traffic = trafficCounter();

  async function outbound(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.origin === TURSO_API) {
      const body = request.method === "POST" ? await request.json() : null;
      tursoCalls.push({ method: request.method, path: url.pathname, body });
      const name = (body as { name?: string } | null)?.name ?? decodeURIComponent(url.pathname.split("/").pop() ?? "");
      if (request.method === "POST" && name) {
        await sqld.createNamespace(name);
        return Response.json({ database: { Name: name, Hostname: `${name}.${DB_DOMAIN}` } });
      }
      if (request.method === "DELETE" && name) {
        const res = await fetch(`${sqld.adminUrl}/v1/namespaces/${encodeURIComponent(name)}`, { method: "DELETE", headers: { authorization: `basic ${sqld.adminKey}` } });
        return new Response(null, { status: res.ok ? 200 : res.status });
      }
      return Response.json({});
    }
    if (url.hostname.endsWith(`.${DB_DOMAIN}`)) {
      const namespace = url.hostname.slice(0, -DB_DOMAIN.length - 1);
      traffic.requests.set(namespace, (traffic.requests.get(namespace) ?? 0) + 1);
      if (unreachable.has(namespace)) return new Response("unreachable", { status: 502 });
      if (hung.has(namespace)) await new Promise<void>((resolve) => releaseHung.push(resolve));
      const sent = process.env.EDGE_DEBUG ? await request.clone().text() : "";
      let response: Response;
      try {
        response = await toSqld(request);
      } catch (error) {
        if (process.env.EDGE_DEBUG) console.error("sqld fetch failed", namespace, error);
        throw error;
      }
      const text = await response.text();
      if (process.env.EDGE_DEBUG && response.status >= 400) console.error("sqld", namespace, response.status, text.slice(0, 300), sent.slice(0, 300));
      traffic.largestResponse = Math.max(traffic.largestResponse, text.length);
      const rows = sqldRowCounts(text);
      traffic.rowsRead += rows.read;
      traffic.rowsWritten += rows.written;
      return new Response(text, { status: response.status, headers: response.headers });
    }
    return new Response("no network in edge development", { status: 502 });
  }

  const mf = new Miniflare({
    modules: [{ type: "ESModule", path: "worker.js", contents: await bundleWorker() }],
    compatibilityDate: "2026-04-01",
    compatibilityFlags: ["nodejs_compat"],
    bindings: {
      DUIKOU_ENV: "development",
      PLATFORM_DB_URL: PLATFORM_URL,
      TENANT_DB_URL_TEMPLATE: TENANT_TEMPLATE,
      TURSO_API_URL: TURSO_API,
      TURSO_API_TOKEN: "edge-development-token",
      TURSO_ORG: "duikou-dev",
      ...options.bindings,
    },
    outboundService: async (request: Request) => {
      try {
        return await outbound(request);
      } catch (error) {
        console.error("edge outbound failed", request.url, error);
        throw error;
      }
    },
    // Scheduled work fans out through a Queue, as in wrangler.toml.
    queueProducers: { REPORT_QUEUE: "duikou-reports" },
    queueConsumers: { "duikou-reports": { maxBatchSize: 4, maxBatchTimeout: 1, maxRetries: 2, deadLetterQueue: "duikou-reports-dlq" } },
    // Evidence files, as in wrangler.toml (Miniflare's own R2, in memory).
    r2Buckets: { FILES: "duikou-files" },
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  await mf.ready;
  const clients: Client[] = [];
  return {
    mf,
    sqld,
    env,
    tursoCalls,
    unreachable,
    hung,
    traffic,
    client(namespace) {
      const c = createClient({ url: namespace === "platform" ? PLATFORM_URL : TENANT_TEMPLATE.replace("{tenant}", namespace), fetch: toSqld });
      clients.push(c);
      return c;
    },
    async close() {
      for (const release of releaseHung.splice(0)) release();
      for (const c of clients) c.close();
      await mf.dispose();
      await sqld.stop();
    },
  };
}
