/**
 * What a recipient user may reach: only its own area (from its token, never from the URL), only the units
 * that help it, only their records that lie in it. Anything else answers 404, so nothing tells a county
 * what exists elsewhere.
 */
import type { Context } from "hono";
import { ApiError } from "../../errors";
import { claimIn, type Claim, type ClaimEntity } from "../../recipients/claims";
import { helpersOf, type Helper } from "../../recipients/helpers";
import type { TenantDb } from "../../services";
import type { UnitRow } from "../../tenants/directory";
import type { AppEnv } from "../../types";

export function recipientArea(c: Context<AppEnv>): string {
  const area = c.get("auth").area;
  if (!area) throw new ApiError("FORBIDDEN", "error.forbidden");
  return area;
}

/** A helper of the area and its directory row, or 404. */
export async function helperOf(c: Context<AppEnv>, area: string, slug: string): Promise<{ helper: Helper; unit: UnitRow }> {
  const services = c.get("services");
  const helper = (await helpersOf(services.platform, area)).find((h) => h.slug === slug);
  const unit = helper ? await services.tenants.find(slug) : undefined;
  if (!helper || !unit) throw new ApiError("NOT_FOUND", "error.not_found");
  return { helper, unit };
}

/** The record, if it is the area's, or 404. */
export async function claimOrNotFound(db: TenantDb, entity: ClaimEntity, area: string, id: string): Promise<Claim> {
  const claim = await claimIn(db, entity, area, id);
  if (!claim) throw new ApiError("NOT_FOUND", "error.not_found");
  return claim;
}
