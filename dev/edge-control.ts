/**
 * The control server of `npm run dev:edge`: fires a cron in the running Worker (as Cloudflare's
 * scheduler would), lists recent job runs with their per-target outcomes so far, and shows the
 * database traffic the Worker made since the last look.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { JOBS_BY_CRON } from "../src/jobs/schedule";
import type { Edge } from "./edge";

export async function serveEdgeControl(edge: Edge, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const cronOf = Object.fromEntries(Object.entries(JOBS_BY_CRON).map(([cron, job]) => [job, cron]));
  const platform = edge.client("platform");

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://control");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body, null, 2));
    };
    const fire = /^\/cron\/([a-z]+)$/.exec(url.pathname);
    if (req.method === "POST" && fire) {
      const cron = cronOf[fire[1]!];
      if (!cron) return json(404, { error: `no job ${fire[1]}; jobs: ${Object.keys(cronOf).join(", ")}` });
      edge.traffic.reset();
      await (await edge.mf.getWorker()).scheduled({ cron });
      return json(202, { fired: fire[1], cron, databaseRequests: edge.traffic.total() });
    }
    if (req.method === "GET" && url.pathname === "/runs") {
      const runs = await platform.execute(
        `SELECT r.id, r.job, r.status, r.started_at, r.finished_at, r.outcome,
                (SELECT COUNT(*) FROM job_targets t WHERE t.run_id = r.id) AS handled,
                (SELECT COUNT(*) FROM job_targets t WHERE t.run_id = r.id AND t.ok = 0) AS failed
           FROM job_runs r ORDER BY r.started_at DESC LIMIT 10`,
      );
      return json(200, runs.rows);
    }
    if (req.method === "GET" && url.pathname === "/traffic") {
      return json(200, { requests: Object.fromEntries(edge.traffic.requests), total: edge.traffic.total(), rowsRead: edge.traffic.rowsRead, rowsWritten: edge.traffic.rowsWritten });
    }
    json(404, { routes: ["POST /cron/daily", "POST /cron/quarterly", "POST /cron/annual", "GET /runs", "GET /traffic"] });
  }

  const server = createServer((req, res) => void handle(req, res).catch((e: unknown) => (res.writeHead(500), res.end(String(e)))));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
