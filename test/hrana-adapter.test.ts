/**
 * The dev/test Hrana-over-HTTP server (dev/hrana) driven by the production client,
 * `@libsql/client/web`, through its `fetch` option — and by Worker code running in workerd,
 * through Miniflare's `outboundService`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client/web";
import { build } from "esbuild";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHranaHandler, type HranaHandler } from "../dev/hrana/handler";
import { serveHrana } from "../dev/hrana/serve";

const TENANT_HOST = /^([a-z0-9-]+)\.db\.duikou\.test$/;

let dir: string;
let handler: HranaHandler;
const clients: Client[] = [];

/** Tenant `<id>.db.duikou.test` → `<dir>/<id>.db`; `mem.db.duikou.test` → a shared in-memory database. */
function resolve(url: URL): string | null {
  const id = TENANT_HOST.exec(url.hostname)?.[1];
  if (id === undefined || id === "unknown") return null;
  return id === "mem" ? `file:hrana-test-${process.pid}?mode=memory&cache=shared` : join(dir, `${id}.db`);
}

function client(tenant = "t1", intMode: "number" | "bigint" = "number", h: HranaHandler = handler): Client {
  const c = createClient({ url: `http://${tenant}.db.duikou.test`, fetch: h.fetch, intMode });
  clients.push(c);
  return c;
}

/** A raw pipeline request, for what the client API does not expose. */
async function pipeline(body: unknown, host = "t1.db.duikou.test"): Promise<{ status: number; body: any }> {
  const res = await handler.fetch(
    new Request(`http://${host}/v2/pipeline`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, body: await res.json() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "duikou-hrana-"));
  handler = createHranaHandler({ resolve });
});

afterAll(async () => {
  for (const c of clients) c.close();
  handler.close();
  await rm(dir, { recursive: true, force: true });
});

