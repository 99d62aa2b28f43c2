/** A structured logger: one JSON line per event, the same on both runtimes (console is all either has). */
export type Level = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * @example const log = createLogger("info"); log.info("started", { port: 8787 })
 */
export function createLogger(level: Level, sink: (line: string, level: Level) => void = defaultSink): Logger {
  const emit = (at: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (order[at] < order[level]) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields }), at);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

function defaultSink(line: string, level: Level): void {
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}
