/**
 * The address a request came from, for throttling. On Node the socket's peer (or, behind a proxy the
 * operator trusts, the last X-Forwarded-For entry — the one that proxy appended); on Workers the
 * address Cloudflare puts in CF-Connecting-IP. Headers a client sets itself are never trusted.
 */
import type { Context } from "hono";
import type { AppEnv } from "../types";
import { clientKey } from "./throttle";

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientOf(c: Context<AppEnv>): string {
  const node = (c.env as NodeBindings | undefined)?.incoming;
  if (node) {
    if (c.get("services").config.trustProxy) {
      const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1);
      if (forwarded?.trim()) return clientKey(forwarded);
    }
    return clientKey(node.socket?.remoteAddress);
  }
  if (c.get("services").runtime === "workers") return clientKey(c.req.header("cf-connecting-ip"));
  // In-process requests (tests, app.request) have no peer.
  return "local";
}
