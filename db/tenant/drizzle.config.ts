import { defineConfig } from "drizzle-kit";

/** drizzle-kit generates the tenant migration track from db/tenant/schema.ts into db/tenant/migrations. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/tenant/schema.ts",
  out: "./db/tenant/migrations",
});
