/**
 * A small Hrana-over-HTTP server ("sqld HTTP API v2", JSON encoding) implemented as a plain
 * fetch-style handler over embedded libSQL database files.
 *
 * Why it exists: in production the Worker reaches each tenant database with `@libsql/client/web`,
 * which speaks Hrana over HTTP to libSQL server. In tests and local edge development the real
 * Worker bundle runs in workerd through Miniflare, whose `outboundService` answers the Worker's
 * outbound fetches from Node; pointing it at this handler lets the unchanged client talk to local
 * database files. It is dev/test tooling only and is never bundled into the Worker.
 *
 * Protocol subset (what `@libsql/client/web` 0.18 / `@libsql/hrana-client` 0.10 send):
 * - Version negotiation: the HTTP client is created with protocol version 2 and never probes;
 *   only if a caller asked for version 3 would it `GET /v3-protobuf` and fall back to v2 on a
 *   non-2xx answer (the JSON `v3` probe is commented out in the client). So this server speaks
 *   v2 JSON only: `GET /v2` answers 200, `GET /v3`, `GET /v3-protobuf` and every other path
 *   answer 404, and there is no `cursor` endpoint (cursors are v3-only).
 * - `POST /v2/pipeline` with `{ baton, requests }`, answered with `{ baton, base_url: null, results }`.
 *   Requests: `execute`, `batch` (conditions `ok`, `error`, `not`, `and`, `or`, `is_autocommit`),
 *   `sequence`, `describe`, `store_sql`, `close_sql`, `get_autocommit`, `close`. Each request gets
 *   `{type:"ok", response}` or `{type:"error", error:{message, code}}`; all requests are run even
 *   if some fail.
 * - Values: `null`, `integer` (decimal string, 64-bit), `float` (JSON number, bound as REAL),
 *   `text`, `blob` (base64). Positional `args` and `named_args` (name with or without its
 *   `:`/`@`/`$` prefix); giving both at once is refused like libSQL server does
 *   (`ARGS_BOTH_POSITIONAL_AND_NAMED`). Statement results carry `cols` (name, decltype), `rows`,
 *   `affected_row_count` and `last_insert_rowid` (string).
 * - Streams: a stream is one dedicated libSQL connection, so interactive transactions
 *   (`BEGIN IMMEDIATE` … `COMMIT` across several HTTP requests) work and are isolated. A request
 *   without baton opens a stream; every response carries a fresh random baton (null once the
 *   stream is closed); `close` closes it, and a stream left idle for `idleTimeoutMs` (10 s) is
 *   closed, rolling back any open transaction. An unknown or expired baton answers HTTP 400.
 * - Errors use libSQL server's codes where it has one: `SQL_PARSE_ERROR`, `SQL_NO_STATEMENT`,
 *   `SQL_MANY_STATEMENTS` (an `execute` with several statements, which libSQL server refuses but
 *   the embedded engine would silently cut to the first one), `ARGS_INVALID`, `STREAM_EXPIRED`, and base
 *   SQLite codes such as `SQLITE_CONSTRAINT`. An unresolvable URL answers HTTP 404 (JSON error).
 * Not implemented: v3 (JSON or Protobuf), cursors, v1 endpoints, authentication (the bearer token
 * is ignored), `base_url` stickiness, replication indexes, row read/write counters.
 *
 * Concurrency: databases are kept in WAL mode. Writers wait for each other for up to
 * `busyTimeoutMs` (5 s), but the wait is an asynchronous retry in JavaScript, not SQLite's
 * `busy_timeout`: every connection lives on Node's single thread, so a synchronous busy wait for a
 * lock held by another stream of this same handler (an open interactive transaction) could never
 * succeed — it would freeze the event loop, the holder's COMMIT could not arrive, and the waiter
 * would fail after the timeout anyway. The connection's `busy_timeout` is therefore 0 and a
 * statement that fails with `SQLITE_BUSY` (which has no effect) is retried after a short sleep;
 * a `sequence` is retried only if nothing observable happened before it failed.
 *
 * Engine: the `libsql` package (embedded libSQL, better-sqlite3-like API), installed as a
 * dependency of `@libsql/client`. Two of its quirks shape the code below: a statement that failed
 * with SQLITE_BUSY stays active (see `execute`), and connections really close only once their
 * statement objects are garbage-collected (see `closeStream`).
 */
