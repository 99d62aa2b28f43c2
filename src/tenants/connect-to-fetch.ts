/**
 * Node only (src/node-services.ts and dev tools import it): a fetch for libSQL clients that sends
 * every request to one address while keeping the URL's host name in the Host header — what curl's
 * `--connect-to` does. sqld picks a tenant's namespace from the first label of the Host header, so a
 * deployment can reach `{tenant}.db.internal` on a server that has no wildcard DNS entry, and tests
 * can reach the sqld they started on 127.0.0.1. (Node's fetch always derives Host from the URL.)
 */
import { Buffer } from "node:buffer";
import { request as httpRequest, Agent } from "node:http";

/** `host:port` → a fetch that connects there for every URL. */
export function connectToFetch(target: string): typeof fetch {
  const at = target.lastIndexOf(":");
  const host = target.slice(0, at);
  const port = Number(target.slice(at + 1));
  if (!host || !Number.isInteger(port) || port <= 0) throw new Error(`DB_CONNECT_TO must be host:port, got ${target}`);
  // Kept-alive sockets: a libSQL client makes one HTTP request per statement batch.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  return (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // A Request from another fetch implementation (Miniflare's undici) is not `instanceof` this runtime's.
    const req = typeof input === "object" && "url" in input && !init ? (input as Request) : new Request(input, init);
    const url = new URL(req.url);
    if (url.protocol !== "http:") throw new Error(`DB_CONNECT_TO reaches plain HTTP servers only, not ${url.protocol} (${url.host})`);
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    req.headers.forEach((value, name) => (headers[name] = value));
    headers.host = url.host;
    if (body) headers["content-length"] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const outgoing = httpRequest({ host, port, method: req.method, path: `${url.pathname}${url.search}`, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") responseHeaders.set(name, value);
          resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 502, headers: responseHeaders }));
        });
        res.on("error", reject);
      });
      outgoing.on("error", reject);
      req.signal?.addEventListener("abort", () => outgoing.destroy(new Error("aborted")), { once: true });
      outgoing.end(body);
    });
  }) as typeof fetch;
}
