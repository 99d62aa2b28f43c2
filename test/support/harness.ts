/**
 * The test harness: real libSQL databases (in memory by default, files when a test needs restarts),
 * the real seed, and helpers that mint users and tokens with prefixed ids so tests never share data.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { userPrograms, users, type Role } from "../../db/platform/schema";
import { createApp } from "../../src/app";
import { tokenForUser } from "../../src/auth/users";
import { parseEnv, toConfig, type Env } from "../../src/env";
import { createLogger, type Logger } from "../../src/log";
import { closeServices, createNodeServices } from "../../src/node-services";
import { bootstrap } from "../../src/platform/bootstrap";
import type { Router } from "../../src/router";
import type { Services } from "../../src/services";
import { seedDocuments } from "../../src/seed/seed";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

export interface Harness {
  services: Services;
  app: Router;
  env: Env;
  /** Log lines the services wrote (to assert on logged request ids). */
  logs: string[];
  close(): Promise<void>;
}

/** A temporary folder removed by the returned cleanup. */
export function tempDir(prefix = "duikou-test-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Seeded services and app over fresh databases.
 * @example const h = await startHarness(); const res = await h.app.request("/api/health")
 */
export async function startHarness(vars: Record<string, string> = {}, options: { seed?: boolean } = {}): Promise<Harness> {
  const env = parseEnv({ DUIKOU_ENV: "test", JWT_SECRET: TEST_SECRET, DATA_DIR: ":memory:", LOG_LEVEL: "warn", DEMO_USERS: "true", DEMO_LEDGER: "false", ...vars });
  const config = toConfig(env);
  const logs: string[] = [];
  const log: Logger = createLogger(config.logLevel, (line) => logs.push(line));
  const services = await createNodeServices(env, config, log);
  await bootstrap(services, { seed: (options.seed ?? true) ? seedDocuments : undefined, migrateTenants: true });
  return { services, app: createApp(services), env, logs, close: () => closeServices(services) };
}

let counter = 0;
/** A unique prefixed id for this test process. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export interface TestUser {
  id: string;
  username: string;
  token: string;
}

/** Creates a user directly in the platform database and mints a token for it (no login round trip). */
export async function makeUser(h: Harness, role: Role, scope: { unit?: string; programs?: string[]; area?: string } = {}): Promise<TestUser> {
  const id = uid(`u-${role}`);
  const username = id.toLowerCase();
  await h.services.platform.insert(users).values({ id, username, displayName: `测试 ${role}`, passwordHash: "x", role, unit: scope.unit ?? null, areaCode: scope.area ?? null });
  for (const program of scope.programs ?? []) await h.services.platform.insert(userPrograms).values({ userId: id, program });
  const { token } = await tokenForUser(h.services.platform, h.services.config.jwt, id);
  return { id, username, token };
}

/** Request helper: JSON in, the response out. */
export function call(h: Harness, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return h.app.request(path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
  });
}
