/**
 * The baseline: bare Hono on Node with one libSQL client doing the same list query and the same
 * write (record + audit row in one batch) as the product's routes — no auth, validation or tenancy.
 */
import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import { Hono } from "hono";

const file = process.env.BENCH_TENANT_FILE!;
const client = createClient({ url: `file:${file}`, timeout: 5000 });
const app = new Hono();
let n = 0;

app.get("/list", async (c) => {
  const rs = await client.execute("SELECT * FROM activities WHERE voided_at IS NULL ORDER BY date DESC, id DESC LIMIT 51");
  return c.json({ items: rs.rows.slice(0, 50), total: rs.rows.length });
});

app.post("/write", async (c) => {
  const body = await c.req.json<{ kind: string; date: string; title: string }>();
  const id = `bare-${process.pid}-${++n}`;
  await client.batch(
    [
      { sql: "INSERT INTO activities (id, kind, date, title) VALUES (?, ?, ?, ?)", args: [id, body.kind, body.date, body.title] },
      { sql: "INSERT INTO audit_log (actor, actor_role, method, route, entity, entity_id, action, after) VALUES ('bench', 'bench', 'POST', '/write', 'activity', ?, 'create', ?)", args: [id, JSON.stringify(body)] },
    ],
    "write",
  );
  return c.json({ id }, 201);
});

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => console.log(JSON.stringify({ port: info.port })));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
