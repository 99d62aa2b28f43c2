import { defineConfig } from "drizzle-kit";

/** drizzle-kit generates the platform migration track from db/platform/schema.ts into db/platform/migrations. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/platform/schema.ts",
  out: "./db/platform/migrations",
});
