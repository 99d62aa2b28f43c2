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
 */
const PAUSES_MS = [100, 300, 900];

async function refused(response: Response): Promise<boolean> {
  if (response.status === 429 || response.status === 503) return true;
  if (response.status !== 404) return false;
  return /namespace .* doesn't exist|database not found/i.test(await response.clone().text());
}

export function retryingFetch(base: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The body is read once and re-sent as is: the libSQL client sends JSON strings.
    const original = typeof input === "object" && "url" in input && !init ? (input as Request) : undefined;
    const body = original ? await original.clone().text() : init?.body;
    const url = original ? original.url : input;
    const options: RequestInit = original ? { method: original.method, headers: original.headers, ...(original.method === "GET" ? {} : { body }) } : { ...init };
    for (let attempt = 0; ; attempt++) {
      const response = await base(url as RequestInfo, options);
      if (attempt >= PAUSES_MS.length || !(await refused(response))) return response;
      const after = Number(response.headers.get("retry-after"));
      const pause = Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 2_000) : PAUSES_MS[attempt]!;
      await response.body?.cancel().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }) as typeof fetch;
}
