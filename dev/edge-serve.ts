/**
 * `npm run dev:edge`: seeds DATA_DIR like `npm start` does, then serves the real Worker bundle in
 * workerd on EDGE_PORT (default 8788) over the same data.
 */
import { parseEnv, toConfig } from "../src/env";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import { startEdge } from "./edge";

const env = parseEnv(process.env);
const services = await createNodeServices(env, toConfig(env), createLogger("warn"));
await bootstrap(services, { seed: true, migrateTenants: true });
closeServices(services);
const port = Number(process.env.EDGE_PORT ?? 8788);
const edge = await startEdge({ dataDir: env.DATA_DIR, port, bindings: { JWT_SECRET: env.JWT_SECRET } });
console.log(`duikou Worker in workerd: ${(await edge.mf.ready).toString()}  (data: ${env.DATA_DIR})`);
process.once("SIGINT", () => void edge.close().then(() => process.exit(0)));
