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
  /**
   * The unit's programs the caller may see. A coordinator sees a unit only through the programs it
   * coordinates — compliance, reports, figures and every ledger record tagged with a program are
   * limited to these; records tagged with no program are the unit's own and visible to any reader.
   */
  programs: readonly string[];
  /** Whether records of the unit's other programs must be hidden (coordinators). */
  scoped: boolean;
}

const NONE: TenantAccess = { read: false, write: false, personal: false, programs: [], scoped: true };

/**
 * @param unitPrograms the programs the unit takes part in
 * @example decideAccess(auth, "dongguan", ["dongguan-shaoguan"])
 */
export function decideAccess(auth: AuthInfo, unit: string, unitPrograms: readonly string[]): TenantAccess {
  switch (auth.role) {
    case "unit_admin":
    case "unit_editor":
      return auth.unit === unit ? { read: true, write: true, personal: true, programs: unitPrograms, scoped: false } : NONE;
    case "viewer":
      return auth.unit === unit ? { read: true, write: false, personal: true, programs: unitPrograms, scoped: false } : NONE;
    case "coordinator": {
      const mine = unitPrograms.filter((p) => auth.programs.includes(p));
      return mine.length ? { read: true, write: false, personal: false, programs: mine, scoped: true } : NONE;
    }
    case "admin":
      return { read: true, write: false, personal: false, programs: unitPrograms, scoped: false };
    case "recipient":
      // A recipient reads what helpers claim for its area through /api/recipient, never a tenant's ledger.
      return NONE;
  }
}

/** The programs whose records and reports a reader sees: `null` for all of the unit's. */
export type ProgramScope = readonly string[] | null;

export function programScope(access: Pick<TenantAccess, "scoped" | "programs">): ProgramScope {
  return access.scoped ? access.programs : null;
}

/** Whether a reader sees a record or report of this program; one of no program is the unit's own. */
export function seesProgram(access: Pick<TenantAccess, "scoped" | "programs">, program: string | null | undefined): boolean {
  return !access.scoped || program == null || access.programs.includes(program);
}
