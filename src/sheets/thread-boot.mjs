// The sheet thread starts here: a worker thread does not inherit the parent's TypeScript loader,
// so it registers tsx (the same compiler `npm start` runs under) before loading its entry.
import { register } from "tsx/esm/api";

register();
await import("./thread-entry.ts");
