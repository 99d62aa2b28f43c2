/** The product's Node server over a bench data folder (child process of `npm run bench`). */
import { serve } from "@hono/node-server";
import { createApp } from "../../src/app";
import { parseEnv, toConfig } from "../../src/env";
import { createLogger } from "../../src/log";
import { createNodeServices } from "../../src/node-services";

const env = parseEnv({ ...process.env, DUIKOU_ENV: "test", LOG_LEVEL: "error" });
const services = await createNodeServices(env, toConfig(env), createLogger("error"));
const server = serve({ fetch: createApp(services).fetch, port: 0, hostname: "127.0.0.1" }, (info) => console.log(JSON.stringify({ port: info.port })));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
