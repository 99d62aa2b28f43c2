/** Every ledger resource with the generic operations, in the order the API documents them. */
import { activitiesResource } from "./activities";
import { cadresResource } from "./cadres";
import { fundsResource } from "./funds";
import { pairingsResource } from "./pairings";
import { projectsResource } from "./projects";
import { subUnitsResource } from "./sub-units";
import { submissionsResource } from "./submissions";
import { targetsResource } from "./targets";

export const LEDGER_RESOURCES = [
  subUnitsResource,
  pairingsResource,
  projectsResource,
  fundsResource,
  cadresResource,
  activitiesResource,
  targetsResource,
  submissionsResource,
] as const;
