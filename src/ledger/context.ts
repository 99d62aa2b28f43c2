/** Builds a write's context from a request: the tenant, who writes, and the unit's programs. */
import type { Context } from "hono";
import type { AuditActor } from "../tenants/audit";
import { programsOf } from "../directory/unit-programs";
import type { AppEnv } from "../types";
import type { WriteContext } from "./resource";

/** The audit actor of the signed-in user for this request. */
export function requestActor(c: Context<AppEnv>): AuditActor {
  const auth = c.get("auth");
  return { actor: auth.username, actorRole: auth.role, requestId: c.get("requestId"), method: c.req.method, route: c.req.routePath };
}

export async function writeContext(c: Context<AppEnv>): Promise<WriteContext> {
  const tenant = c.get("tenant");
  const { platform } = c.get("services");
  return { tenant, platform, actor: requestActor(c), unitPrograms: await programsOf(platform, tenant.unit.slug), queue: c.get("services").queue };
}
