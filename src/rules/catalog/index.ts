/** Every rule, by id. Each program's rule set (which rules, which parameters) starts from `programs` of each rule. */
import type { Rule } from "../types";
import { annualAgreement } from "./annual-agreement";
import { cadreTerms } from "./cadre-terms";
import { cultureBooks } from "./culture-books";
import { fiscalPerCounty } from "./fiscal-per-county";
import { fiveHaves } from "./five-haves";
import { fundsGrassrootsShare } from "./funds-grassroots-share";
import { hospitalContacts, hospitalExchanges, hospitalSeminars } from "./hospital-pairs";
import { jobPostingsFromRecipient, jobPostingsToRecipient } from "./job-postings";
import { jointMeetingsDongguan, jointMeetingsGuizhou } from "./joint-meetings";
import { leaderVisitsGuizhou } from "./leader-visits-guizhou";
import { mainLeaderVisits } from "./main-leader-visits";
import { projectsGrassrootsShare } from "./projects-grassroots-share";
import { quarterlySubmission } from "./quarterly-submission";
import { schoolLeaderExchanges, schoolTeachingResearch } from "./school-pairs";
import { performances } from "./performances";
import { supplyDemandFairs } from "./supply-demand-fairs";
import { demonstrationHospitals, schoolPairCount } from "./term-goals";
import { tourismPromotions } from "./tourism-promotions";
import { townLivelihoodFunds } from "./town-livelihood-funds";

export const RULES: readonly Rule[] = [
  // 2022 old revolutionary areas
  mainLeaderVisits,
  fundsGrassrootsShare,
  projectsGrassrootsShare,
  // 2022 Dongguan–Shaoguan
  jointMeetingsDongguan,
  townLivelihoodFunds,
  hospitalContacts,
  hospitalSeminars,
  hospitalExchanges,
  schoolLeaderExchanges,
  schoolTeachingResearch,
  schoolPairCount,
  demonstrationHospitals,
  cultureBooks,
  performances,
  jobPostingsToRecipient,
  jobPostingsFromRecipient,
  supplyDemandFairs,
  tourismPromotions,
  fiveHaves,
  quarterlySubmission,
  // 2016 East–West
  fiscalPerCounty,
  // 2022 Guangdong–Guizhou
  leaderVisitsGuizhou,
  jointMeetingsGuizhou,
  annualAgreement,
  // every program with a cadre term
  cadreTerms,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Bump when a rule's judgement changes: figures record the catalog version they were judged with. */
export const RULES_CATALOG_VERSION = 3;