describe("Hrana adapter with @libsql/client/web", () => {
  it("creates a table, binds positional and named args, and round-trips every value type", async () => {
    const db = client("t1", "bigint");
    await db.execute("CREATE TABLE vals (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, n, any_col)");

    const ins = await db.execute({
      sql: "INSERT INTO vals (i, r, t, b, n) VALUES (?, ?, ?, ?, ?)",
      args: [9007199254740993n, 1.5, "对口 ✓", new Uint8Array([0, 1, 254, 255]), null],
    });
    expect(ins.rowsAffected).toBe(1);
    expect(ins.lastInsertRowid).toBe(1n);

    for (const [sql, args] of [
      ["INSERT INTO vals (i, t) VALUES (:i, :t)", { i: 2n, t: "plain names" }],
      ["INSERT INTO vals (i, t) VALUES (:i, @t)", { ":i": 3n, "@t": "prefixed names" }],
      ["INSERT INTO vals (i, t) VALUES ($i, :t)", { i: 4n, t: "dollar" }],
    ] as const) {
      await db.execute({ sql, args });
    }
    // Numbers travel as floats: an untyped column keeps 2 as the REAL 2.0.
    await db.execute({ sql: "INSERT INTO vals (i, any_col) VALUES (?, ?)", args: [5n, 2] });

    const rs = await db.execute("SELECT i, r, t, b, n, typeof(any_col) AS any_type FROM vals ORDER BY id");
    expect(rs.columns).toEqual(["i", "r", "t", "b", "n", "any_type"]);
    expect(rs.columnTypes).toEqual(["INTEGER", "REAL", "TEXT", "BLOB", "", ""]);
    const [first, ...rest] = rs.rows;
    expect(first!.i).toBe(9007199254740993n);
    expect(first!.r).toBe(1.5);
    expect(first!.t).toBe("对口 ✓");
    expect(first!.b).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(first!.b as ArrayBuffer)]).toEqual([0, 1, 254, 255]);
    expect(first!.n).toBeNull();
    expect(rest.map((r) => [r.i, r.t])).toEqual([
      [2n, "plain names"],
      [3n, "prefixed names"],
      [4n, "dollar"],
      [5n, null],
    ]);
    expect(rest[3]!.any_type).toBe("real");

    const upd = await db.execute({ sql: "UPDATE vals SET t = ? WHERE i >= ?", args: ["x", 3n] });
    expect(upd.rowsAffected).toBe(4);
    const sel = await db.execute("SELECT count(*) AS c FROM vals");
    expect(sel.rowsAffected).toBe(0);
  });

  it("runs a write batch atomically: a failing statement rolls back the earlier ones", async () => {
    const db = client();
    await db.execute("CREATE TABLE acct (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");

    const ok = await db.batch(
      [
        { sql: "INSERT INTO acct (name) VALUES (?)", args: ["a"] },
        { sql: "INSERT INTO acct (name) VALUES (?)", args: ["b"] },
        "SELECT count(*) AS c FROM acct",
      ],
      "write",
    );
    expect(ok[2]!.rows[0]!.c).toBe(2);

    await expect(
      db.batch(
        [
          { sql: "INSERT INTO acct (name) VALUES (?)", args: ["c"] },
          { sql: "INSERT INTO acct (name) VALUES (?)", args: ["a"] }, // UNIQUE violation
          { sql: "INSERT INTO acct (name) VALUES (?)", args: ["d"] },
        ],
        "write",
      ),
    ).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT", statementIndex: 1 });

    const names = await db.execute("SELECT name FROM acct ORDER BY name");
    expect(names.rows.map((r) => r.name)).toEqual(["a", "b"]);
  });

  it("runs interactive transactions on one stream, isolated until commit, and rolls back", async () => {
    const db = client();
    const other = client();
    await db.execute("CREATE TABLE ledger (amount INTEGER)");

    const tx = await db.transaction("write");
    await tx.execute({ sql: "INSERT INTO ledger VALUES (?)", args: [100] });
    await tx.execute({ sql: "INSERT INTO ledger VALUES (?)", args: [-30] });
    expect((await tx.execute("SELECT sum(amount) AS s FROM ledger")).rows[0]!.s).toBe(70);
    expect((await other.execute("SELECT count(*) AS c FROM ledger")).rows[0]!.c).toBe(0);
    await tx.commit();
    expect((await other.execute("SELECT sum(amount) AS s FROM ledger")).rows[0]!.s).toBe(70);

    const tx2 = await db.transaction("write");
    await tx2.execute("INSERT INTO ledger VALUES (999)");
    await tx2.rollback();
    expect((await other.execute("SELECT sum(amount) AS s FROM ledger")).rows[0]!.s).toBe(70);
  });

  it("keeps two tenants in two separate files", async () => {
    const a = client("t1");
    const b = client("t2");
    await a.execute("CREATE TABLE only_in_t1 (x)");
    await b.execute("CREATE TABLE only_in_t2 (x)");
    await b.execute("INSERT INTO only_in_t2 VALUES (1)");
    await expect(b.execute("SELECT * FROM only_in_t1")).rejects.toThrow(/no such table/);
    await expect(a.execute("SELECT * FROM only_in_t2")).rejects.toThrow(/no such table/);
    const tables = (c: Client) => c.execute("SELECT name FROM sqlite_schema WHERE name LIKE 'only_in_%'");
    expect((await tables(a)).rows.map((r) => r.name)).toEqual(["only_in_t1"]);
    expect((await tables(b)).rows.map((r) => r.name)).toEqual(["only_in_t2"]);
  });

  it("answers an unknown host with a 404 that the client reports as an error", async () => {
    const res = await handler.fetch(new Request("http://unknown.db.duikou.test/v2/pipeline", { method: "POST", body: "{}" }));
    expect(res.status).toBe(404);
    await expect(client("unknown").execute("SELECT 1")).rejects.toMatchObject({ code: "NAMESPACE_NOT_FOUND" });
  });

  it("reports SQL errors as errors and keeps serving", async () => {
    const db = client();
    await expect(db.execute("SELEC 1")).rejects.toMatchObject({ code: "SQL_PARSE_ERROR" });
    await expect(db.execute("SELECT * FROM nowhere")).rejects.toMatchObject({ code: "SQLITE_ERROR", message: expect.stringMatching(/no such table/) });
    await expect(db.execute("SELECT 1; SELECT 2")).rejects.toMatchObject({ code: "SQL_MANY_STATEMENTS" });
    await expect(db.execute(" -- nothing\n")).rejects.toMatchObject({ code: "SQL_NO_STATEMENT" });
    await expect(db.execute({ sql: "SELECT :a", args: { b: 1 } })).rejects.toMatchObject({ code: "ARGS_INVALID" });
    // Semicolons inside literals, identifiers, comments and trigger bodies do not split statements.
    await db.execute("CREATE TABLE \"semi;colon\" (x TEXT) -- trailing; comment");
    await db.execute(`CREATE TRIGGER semi_trg AFTER INSERT ON "semi;colon" BEGIN SELECT 1; SELECT 2; END`);
    await db.execute({ sql: "INSERT INTO \"semi;colon\" VALUES ('a;b'); /* done; */", args: [] });
    await db.executeMultiple("CREATE TABLE multi (x); INSERT INTO multi VALUES (1); INSERT INTO multi VALUES (2);");
    expect((await db.execute("SELECT count(*) AS c FROM multi")).rows[0]!.c).toBe(2);
  });

  it("lets concurrent writers from two clients to one file all succeed", async () => {
    const a = client();
    const b = client();
    await a.execute("CREATE TABLE hits (who TEXT, n INTEGER)");
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => (n % 2 ? a : b).execute({ sql: "INSERT INTO hits VALUES (?, ?)", args: [n % 2 ? "a" : "b", n] })),
    );
    expect((await a.execute("SELECT count(*) AS c FROM hits")).rows[0]!.c).toBe(40);

    // A writer blocked by another stream's open write transaction waits (asynchronously) for it.
    const tx = await a.transaction("write");
    await tx.execute("INSERT INTO hits VALUES ('tx', 1)");
    let settled = false;
    const blocked = b.execute("INSERT INTO hits VALUES ('waiting', 2)").finally(() => (settled = true));
    await sleep(150);
    expect(settled).toBe(false);
    await tx.commit();
    await blocked;
    const who = await b.execute("SELECT who FROM hits WHERE who IN ('tx', 'waiting') ORDER BY rowid");
    expect(who.rows.map((r) => r.who)).toEqual(["tx", "waiting"]);

    // The same for a multi-statement sequence.
    const tx2 = await a.transaction("write");
    await tx2.execute("INSERT INTO hits VALUES ('tx2', 1)");
    const sequence = b.executeMultiple("INSERT INTO hits VALUES ('seq', 1); INSERT INTO hits VALUES ('seq', 2);");
    await sleep(50);
    await tx2.commit();
    await sequence;
    expect((await b.execute("SELECT count(*) AS c FROM hits WHERE who = 'seq'")).rows[0]!.c).toBe(2);

    const writeBatch = (c: Client, tag: string) =>
      c.batch(Array.from({ length: 5 }, (_, n) => ({ sql: "INSERT INTO hits VALUES (?, ?)", args: [tag, n] })), "write");
    await Promise.all([writeBatch(a, "batch-a"), writeBatch(b, "batch-b"), writeBatch(a, "batch-a2")]);
    expect((await a.execute("SELECT count(*) AS c FROM hits WHERE who LIKE 'batch-%'")).rows[0]!.c).toBe(15);
  });

  it("serves shared in-memory databases across streams", async () => {
    const db = client("mem");
    await db.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)");
    await db.execute({ sql: "INSERT INTO kv VALUES (?, ?)", args: ["k", "v"] });
    expect((await client("mem").execute("SELECT v FROM kv")).rows[0]!.v).toBe("v");
  });

  it("keeps a stream usable after a write gave up waiting for the lock", async () => {
    const impatient = createHranaHandler({ resolve, busyTimeoutMs: 100 });
    const post = async (body: unknown) => {
      const res = await impatient.fetch(new Request("http://t5.db.duikou.test/v2/pipeline", { method: "POST", body: JSON.stringify(body) }));
      return (await res.json()) as any;
    };
    const insert = (value: string) => ({ type: "execute", stmt: { sql: "INSERT INTO w VALUES (?)", args: [{ type: "text", value }] } });
    try {
      const holder = client("t5", "number", impatient);
      await holder.execute("CREATE TABLE w (x TEXT)");
      const tx = await holder.transaction("write");
      await tx.execute("INSERT INTO w VALUES ('holder')");
      const first = await post({ baton: null, requests: [insert("gave up")] });
      expect(first.results[0].error.code).toBe("SQLITE_BUSY");
      await tx.commit();
      // The same stream writes again; the write commits and leaves the lock free for others.
      const second = await post({ baton: first.baton, requests: [insert("retried"), { type: "close" }] });
      expect(second.results[0].type).toBe("ok");
      await holder.execute("INSERT INTO w VALUES ('after')");
      expect((await holder.execute("SELECT x FROM w ORDER BY rowid")).rows.map((r) => r.x)).toEqual(["holder", "retried", "after"]);
    } finally {
      impatient.close();
    }
  });

  it("expires idle streams and rolls back their transaction", async () => {
    const short = createHranaHandler({ resolve, idleTimeoutMs: 100 });
    try {
      const db = client("t3", "number", short);
      await db.execute("CREATE TABLE t (x)");
      const tx = await db.transaction("write");
      await tx.execute("INSERT INTO t VALUES (1)");
      await sleep(300);
      await expect(tx.execute("INSERT INTO t VALUES (2)")).rejects.toMatchObject({ code: "STREAM_EXPIRED" });
      await db.execute("INSERT INTO t VALUES (3)"); // the write lock was released
      expect((await db.execute("SELECT x FROM t")).rows.map((r) => r.x)).toEqual([3]);
    } finally {
      short.close();
    }
  });
});