import { Buffer } from "node:buffer";
import Database from "libsql";

type Connection = Database.Database;
type Statement = ReturnType<Connection["prepare"]>;
type SqlValue = null | bigint | number | string | Buffer;

export interface HranaHandlerOptions {
  /**
   * Maps a request URL (e.g. `http://acme.db.duikou.test/v2/pipeline`) to a database: a file path,
   * or a shared in-memory database URI such as `file:acme?mode=memory&cache=shared` (kept alive
   * until `close()`). Plain `:memory:` is refused, since every stream would get its own empty
   * database. Return null for an unknown database (answered with HTTP 404).
   */
  resolve(url: URL): string | null;
  /** Close a stream left idle this long (ms). Default 10 000, like libSQL server. */
  idleTimeoutMs?: number;
  /** How long a statement keeps retrying while the database is locked (ms). Default 5 000. */
  busyTimeoutMs?: number;
}

export interface HranaHandler {
  fetch(request: Request): Promise<Response>;
  /** Closes every stream and database connection; later requests answer HTTP 503. */
  close(): void;
}

interface ProtoError {
  message: string;
  code: string;
}

type Value =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

interface StmtResult {
  cols: { name: string | null; decltype: string | null }[];
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

interface Stream {
  path: string;
  db: Connection;
  sqls: Map<number, string>;
  closed: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** A protocol-level error with a libSQL-server-style code. */
class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const BUSY_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_BUSY_TIMEOUT",
  "SQLITE_LOCKED",
  "SQLITE_LOCKED_SHAREDCACHE",
]);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function createHranaHandler(options: HranaHandlerOptions): HranaHandler {
  const idleTimeoutMs = options.idleTimeoutMs ?? 10_000;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  /** Open streams by their current baton. */
  const streams = new Map<string, Stream>();
  /** One connection per database kept open for the handler's lifetime: it keeps shared in-memory
   * databases alive and spares file databases a WAL checkpoint each time the last stream closes. */
  const anchors = new Map<string, Connection>();
  let closed = false;

  function openStream(path: string): Stream {
    if (!anchors.has(path)) {
      const anchor = new Database(path);
      try {
        anchor.exec("PRAGMA journal_mode = WAL"); // persistent for files; a no-op in memory
      } catch (e) {
        anchor.close();
        throw e;
      }
      anchors.set(path, anchor);
    }
    return { path, db: connect(path), sqls: new Map(), closed: false };
  }

  function connect(path: string): Connection {
    const db = new Database(path);
    db.exec("PRAGMA busy_timeout = 0"); // see "Concurrency" above: waiting is done by retryBusy
    return db;
  }

  function closeStream(stream: Stream): void {
    if (stream.timer !== undefined) clearTimeout(stream.timer);
    if (!stream.closed) {
      stream.closed = true;
      try {
        // Explicitly: libsql only really closes the connection once its statement objects are
        // garbage-collected, and until then an unfinished transaction would keep its locks.
        if (stream.db.inTransaction) stream.db.exec("ROLLBACK");
      } catch {
        // closing anyway
      }
      stream.db.close();
    }
  }

  /** Runs `fn`, retrying it asynchronously while it fails with SQLITE_BUSY / SQLITE_LOCKED. */
  async function retryBusy<T>(fn: () => T, canRetry: () => boolean = () => true): Promise<T> {
    const deadline = Date.now() + busyTimeoutMs;
    for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
      try {
        return fn();
      } catch (e) {
        if (!BUSY_CODES.has(sqliteCode(e)) || Date.now() + delay > deadline || !canRetry()) throw e;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  function sqlOf(stream: Stream, req: Record<string, unknown>): string {
    if (typeof req.sql === "string") return req.sql;
    if (typeof req.sql_id === "number") {
      const sql = stream.sqls.get(req.sql_id);
      if (sql === undefined) throw new HranaError(`SQL text ${req.sql_id} is not stored`, "SQL_NOT_FOUND");
      return sql;
    }
    throw new HranaError("Expected `sql` or `sql_id`", "PROTO_ERROR");
  }

  async function execute(stream: Stream, rawStmt: unknown): Promise<StmtResult> {
    const stmt = object(rawStmt, "stmt");
    const sql = sqlOf(stream, stmt);
    checkSingleStatement(sql);
    const args = stmt.args == null ? [] : array(stmt.args, "args").map(fromValue);
    const named = stmt.named_args == null ? [] : array(stmt.named_args, "named_args").map((a) => {
      const arg = object(a, "named arg");
      if (typeof arg.name !== "string") throw new HranaError("Named arg without a name", "PROTO_ERROR");
      return [arg.name, fromValue(arg.value)] as const;
    });
    if (args.length > 0 && named.length > 0) {
      throw new HranaError("Statement has both positional and named arguments", "ARGS_BOTH_POSITIONAL_AND_NAMED");
    }
    const wantRows = stmt.want_rows !== false;
    const params = named.length > 0 ? bindNamed(sql, named) : args;
    const db = stream.db;
    // A libsql statement that failed with SQLITE_BUSY stays active (there is no reset()), and an
    // active statement keeps every later autocommit write of its connection from committing —
    // holding the write lock for good. Running the same statement object again resets it, so the
    // retries reuse it; if it still fails, the connection is swapped for a fresh one, which is
    // invisible to the client outside a transaction.
    let prepared: Statement | undefined;
    try {
      return await retryBusy(() => run(db, (prepared ??= db.prepare(sql)), params, wantRows));
    } catch (e) {
      if (prepared !== undefined && BUSY_CODES.has(sqliteCode(e)) && !db.inTransaction && !stream.closed) {
        db.close();
        stream.db = connect(stream.path);
      }
      throw e;
    }
  }

  async function batch(stream: Stream, rawBatch: unknown) {
    const steps = array(object(rawBatch, "batch").steps, "steps");
    const step_results: (StmtResult | null)[] = [];
    const step_errors: (ProtoError | null)[] = [];
    const holds = (cond: unknown, current: number): boolean => {
      const c = object(cond, "condition");
      const stepIndex = () => {
        if (typeof c.step !== "number" || c.step < 0 || c.step >= current) {
          throw new HranaError(`Condition refers to step ${String(c.step)}, which has not run yet`, "PROTO_ERROR");
        }
        return c.step;
      };
      switch (c.type) {
        case "ok": return step_results[stepIndex()] != null;
        case "error": return step_errors[stepIndex()] != null;
        case "not": return !holds(c.cond, current);
        case "and": return array(c.conds, "conds").every((x) => holds(x, current));
        case "or": return array(c.conds, "conds").some((x) => holds(x, current));
        case "is_autocommit": return !stream.db.inTransaction;
        default: throw new HranaError(`Unknown condition type ${JSON.stringify(c.type)}`, "PROTO_ERROR");
      }
    };
    for (let i = 0; i < steps.length; i++) {
      const step = object(steps[i], "step");
      let result: StmtResult | null = null;
      let error: ProtoError | null = null;
      if (step.condition == null || holds(step.condition, i)) {
        try {
          result = await execute(stream, step.stmt);
        } catch (e) {
          error = toProtoError(e);
        }
      }
      step_results.push(result);
      step_errors.push(error);
    }
    return { step_results, step_errors };
  }

  async function sequence(stream: Stream, sql: string): Promise<void> {
    const db = stream.db;
    // exec() may fail half-way; retry only if nothing observable happened before the failure.
    const fingerprint = () => {
      try {
        const row = db
          .prepare("SELECT total_changes(), (SELECT schema_version FROM pragma_schema_version), (SELECT user_version FROM pragma_user_version)")
          .raw(true)
          .all()[0];
        return `${db.inTransaction}:${JSON.stringify(row)}`;
      } catch {
        return "unknown";
      }
    };
    const before = fingerprint();
    await retryBusy(() => db.exec(sql), () => before !== "unknown" && fingerprint() === before);
  }

  async function handle(stream: Stream, raw: unknown): Promise<Record<string, unknown>> {
    const req = object(raw, "request");
    switch (req.type) {
      case "execute":
        return { type: "execute", result: await execute(stream, req.stmt) };
      case "batch":
        return { type: "batch", result: await batch(stream, req.batch) };
      case "sequence":
        await sequence(stream, sqlOf(stream, req));
        return { type: "sequence" };
      case "describe": {
        const sql = sqlOf(stream, req);
        checkSingleStatement(sql);
        return { type: "describe", result: await retryBusy(() => describe(stream.db, sql)) };
      }
      case "store_sql":
        if (typeof req.sql_id !== "number" || typeof req.sql !== "string") {
          throw new HranaError("store_sql needs `sql_id` and `sql`", "PROTO_ERROR");
        }
        if (stream.sqls.has(req.sql_id)) throw new HranaError(`SQL text ${req.sql_id} is already stored`, "PROTO_ERROR");
        stream.sqls.set(req.sql_id, req.sql);
        return { type: "store_sql" };
      case "close_sql":
        if (typeof req.sql_id === "number") stream.sqls.delete(req.sql_id);
        return { type: "close_sql" };
      case "get_autocommit":
        return { type: "get_autocommit", is_autocommit: !stream.db.inTransaction };
      case "close":
        closeStream(stream);
        return { type: "close" };
      default:
        throw new HranaError(`Unknown request type ${JSON.stringify(req.type)}`, "PROTO_ERROR");
    }
  }

  async function pipeline(request: Request, path: string): Promise<Response> {
    let body: Record<string, unknown>;
    let requests: unknown[];
    try {
      body = object(await request.json(), "body");
      requests = array(body.requests, "requests");
    } catch (e) {
      return json(400, { message: `Invalid pipeline request: ${errorMessage(e)}`, code: "PROTO_ERROR" });
    }
    let stream: Stream;
    if (body.baton == null) {
      try {
        stream = openStream(path);
      } catch (e) {
        return json(500, { message: `Cannot open database: ${errorMessage(e)}`, code: sqliteCode(e) || "INTERNAL" });
      }
    } else {
      const found = typeof body.baton === "string" ? streams.get(body.baton) : undefined;
      if (found === undefined || found.path !== path) {
        return json(400, { message: "The stream has expired or the baton is invalid", code: "STREAM_EXPIRED" });
      }
      streams.delete(body.baton as string); // each baton is good for one request
      clearTimeout(found.timer);
      stream = found;
    }

    const results: unknown[] = [];
    for (const raw of requests) {
      if (stream.closed) {
        results.push({ type: "error", error: { message: "The stream is closed", code: "STREAM_CLOSED" } });
        continue;
      }
      try {
        results.push({ type: "ok", response: await handle(stream, raw) });
      } catch (e) {
        results.push({ type: "error", error: toProtoError(e) });
      }
    }

    if (!stream.closed && closed) closeStream(stream); // the handler was closed meanwhile
    if (stream.closed) return json(200, { baton: null, base_url: null, results });
    const baton = crypto.randomUUID();
    streams.set(baton, stream);
    stream.timer = setTimeout(() => {
      streams.delete(baton);
      closeStream(stream);
    }, idleTimeoutMs);
    (stream.timer as { unref?: () => void }).unref?.(); // an idle stream must not keep Node alive
    return json(200, { baton, base_url: null, results });
  }

  return {
    async fetch(request: Request): Promise<Response> {
      if (closed) return json(503, { message: "The Hrana handler is closed", code: "SERVER_CLOSED" });
      const url = new URL(request.url);
      const path = options.resolve(url);
      if (path === null) return json(404, { message: `No database for ${url.host}`, code: "NAMESPACE_NOT_FOUND" });
      if (path === ":memory:") {
        return json(500, { message: "':memory:' gives every stream its own empty database; resolve to file:NAME?mode=memory&cache=shared", code: "INTERNAL" });
      }
      const route = `${request.method} ${url.pathname}`;
      if (route === "GET /v2" || route === "GET /" || route === "GET /health") return new Response(null, { status: 200 });
      if (route === "POST /v2/pipeline") return pipeline(request, path);
      return json(404, { message: `Not found: ${route}`, code: "NOT_FOUND" });
    },
    close(): void {
      closed = true;
      for (const stream of streams.values()) closeStream(stream);
      streams.clear();
      for (const anchor of anchors.values()) anchor.close();
      anchors.clear();
    },
  };
}

/** Executes one statement and shapes its StmtResult. */
function run(db: Connection, stmt: Statement, params: SqlValue[], wantRows: boolean): StmtResult {
  const stats = () => db.prepare("SELECT total_changes(), changes(), last_insert_rowid()").raw(true).safeIntegers(true).all()[0] as bigint[];
  const before = stats()[0];
  let cols: StmtResult["cols"] = [];
  let rows: Value[][] = [];
  if (stmt.reader) {
    stmt.raw(true).safeIntegers(true);
    cols = stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null }));
    const all = stmt.all(params) as SqlValue[][]; // always run to completion, even if rows are unwanted
    if (wantRows) rows = all.map((row) => row.map(toValue));
  } else {
    stmt.run(params);
  }
  const [total, changes, rowid] = stats();
  return {
    cols,
    rows,
    affected_row_count: total !== before ? Number(changes) : 0,
    last_insert_rowid: rowid === undefined ? null : String(rowid),
  };
}

