/**
 * Facts: what a unit's ledger holds for one program and one year, as SQL aggregates. Their size
 * grows with the number of kinds, quarters, areas and pairs, never with the number of records, so
 * a unit with 20,000 activities a year has facts of a few kilobytes. Every figure — dashboard,
 * compliance, rollup, reports, alerts, assessment — is judged from these by `judgeUnit`.
 *
 * Types come from the drizzle schema: renaming a column or an enum value fails to compile here.
 */
import type { activities, cadres, funds, pairings, projects, submissions, targets } from "../../db/tenant/schema";
import type { Quarter } from "../periods/period";

type Activity = typeof activities.$inferSelect;
type Fund = typeof funds.$inferSelect;
type Project = typeof projects.$inferSelect;
type Cadre = typeof cadres.$inferSelect;
type Pairing = typeof pairings.$inferSelect;

/** Bump when the shape below or what the loader counts changes: stored facts of another shape are recomputed. */
export const FACTS_VERSION = 8;

/** Activities by quarter, kind and direction, with their summed figures. */
export interface ActivityFact {
  quarter: Quarter;
  kind: Activity["kind"];
  direction: Activity["direction"];
  count: number;
  people: number;
  quantity: number;
  hours: number;
  amountFen: number;
  /** Events the entries stand for: an entry's quantity, at least 1. */
  events: number;
}

/** Visits, joint meetings and job fairs by quarter, area, direction and leader level: rules ask where they went. */
export interface PlaceActivityFact {
  quarter: Quarter;
  kind: "visit" | "joint_meeting" | "job_fair";
  areaCode: string | null;
  /** The sub-unit (a town) the entry names, if any. */
  subUnitId: string | null;
  direction: Activity["direction"];
  leaderLevel: Activity["leaderLevel"];
  count: number;
}

/** Activities that name a local pairing or a sub-unit, by quarter and kind: what per-pair rules add up. */
export interface PairActivityFact {
  quarter: Quarter;
  pairingId: string | null;
  subUnitId: string | null;
  kind: Activity["kind"];
  direction: Activity["direction"];
  /** Whether the entry names a leader level (school leaders' exchanges). */
  leader: boolean;
  count: number;
  people: number;
  /** People the entries stand for: each entry's person count, at least 1. */
  persons: number;
  /** The entry's quantity, at least 1 per entry (events an entry stands for). */
  events: number;
}

/** Plan documents (五有) by type and the year they are dated, up to the end of the fact year. */
export interface PlanDocumentFact {
  documentType: NonNullable<Activity["documentType"]>;
  year: number;
  count: number;
}

/** Annual agreements dated in the year, by the year each covers. */
export interface AgreementFact {
  quarter: Quarter;
  agreementYear: number | null;
  areaCode: string | null;
  count: number;
  /** Of them, those with a signed copy attached. */
  signed: number;
}

/** Money by quarter and recipient area, pivoted by kind (fen). */
export interface FundAreaFact {
  quarter: Quarter;
  areaCode: string;
  allocatedFen: number;
  /** Of the allocations, those the province paid (the 3 : 7 split of 2016 §10). */
  allocatedProvinceFen: number;
  disbursedFen: number;
  /** Of the disbursements, those the recipient confirmed arrived (on the record's current version: 资金到位). */
  confirmedFen: number;
  /** Of the disbursements, those the recipient disputes (on the current version). */
  disputedFen: number;
  /** Of the allocations, those the recipient confirmed arrived — and of them the province's part (a rule may count only these). */
  allocatedConfirmedFen: number;
  allocatedProvinceConfirmedFen: number;
  overrunFen: number;
  donationsFen: number;
  investmentFen: number;
  /** Allocations, donations and investment: money put in. */
  inFen: number;
  grassrootsInFen: number;
  count: number;
}

/** Money put in through a pairing's projects, or by a town: what per-pair and per-town rules add up. */
export interface FundPairFact {
  quarter: Quarter;
  /** The pairing of the fund's project, if any. */
  pairingId: string | null;
  areaCode: string;
  inFen: number;
  /** Of it, from a town's own budget and for livelihoods (§五(四) of the Dongguan–Shaoguan plan). */
  townLivelihoodFen: number;
}

/** Projects by the quarter they start in (their start date, else the day they were recorded) and area. */
export interface ProjectAreaFact {
  quarter: Quarter;
  areaCode: string;
  count: number;
  grassroots: number;
  budgetFen: number;
  beneficiaries: number;
  beneficiariesLifted: number;
  /** Of them, the completions the recipient confirmed. */
  confirmed: number;
}

export interface ProjectStatusFact {
  quarter: Quarter;
  status: Project["status"];
  count: number;
}

export interface ProjectCategoryFact {
  quarter: Quarter;
  category: Project["category"];
  count: number;
}

/** Seconded cadres with the same term and host, counted — no personal field leaves the tenant. */
export interface CadreFact {
  level: Cadre["level"];
  hostAreaCode: string;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  status: Cadre["status"];
  count: number;
  /** Of them, those the recipient confirmed in post. */
  confirmed: number;
}

/** A local pairing (structure the unit records; tens, not thousands). */
export interface PairingFact {
  id: string;
  kind: Pairing["kind"];
  counterpart: string;
  subUnitId: string | null;
  areaCode: string;
  startDate: string;
  endDate: string | null;
  demonstration: boolean;
}

/** A town (镇街) with the county it is grouped with. */
export interface TownFact {
  id: string;
  name: string;
  areaCode: string;
}

export interface SubmissionFact {
  quarter: number;
  status: (typeof submissions.$inferSelect)["status"];
  submittedAt: string | null;
}

export interface TargetFact {
  indicator: string;
  target: number;
  source: (typeof targets.$inferSelect)["source"];
}

export interface Facts {
  shape: typeof FACTS_VERSION;
  year: number;
  /** The program the facts are scoped to (records tagged with it or with none), or null for the whole ledger. */
  program: string | null;
  activities: ActivityFact[];
  placeActivities: PlaceActivityFact[];
  pairActivities: PairActivityFact[];
  planDocuments: PlanDocumentFact[];
  agreements: AgreementFact[];
  fundAreas: FundAreaFact[];
  fundPairs: FundPairFact[];
  projectAreas: ProjectAreaFact[];
  projectStatuses: ProjectStatusFact[];
  projectCategories: ProjectCategoryFact[];
  cadres: CadreFact[];
  pairings: PairingFact[];
  towns: TownFact[];
  submissions: SubmissionFact[];
  targets: TargetFact[];
}

export type FactKey = Exclude<keyof Facts, "shape" | "year" | "program">;

/** The tenant's data versions a computation read: { "0": undated, "2026": that year }. */
export type DataVersions = Record<string, number>;

export type { Activity, Cadre, Fund, Pairing, Project };
