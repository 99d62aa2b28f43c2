/**
 * The fetch every remote database client uses (both runtimes): a request the server refused before
 * running it is sent again, a few times with growing pauses. Only refusals are retried — the server
 * did nothing, so any statement, a write included, is safe to resend:
 * - 429 (sqld: "Timed out while opening database connection" when its connections are all busy;
 *   Turso: rate limits), honouring Retry-After up to 2 s;
 * - 503 (the server is starting or shedding load);
 * - 404 "Namespace … doesn't exist" for a database that does exist: sqld 0.24 answers that while it
 *   reloads a namespace it had evicted (more namespaces than --max-active-namespaces), and Turso for
 *   a moment after a database is created.
 * A database that truly does not exist still fails, after the last attempt (about 1.3 s).
 *
 * Every attempt is also bounded in time: a database that does not answer within `timeoutMs` fails
 * the call (not retried — a statement may have run), so one hung tenant costs its caller a few
 * seconds, never the whole request budget, and a job moves on to the next unit.
 */
const PAUSES_MS = [100, 300, 900];

async function refused(response: Response): Promise<boolean> {
  if (response.status === 429 || response.status === 503) return true;
  if (response.status !== 404) return false;
  return /namespace .* doesn't exist|database not found/i.test(await response.clone().text());
}

export class DatabaseTimeoutError extends Error {
  override name = "DatabaseTimeoutError";
}

export function retryingFetch(base: typeof fetch = (input, init) => fetch(input, init), timeoutMs = 8_000): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The body is read once and re-sent as is: the libSQL client sends JSON strings.
    const original = typeof input === "object" && "url" in input && !init ? (input as Request) : undefined;
    const body = original ? await original.clone().text() : init?.body;
    const url = original ? original.url : input;
    const options: RequestInit = original ? { method: original.method, headers: original.headers, ...(original.method === "GET" ? {} : { body }) } : { ...init };
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await base(url as RequestInfo, { ...options, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
          throw new DatabaseTimeoutError(`database request timed out after ${timeoutMs} ms (${new URL(String(url instanceof Request ? url.url : url)).host})`);
        }
        throw error;
      }
      if (attempt >= PAUSES_MS.length || !(await refused(response))) return response;
      const after = Number(response.headers.get("retry-after"));
      const pause = Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 2_000) : PAUSES_MS[attempt]!;
      await response.body?.cancel().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }) as typeof fetch;
}