/**
 * Binds named arguments by parameter index. libsql's own object binding looks names up without
 * their prefix and aborts the process on a statement that also has `?` parameters, so the
 * name → index map comes from `scan` and the values are bound positionally.
 */
function bindNamed(sql: string, named: (readonly [string, SqlValue])[]): SqlValue[] {
  const index = scan(sql).names;
  const params: SqlValue[] = [];
  for (const [name, value] of named) {
    const i = /^[:@$]/.test(name) ? index.get(name) : (index.get(`:${name}`) ?? index.get(`@${name}`) ?? index.get(`$${name}`));
    if (i === undefined) throw new HranaError(`The statement has no parameter named ${JSON.stringify(name)}`, "ARGS_INVALID");
    params[i - 1] = value;
  }
  return Array.from(params, (v) => v ?? null);
}

function describe(db: Connection, sql: string) {
  // A unique leading comment finds this prepared statement in the `sqlite_stmt` virtual table,
  // whose `ro` column is sqlite3_stmt_readonly(). (EXPLAIN would do, but libsql leaves EXPLAIN
  // statements active after reading them, which keeps the connection's write lock.)
  const marker = `/*describe:${crypto.randomUUID()}*/`;
  const stmt = db.prepare(`${marker}${sql}`);
  const ro = db.prepare("SELECT ro FROM sqlite_stmt WHERE sql LIKE ?").raw(true).get([`${marker}%`]) as unknown[] | undefined;
  const cols = stmt.reader ? stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })) : [];
  const isExplain = /^explain\b/i.test(sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, ""));
  return {
    params: scan(sql).params.map((name) => ({ name })),
    cols,
    is_explain: isExplain,
    is_readonly: Boolean(ro?.[0]),
  };
}

