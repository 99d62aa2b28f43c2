/**
 * Whether a token's user may still act: tokens are stateless, so a user who was disabled or removed
 * would otherwise keep access until the token expires. Checked on every authenticated request,
 * cached for a few seconds; an administrator's change takes effect at once in this process.
 */
import { eq } from "drizzle-orm";
import { users } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { TtlCache } from "../tenants/ttl-cache";

const active = new TtlCache<boolean>(5_000);

export async function userIsActive(db: PlatformDb, id: string): Promise<boolean> {
  return active.get(id, async () => {
    const [row] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, id));
    return Boolean(row && !row.disabled);
  });
}

/** Drops a user's cached state after a change. */
export function forgetUser(id: string): void {
  active.delete(id);
}
