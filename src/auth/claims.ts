import type { Role } from "../../db/platform/schema";

/** Who is calling, as the verified token says. */
export interface AuthInfo {
  userId: string;
  username: string;
  name: string;
  role: Role;
  /** The unit of unit_admin / unit_editor / viewer. */
  unit: string | null;
  /** The programs a coordinator coordinates. */
  programs: string[];
  /** The recipient area of a `recipient` (a county, or a prefecture with its counties). */
  area: string | null;
  /** The user row's auth_version the token was issued against; an older one is refused. */
  authVersion: number;
  /**
   * The session a verified token belongs to (its jti) and when it expires (epoch seconds): signing
   * out ends that session alone. Absent on claims not read from a token (about to be issued).
   */
  session?: { id: string; expiresAt: number };
}

/** Roles that belong to exactly one unit. */
export const UNIT_ROLES: readonly Role[] = ["unit_admin", "unit_editor", "viewer"];
/** Roles that may write a unit's ledger. */
export const UNIT_WRITER_ROLES: readonly Role[] = ["unit_admin", "unit_editor"];