describe("Hrana adapter protocol details", () => {
  it("negotiates v2 only", async () => {
    const get = async (path: string) => (await handler.fetch(new Request(`http://t1.db.duikou.test${path}`))).status;
    expect(await get("/v2")).toBe(200);
    expect(await get("/v3")).toBe(404);
    expect(await get("/v3-protobuf")).toBe(404);
  });

  it("threads a stream through batons, with stored SQL, describe, conditions and autocommit state", async () => {
    const first = await pipeline({
      baton: null,
      requests: [
        { type: "sequence", sql: "CREATE TABLE IF NOT EXISTS seq (a INTEGER, b TEXT); BEGIN" },
        { type: "get_autocommit" },
        { type: "store_sql", sql_id: 1, sql: "INSERT INTO seq VALUES (?, ?)" },
        { type: "execute", stmt: { sql_id: 1, args: [{ type: "integer", value: "7" }, { type: "text", value: "x" }] } },
        { type: "describe", sql: "SELECT a AS alpha, b FROM seq WHERE a = :a AND b = ?3" },
        { type: "nonsense" },
      ],
    });
    expect(first.status).toBe(200);
    const [seq, autocommit, store, exec, desc, bad] = first.body.results;
    expect(seq).toEqual({ type: "ok", response: { type: "sequence" } });
    expect(autocommit.response).toEqual({ type: "get_autocommit", is_autocommit: false });
    expect(store.response).toEqual({ type: "store_sql" });
    expect(exec.response.result).toMatchObject({ affected_row_count: 1, rows: [], cols: [] });
    expect(desc.response.result).toEqual({
      params: [{ name: ":a" }, { name: null }, { name: "?3" }],
      cols: [
        { name: "alpha", decltype: "INTEGER" },
        { name: "b", decltype: "TEXT" },
      ],
      is_explain: false,
      is_readonly: true,
    });
    expect(bad).toMatchObject({ type: "error", error: { code: "PROTO_ERROR" } });
    const baton = first.body.baton as string;
    expect(typeof baton).toBe("string");

    const second = await pipeline({
      baton,
      requests: [
        {
          type: "batch",
          batch: {
            steps: [
              { stmt: { sql: "SELECT a, b FROM seq", want_rows: true } },
              { condition: { type: "is_autocommit" }, stmt: { sql: "SELECT 'skipped'" } },
              { stmt: { sql: "SELECT nope FROM seq" } },
              { condition: { type: "and", conds: [{ type: "ok", step: 0 }, { type: "error", step: 2 }] }, stmt: { sql: "COMMIT" } },
              { condition: { type: "or", conds: [{ type: "not", cond: { type: "ok", step: 3 } }, { type: "ok", step: 1 }] }, stmt: { sql: "SELECT 'skipped too'" } },
            ],
          },
        },
        { type: "get_autocommit" },
        { type: "close_sql", sql_id: 1 },
        { type: "close" },
        { type: "execute", stmt: { sql: "SELECT 1" } },
      ],
    });
    expect(second.status).toBe(200);
    expect(second.body.baton).toBeNull();
    expect(second.body.baton).not.toBe(baton);
    const [batch, autocommit2, closeSql, close, afterClose] = second.body.results;
    expect(batch.response.result.step_results[0].rows).toEqual([[{ type: "integer", value: "7" }, { type: "text", value: "x" }]]);
    expect(batch.response.result.step_results.map((r: unknown) => r !== null)).toEqual([true, false, false, true, false]);
    expect(batch.response.result.step_errors.map((e: unknown) => e !== null)).toEqual([false, false, true, false, false]);
    expect(autocommit2.response.is_autocommit).toBe(true);
    expect(closeSql.response).toEqual({ type: "close_sql" });
    expect(close.response).toEqual({ type: "close" });
    expect(afterClose).toMatchObject({ type: "error", error: { code: "STREAM_CLOSED" } });

    const reused = await pipeline({ baton, requests: [{ type: "execute", stmt: { sql: "SELECT 1" } }] });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe("STREAM_EXPIRED");
  });

  it("refuses a baton presented for another tenant and mixed positional and named args; describes writes", async () => {
    const open = await pipeline({ baton: null, requests: [] }, "t1.db.duikou.test");
    const stolen = await pipeline({ baton: open.body.baton, requests: [] }, "t2.db.duikou.test");
    expect(stolen.status).toBe(400);
    const mixed = await pipeline({
      baton: null,
      requests: [
        {
          type: "execute",
          stmt: { sql: "SELECT ?, :a", args: [{ type: "null" }], named_args: [{ name: "a", value: { type: "null" } }] },
        },
        { type: "close" },
      ],
    });
    expect(mixed.body.results[0].error.code).toBe("ARGS_BOTH_POSITIONAL_AND_NAMED");

    const write = await pipeline({ baton: null, requests: [{ type: "describe", sql: "INSERT INTO seq (a, b) VALUES (@a, ?)" }, { type: "close" }] });
    expect(write.body.results[0].response.result).toEqual({ params: [{ name: "@a" }, { name: null }], cols: [], is_explain: false, is_readonly: false });
  });

  it("serves the same protocol over node:http with serveHrana", async () => {
    const server = await serveHrana({ port: 0, resolve: () => join(dir, "served.db") });
    const db = createClient({ url: server.url });
    try {
      const tx = await db.transaction("write");
      await tx.execute("CREATE TABLE IF NOT EXISTS s (x)");
      await tx.execute({ sql: "INSERT INTO s VALUES (?)", args: ["over http"] });
      await tx.commit();
      expect((await db.execute("SELECT x FROM s")).rows[0]!.x).toBe("over http");
    } finally {
      db.close();
      await server.close();
    }
  });
});