/**
 * A small SQLite tokenizer pass over `sql` that counts statements (split at top-level semicolons;
 * string literals, quoted identifiers and comments are skipped) and numbers the first statement's
 * parameters the way SQLite does: `?` takes the next index, `?NNN` index NNN, and `:name`,
 * `@name`, `$name` the next index on first use. A CREATE TRIGGER body contains semicolons (and
 * cannot contain parameters), so such a statement counts as one and ends the scan.
 */
function scan(sql: string): { statements: number; params: (string | null)[]; names: Map<string, number> } {
  const params: (string | null)[] = [];
  const names = new Map<string, number>();
  let statements = 0;
  let inStatement = false;
  const isIdChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
  const skipTo = (from: number, end: string) => {
    const at = sql.indexOf(end, from);
    return at < 0 ? sql.length : at + end.length;
  };
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      i = skipTo(i + 2, "\n");
      continue;
    }
    if (c === "/" && next === "*") {
      i = skipTo(i + 2, "*/");
      continue;
    }
    if (c === ";") {
      inStatement = false;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (!inStatement) {
      inStatement = true;
      statements++;
      if (statements === 1 && /^create\s+(?:temp\s+|temporary\s+)?trigger\b/i.test(sql.slice(i))) break;
    }
    if (c === "'" || c === '"' || c === "`") {
      i = skipTo(i + 1, c); // a doubled quote just reopens the literal: same end
    } else if (c === "[") {
      i = skipTo(i + 1, "]");
    } else if (c === "?" || c === ":" || c === "@" || c === "$") {
      let j = i + 1;
      if (c === "?") while (j < sql.length && /[0-9]/.test(sql[j]!)) j++;
      else while (isIdChar(sql[j])) j++;
      if (statements === 1 && (c === "?" || j > i + 1)) {
        const name = c === "?" && j === i + 1 ? null : sql.slice(i, j);
        let index = name === null ? undefined : names.get(name);
        if (index === undefined) {
          index = c === "?" && name !== null ? Number(name.slice(1)) : params.length + 1;
          if (name !== null) names.set(name, index);
        }
        while (params.length < index) params.push(null);
        params[index - 1] = name;
      }
      i = Math.max(j, i + 1);
    } else if (isIdChar(c)) {
      while (isIdChar(sql[i])) i++; // identifiers, keywords and numbers ("a$b" is no parameter)
    } else {
      i++;
    }
  }
  return { statements, params, names };
}

