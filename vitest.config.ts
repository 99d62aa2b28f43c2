import { defineConfig } from "vitest/config";

/** Timed against a real server: they run after the rest, alone, so no other test file competes for the two cores. */
const ALONE = ["test/reliability/stall.test.ts", "test/reliability/search.test.ts"];

/**
 * Every file's tests run in a shuffled order (every file: none leans on its tests' written order), so a test that leans on what an earlier one left fails
 * here rather than hiding. The seed is fixed (a failure is the same on every machine); TEST_SEED=<n>
 * npm test tries another order.
 */
const SHUFFLED = { shuffle: { files: false, tests: true }, seed: Number(process.env.TEST_SEED) || 20261202 };

export default defineConfig({
  test: {
    exclude: ["node_modules/**"],
    pool: "forks",
    maxWorkers: 2,
    // The browser and workerd tests start real servers and browsers: generous, but bounded.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The web modules some tests import read types and ledger definitions generated from the OpenAPI document.
    globalSetup: ["test/support/generated.ts"],
    env: { DUIKOU_ENV: "test", WRANGLER_SEND_METRICS: "false" },
    projects: [
      { extends: true, test: { name: "suite", include: ["test/**/*.test.ts"], exclude: ["node_modules/**", ...ALONE], sequence: { ...SHUFFLED, groupOrder: 0 } } },
      { extends: true, test: { name: "alone", include: ALONE, fileParallelism: false, sequence: { ...SHUFFLED, groupOrder: 1 } } },
    ],
  },
});
