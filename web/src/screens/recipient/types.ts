/** The recipient's view of a helper's record is the server's own type (src/recipients/claims.ts), with its helper. */
import type { Claim, ClaimEntity } from "../../../../src/recipients/claims";

export type { ClaimEntity };

export type ClaimRow = Claim & { unit: { slug: string; name: string } };

export interface Claims {
  area: { code: string; fullName: string };
  helpers: { slug: string; name: string; programs: string[] }[];
  items: ClaimRow[];
  truncated: string[];
  unavailable: string[];
  money: { claimedFen: number; confirmedFen: number; disputedFen: number; confirmedPercent: number | null };
}