/** libSQL server refuses SQL with no statement or several; the embedded engine would silently run only the first. */
function checkSingleStatement(sql: string): void {
  const { statements } = scan(sql);
  if (statements === 0) throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  if (statements > 1) throw new HranaError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
}

function fromValue(raw: unknown): SqlValue {
  const v = object(raw, "value");
  switch (v.type) {
    case "null":
      return null;
    case "integer": {
      const n = typeof v.value === "string" && /^-?\d+$/.test(v.value) ? BigInt(v.value) : typeof v.value === "number" && Number.isSafeInteger(v.value) ? BigInt(v.value) : undefined;
      if (n === undefined || n < INT64_MIN || n > INT64_MAX) throw new HranaError(`Invalid integer value ${JSON.stringify(v.value)}`, "ARGS_INVALID");
      return n;
    }
    case "float":
      if (typeof v.value !== "number") throw new HranaError("Invalid float value", "ARGS_INVALID");
      return v.value;
    case "text":
      if (typeof v.value !== "string") throw new HranaError("Invalid text value", "ARGS_INVALID");
      return v.value;
    case "blob":
      if (typeof v.base64 !== "string") throw new HranaError("Invalid blob value", "ARGS_INVALID");
      return Buffer.from(v.base64, "base64");
    default:
      throw new HranaError(`Unknown value type ${JSON.stringify(v.type)}`, "ARGS_INVALID");
  }
}

