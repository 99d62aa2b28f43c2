/**
 * The one environment schema. Entries (src/node.ts, src/worker.ts, scripts) parse their raw
 * environment here; nothing else reads process.env or Worker bindings directly.
 */
import { z } from "zod";

/** The development secret: accepted in development and tests, refused in production. */
export const DEV_JWT_SECRET = "duikou-development-secret-change-me-0123456789";

const bool = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", ""])])
  .transform((v) => v === true || v === "true" || v === "1");

export const envSchema = z.object({
  DUIKOU_ENV: z.enum(["development", "test", "production"]).default("development"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").default(DEV_JWT_SECRET),
  JWT_ISSUER: z.string().min(1).default("duikou"),
  JWT_AUDIENCE: z.string().min(1).default("duikou-api"),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
  /** Seed one demonstration account per role (development only). */
  DEMO_USERS: bool.optional(),
  /** Seed a small deterministic demo ledger for a few units (development only). */
  DEMO_LEDGER: bool.optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Workers: how long program reports wait in the Queue behind the unit reports of the same run. */
  REPORT_PROGRAM_DELAY_SECONDS: z.coerce.number().int().min(0).max(43_200).default(600),

  // Node (embedded default)
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Where the Node server listens. Unset: loopback in development and tests, every interface in production. */
  HOST: z.string().min(1).optional(),
  /**
   * Behind a reverse proxy on Node: take the client's address from the last X-Forwarded-For entry
   * (the one the proxy added) instead of the socket's, for sign-in throttling.
   */
  TRUST_PROXY: bool.optional(),
  /** Folder of the embedded databases, or ":memory:" for throw-away in-memory databases. */
  DATA_DIR: z.string().default("./data"),
  /** How many tenant connections a process or isolate keeps open. */
  TENANT_CONNECTION_CACHE: z.coerce.number().int().min(1).max(10_000).default(16),
  /**
   * Hosts outgoing webhooks may reach besides the WeCom and DingTalk robots (comma-separated host[:port]),
   * e.g. an office's own receiver; nothing else is called.
   */
  WEBHOOK_EXTRA_HOSTS: z.string().default(""),

  // Remote databases: Workers with Turso, or (Workers or Node) self-hosted sqld servers
  PLATFORM_DB_URL: z.string().optional(),
  PLATFORM_DB_TOKEN: z.string().optional(),
  /** e.g. libsql://{tenant}-myorg.turso.io — {tenant} is replaced by the unit slug. */
  TENANT_DB_URL_TEMPLATE: z.string().optional(),
  TENANT_DB_TOKEN: z.string().optional(),
  TURSO_API_URL: z.string().url().default("https://api.turso.tech"),
  TURSO_API_TOKEN: z.string().optional(),
  TURSO_ORG: z.string().optional(),
  TURSO_GROUP: z.string().default("default"),
  /** A self-hosted sqld's admin API (its --admin-listen-addr), used to create a new unit's namespace. */
  TENANT_DB_ADMIN_URL: z.string().url().optional(),
  /**
   * Remote databases: how long one database request may take before the call fails (a hung tenant).
   * Above sqld's 5 s write-lock limit, after which it rolls a stuck holder back and a waiting write goes on.
   */
  DB_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
  /** sqld's --admin-auth-key. */
  TENANT_DB_ADMIN_KEY: z.string().optional(),
  /**
   * Node: host:port every database URL connects to, keeping the URL's host name for sqld to pick the
   * namespace from — for servers without a wildcard DNS name (like curl's --connect-to).
   */
  DB_CONNECT_TO: z.string().regex(/^[^:\s]+:\d+$/, "DB_CONNECT_TO must be host:port").optional(),
});

export type Env = z.infer<typeof envSchema>;

/** The resolved configuration the app runs with. */
export interface Config {
  mode: Env["DUIKOU_ENV"];
  jwt: { secret: string; issuer: string; audience: string; ttlSeconds: number };
  demoUsers: boolean;
  demoLedger: boolean;
  logLevel: Env["LOG_LEVEL"];
  programReportDelaySeconds: number;
  /** Node: the address to listen on. */
  host: string;
  trustProxy: boolean;
  /** The hosts outgoing webhooks may call: the WeCom and DingTalk robots and WEBHOOK_EXTRA_HOSTS. */
  webhookHosts: string[];
}

/** Whether a listen address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Thrown when the environment is invalid or unsafe; the entry refuses to start. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses raw variables (process.env or Worker bindings). Unknown keys are ignored.
 * @example const env = parseEnv(process.env)
 */
export function parseEnv(raw: Record<string, unknown>): Env {
  const strings: Record<string, unknown> = {};
  for (const key of Object.keys(envSchema.shape)) if (raw[key] !== undefined) strings[key] = raw[key];
  const result = envSchema.safeParse(strings);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  return result.data;
}

/** Derives the app configuration and refuses unsafe production settings. */
export function toConfig(env: Env): Config {
  const development = env.DUIKOU_ENV !== "production";
  const config: Config = {
    mode: env.DUIKOU_ENV,
    jwt: { secret: env.JWT_SECRET, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, ttlSeconds: env.TOKEN_TTL_SECONDS },
    demoUsers: env.DEMO_USERS ?? development,
    demoLedger: env.DEMO_LEDGER ?? development,
    logLevel: env.LOG_LEVEL,
    programReportDelaySeconds: env.REPORT_PROGRAM_DELAY_SECONDS,
    host: env.HOST ?? (development ? "127.0.0.1" : "0.0.0.0"),
    trustProxy: env.TRUST_PROXY ?? false,
    webhookHosts: ["qyapi.weixin.qq.com", "oapi.dingtalk.com", ...env.WEBHOOK_EXTRA_HOSTS.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)],
  };
  // The development secret is public (it is in this file): anything reachable from another machine
  // would accept tokens anyone can forge. Development mode stays on loopback unless given a secret.
  if (config.jwt.secret === DEV_JWT_SECRET && !isLoopback(config.host)) {
    throw new ConfigError(`Refusing to listen on ${config.host} with the development JWT_SECRET: set JWT_SECRET (32+ characters) or listen on 127.0.0.1`);
  }
  if (config.mode === "production") {
    if (config.jwt.secret === DEV_JWT_SECRET) throw new ConfigError("Refusing to start in production with the default JWT_SECRET");
    if (config.demoUsers) throw new ConfigError("Refusing to start in production with DEMO_USERS enabled");
    if (config.demoLedger) throw new ConfigError("Refusing to start in production with DEMO_LEDGER enabled");
  }
  return config;
}
