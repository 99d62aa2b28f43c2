/**
 * `npm run dev:edge`: starts sqld under DATA_DIR/edge, seeds it like `npm start` seeds its files,
 * then serves the real Worker bundle in workerd on EDGE_PORT (default 8788) over it. A control
 * server on EDGE_CONTROL_PORT (default EDGE_PORT + 1) fires the crons and shows the runs and queue
 * traffic they caused — what Workers' dashboard would show.
 */
import { join } from "node:path";
import { parseEnv } from "../src/env";
import { startEdge } from "./edge";
import { serveEdgeControl } from "./edge-control";

const env = parseEnv(process.env);
const port = Number(process.env.EDGE_PORT ?? 8788);
const edge = await startEdge({ dataDir: join(env.DATA_DIR === ":memory:" ? "./data" : env.DATA_DIR, "edge"), port, bindings: { JWT_SECRET: env.JWT_SECRET }, seed: {} });
const control = await serveEdgeControl(edge, Number(process.env.EDGE_CONTROL_PORT ?? port + 1));
console.log(`duikou Worker in workerd: ${(await edge.mf.ready).toString()}  (sqld ${edge.sqld.address}, data ${edge.sqld.dataDir})`);
console.log(`control: ${control.url}  (POST /cron/daily|quarterly|annual, GET /runs, GET /traffic)`);
process.once("SIGINT", () => void Promise.all([edge.close(), control.close()]).then(() => process.exit(0)));