function toValue(v: SqlValue): Value {
  if (v === null) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: v.toString() };
  if (typeof v === "number") return { type: "float", value: v };
  if (typeof v === "string") return { type: "text", value: v };
  return { type: "blob", base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
}

function sqliteCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function toProtoError(e: unknown): ProtoError {
  if (e instanceof HranaError) return { message: e.message, code: e.code };
  const message = errorMessage(e);
  const code = sqliteCode(e);
  if (/^SQLITE_/.test(code)) {
    if (code === "SQLITE_ERROR" && /syntax error|incomplete input|unrecognized token/.test(message)) {
      return { message, code: "SQL_PARSE_ERROR" };
    }
    // libSQL server reports primary result codes (SQLITE_CONSTRAINT, not SQLITE_CONSTRAINT_UNIQUE).
    return { message, code: /^SQLITE_[A-Z]+/.exec(code)![0] };
  }
  return { message, code: "INTERNAL" };
}

function object(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new HranaError(`Expected ${what} to be an object`, "PROTO_ERROR");
  return v as Record<string, unknown>;
}

function array(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new HranaError(`Expected ${what} to be an array`, "PROTO_ERROR");
  return v;
}

function json(status: number, body: unknown): Response {
  // Exactly "application/json": the Hrana client only parses error bodies with that content type.
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
