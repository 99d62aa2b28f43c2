/**
 * The default configuration cannot be reached with forged tokens (security finding 5): the
 * development secret is public, so development listens on loopback only, and any other address
 * needs a real secret.
 */
import { describe, expect, it } from "vitest";
import { ConfigError, DEV_JWT_SECRET, parseEnv, toConfig } from "../../src/env";

const SECRET = "a-real-secret-of-at-least-32-characters-0123";

describe("where the server listens", () => {
  it("with nothing set, development listens on 127.0.0.1 only", () => {
    const config = toConfig(parseEnv({}));
    expect(config.mode).toBe("development");
    expect(config.jwt.secret).toBe(DEV_JWT_SECRET);
    expect(config.host).toBe("127.0.0.1");
  });

  it.each(["0.0.0.0", "::", "192.168.1.10", "duikou.example.gov.cn"])("refuses to listen on %s with the development secret", (host) => {
    expect(() => toConfig(parseEnv({ HOST: host }))).toThrow(ConfigError);
    expect(() => toConfig(parseEnv({ HOST: host, DUIKOU_ENV: "test" }))).toThrow(/JWT_SECRET/);
  });

  it("listens anywhere once given a real secret; production defaults to every interface", () => {
    expect(toConfig(parseEnv({ HOST: "0.0.0.0", JWT_SECRET: SECRET })).host).toBe("0.0.0.0");
    expect(toConfig(parseEnv({ DUIKOU_ENV: "production", JWT_SECRET: SECRET })).host).toBe("0.0.0.0");
    expect(toConfig(parseEnv({ HOST: "::1" })).host).toBe("::1");
  });
});
