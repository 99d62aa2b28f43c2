import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["node_modules/**"],
    pool: "forks",
    maxWorkers: 2,
    // The browser and workerd tests start real servers and browsers: generous, but bounded.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { DUIKOU_ENV: "test", WRANGLER_SEND_METRICS: "false" },
  },
});