describe("Hrana adapter behind Miniflare's outboundService", () => {
  // Miniflare types the callback with its bundled undici Request/Response; at run time they are
  // ordinary fetch objects, and Miniflare wraps a foreign Response itself.
  type OutboundFn = Extract<MiniflareOptions["outboundService"], (...args: never[]) => unknown>;
  const outbound = ((request: Request) => handler.fetch(request)) as unknown as OutboundFn;

  it("answers a raw Hrana pipeline sent by a Worker", async () => {
    const script = `
      const pipeline = (body) =>
        fetch("http://t1.db.duikou.test/v2/pipeline", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }).then((r) => r.json());
      export default {
        async fetch() {
          const first = await pipeline({ baton: null, requests: [
            { type: "execute", stmt: { sql: "CREATE TABLE IF NOT EXISTS from_worker (msg TEXT)" } },
            { type: "execute", stmt: { sql: "INSERT INTO from_worker VALUES (?)", args: [{ type: "text", value: "hello from workerd" }] } },
            { type: "execute", stmt: { sql: "SELECT count(*) AS n FROM from_worker" } },
          ] });
          const second = await pipeline({ baton: first.baton, requests: [{ type: "close" }] });
          return Response.json({ first, second });
        },
      };`;
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: "2026-04-01",
      compatibilityFlags: ["nodejs_compat"],
      outboundService: outbound,
    });
    try {
      const res = await mf.dispatchFetch("http://worker.test/");
      expect(res.status).toBe(200);
      const { first, second } = (await res.json()) as any;
      expect(first.results.map((r: any) => r.type)).toEqual(["ok", "ok", "ok"]);
      expect(first.results[2].response.result.rows).toEqual([[{ type: "integer", value: "1" }]]);
      expect(typeof first.baton).toBe("string");
      expect(second).toEqual({ baton: null, base_url: null, results: [{ type: "ok", response: { type: "close" } }] });
    } finally {
      await mf.dispose();
    }
    const rows = (await client("t1").execute("SELECT msg FROM from_worker")).rows;
    expect(rows.map((r) => r.msg)).toEqual(["hello from workerd"]);
  });

  it("serves @libsql/client/web bundled into a Worker", async () => {
    const bundle = await build({
      stdin: {
        contents: `
          import { createClient } from "@libsql/client/web";
          export default {
            async fetch() {
              const db = createClient({ url: "http://t4.db.duikou.test" });
              await db.execute("CREATE TABLE IF NOT EXISTS w (x INTEGER, note TEXT)");
              const tx = await db.transaction("write");
              await tx.execute({ sql: "INSERT INTO w VALUES (?, ?)", args: [41, "tx"] });
              await tx.commit();
              await db.batch([{ sql: "INSERT INTO w VALUES (:x, :note)", args: { x: 1, note: "batch" } }], "write");
              const rs = await db.execute("SELECT sum(x) AS total, count(*) AS n FROM w");
              return Response.json(rs.rows[0]);
            },
          };`,
        resolveDir: process.cwd(),
        loader: "js",
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      write: false,
      logLevel: "silent",
    });
    const mf = new Miniflare({
      modules: true,
      script: bundle.outputFiles[0]!.text,
      compatibilityDate: "2026-04-01",
      compatibilityFlags: ["nodejs_compat"],
      outboundService: outbound,
    });
    try {
      const res = await mf.dispatchFetch("http://worker.test/");
      expect(await res.json()).toEqual({ total: 42, n: 2 });
    } finally {
      await mf.dispose();
    }
  });
});
