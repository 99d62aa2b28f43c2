/**
 * Resolves `:unit` for every tenant route once: checks the caller may act on it, opens its
 * database (migrating it if needed) and puts it on `c.var.tenant`. Handlers never open databases.
 */
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { TenantDb } from "../services";
import { ApiError } from "../errors";
import { programsOf } from "../directory/unit-programs";
import { markChanged, tenantVersions } from "../figures/store";
import type { AppEnv } from "../types";
import { decideAccess } from "./access";
import { classifyFault, clearFault, FAULT_MESSAGES, recordFault } from "./faults";
import { UNIT_SLUG_PATTERN } from "./connector";
import { CacheFullError } from "./connection-cache";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** POSTs that write nothing (an import's preview carries a file, so it is no GET): no figures to refresh after them. */
const WRITES_NOTHING = /\/import\/preview$/;

/** The one write a coordinator makes in a unit: sending a quarterly submission back (the handler checks the program). */
/** What a coordinator may write in a unit: reopen (return) a submission, and return a record on its thread. */
const COORDINATOR_WRITE = /^\/api\/t\/[^/]+\/(submissions\/[^/]+\/reopen|(funds|projects|cadres|activities)\/[^/]+\/thread)$/;

/**
 * The response, with `release` called once its body has been sent or abandoned (at once when it has none).
 */
function releasedWhenSent(res: Response, release: () => void): Response {
  if (!res.body) {
    release();
    return res;
  }
  const reader = res.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/**
 * After a successful write to a unit's database — by its staff, or by the recipient side — the unit's
 * figures have changed: tell the platform now (so the next reader of the rollup knows this unit's facts are
 * behind), then refresh them in the background.
 */
export async function tenantWritten(c: Context<AppEnv>, slug: string, db: TenantDb): Promise<void> {
  await markChanged(c.get("services").platform, slug, await tenantVersions(db));
  c.get("services").tenants.connector.checkpoint?.(slug);
  const refresh = c.get("services").snapshots.schedule(slug);
  try {
    c.executionCtx.waitUntil(refresh);
  } catch {
    // Node has no execution context: the refresh simply runs on.
  }
}

/** Must run after requireAuth(). */
export function tenantContext() {
  return createMiddleware<AppEnv>(async function tenantContextMiddleware(c, next) {
    const slug = c.req.param("unit") ?? "";
    const auth = c.get("auth");
    const { platform, tenants, log } = c.get("services");
    if (!UNIT_SLUG_PATTERN.test(slug)) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit: slug.slice(0, 40) });

    const access = decideAccess(auth, slug, await programsOf(platform, slug));
    if (!access.read) throw new ApiError("FORBIDDEN", "error.forbidden_unit");
    const coordinatorReopen = auth.role === "coordinator" && c.req.method === "POST" && COORDINATOR_WRITE.test(c.req.path);
    if (!READ_METHODS.has(c.req.method) && !access.write && !coordinatorReopen) throw new ApiError("FORBIDDEN", "error.forbidden");

    const unit = await tenants.find(slug);
    if (!unit) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit: slug });
    let handle;
    try {
      handle = await tenants.lease(unit);
    } catch (error) {
      if (error instanceof CacheFullError) throw new ApiError("UNAVAILABLE", "error.busy");
      const fault = classifyFault(error) ?? "database_unavailable";
      log.error("tenant database unavailable", { unit: slug, requestId: c.get("requestId"), fault, error: String(error) });
      await recordFault(platform, slug, fault);
      throw new ApiError("UNAVAILABLE", "error.tenant_unavailable", {}, [{ code: fault, message: FAULT_MESSAGES[fault] }]);
    }
    c.set("tenant", { ...handle, access: { write: access.write, personal: access.personal, programs: access.programs, scoped: access.scoped } });
    try {
      await next();
      if (c.res.status < 500 && unit.faultCode) await clearFault(platform, slug);
      // A successful write changes the unit's figures: tell the platform now (so the next reader of the
      // rollup knows this unit's facts are behind), then refresh them in the background.
      if (!READ_METHODS.has(c.req.method) && !WRITES_NOTHING.test(c.req.path) && c.res.status < 400) await tenantWritten(c, slug, handle.db);
    } catch (error) {
      handle.release();
      throw error;
    }
    // The connection is held until the response is done: a streamed export still reads from it.
    c.res = releasedWhenSent(c.res, handle.release);
  });
}
