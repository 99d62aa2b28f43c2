/** The structure as the directory API gives it (GET /api/programs/{program}, …/groups, …/participants). */
export interface Program {
  slug: string;
  name: string;
  nameEn: string;
  document: string;
  docNumber: string;
  startYear: number;
  endYear: number;
  coordinator: string;
  cadreTermMonths: number | null;
  version: number;
  groupCount: number;
  unitCount: number;
}

export interface Stay {
  id: number;
  slug: string;
  name: string;
  role: "lead" | "member";
  effectiveFrom: string | null;
  effectiveTo: string | null;
  version: number;
}

export interface Group {
  id: string;
  area: { code: string; name: string; fullName: string; level: number };
  /** A prefecture's registered counties (where a clause binds each county and the document names none). */
  counties: { code: string; name: string }[];
  clause: string;
  basis: "pairing" | "support" | "funds";
  version: number;
  lead: { slug: string; name: string } | null;
  members: Stay[];
}

export interface Participant {
  id: number;
  slug: string;
  name: string;
  clause: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  version: number;
}
