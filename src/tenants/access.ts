/**
 * Who may do what in a tenant — a pure decision, so it can be tested as a table.
 *
 * - unit_admin / unit_editor: read and write their own unit, personal fields included.
 * - viewer: read their own unit, personal fields included (they are the unit's own staff).
 * - coordinator: read units of the programs they coordinate; never personal fields.
 * - admin: read any unit for support; never personal fields; writes belong to the unit.
 * Anyone else: forbidden, with the same answer whether the unit exists or not.
 */
import type { AuthInfo } from "../auth/claims";

export interface TenantAccess {
  read: boolean;
  write: boolean;
  personal: boolean;
}

const NONE: TenantAccess = { read: false, write: false, personal: false };

/**
 * @param unitPrograms the programs the unit takes part in (only needed for coordinators)
 * @example decideAccess(auth, "dongguan", ["dongguan-shaoguan"])
 */
export function decideAccess(auth: AuthInfo, unit: string, unitPrograms: readonly string[]): TenantAccess {
  switch (auth.role) {
    case "unit_admin":
    case "unit_editor":
      return auth.unit === unit ? { read: true, write: true, personal: true } : NONE;
    case "viewer":
      return auth.unit === unit ? { read: true, write: false, personal: true } : NONE;
    case "coordinator":
      return unitPrograms.some((p) => auth.programs.includes(p)) ? { read: true, write: false, personal: false } : NONE;
    case "admin":
      return { read: true, write: false, personal: false };
  }
}

/** Whether a decision needs the unit's programs (to avoid a query for everyone else). */
export function needsPrograms(auth: AuthInfo): boolean {
  return auth.role === "coordinator";
}
