import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, DEV_JWT_SECRET, parseEnv, toConfig } from "../src/env";
import { bootstrap } from "../src/platform/bootstrap";
import { startHarness, TEST_SECRET, type Harness } from "./support/harness";

describe("environment", () => {
  it("defaults to development with demo users and the development secret", () => {
    const config = toConfig(parseEnv({}));
    expect(config).toMatchObject({ mode: "development", demoUsers: true, jwt: { secret: DEV_JWT_SECRET, issuer: "duikou" } });
  });

  it("rejects a short secret and a bad port", () => {
    expect(() => parseEnv({ JWT_SECRET: "short" })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  });

  it("refuses production with the default secret", () => {
    expect(() => toConfig(parseEnv({ DUIKOU_ENV: "production", DEMO_USERS: "false", DEMO_LEDGER: "false" }))).toThrow(/JWT_SECRET/);
  });

  it("refuses production with demo users switched on", () => {
    expect(() => toConfig(parseEnv({ DUIKOU_ENV: "production", JWT_SECRET: TEST_SECRET, DEMO_USERS: "true", DEMO_LEDGER: "false" }))).toThrow(/DEMO_USERS/);
  });

  it("accepts production with a real secret and no demo data", () => {
    const config = toConfig(parseEnv({ DUIKOU_ENV: "production", JWT_SECRET: TEST_SECRET }));
    expect(config).toMatchObject({ mode: "production", demoUsers: false, demoLedger: false });
  });
});

describe("production start with demo users left in the database", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("refuses to start", async () => {
    const production = { ...h.services, config: toConfig(parseEnv({ DUIKOU_ENV: "production", JWT_SECRET: TEST_SECRET })) };
    await expect(bootstrap(production, { migrateTenants: false })).rejects.toThrow(/demo users exist/);
  });
});
