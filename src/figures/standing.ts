/**
 * Where a program's units stand for a period, in SQL: the common table every count and list of the
 * rollup reads, and the units a judge message takes. Shared by the rollup and the queue's handler.
 */
import { sql, type SQL } from "drizzle-orm";
import { periodKey } from "../periods/period";
import { RULES_CATALOG_VERSION } from "../rules/catalog";
import type { Services } from "../services";
import { FACTS_VERSION } from "./facts";
import { membersInForce } from "./in-force";
import { termKey, type JudgingInputs } from "./judgements";

/** A list of values for `IN (…)`. */
export const inList = (values: readonly string[]) => sql.join(values.map((x) => sql`${x}`), sql`, `);

/**
 * Where every member unit's figures stand for the period, as a SQL common table `s` — one row a unit:
 * its name and fault, when its facts were taken, whether they are current (no write since, no failed
 * refresh, the current shape), and whether its stored judgement was made from them with the current
 * inputs (day, rule set, term, catalog and the program's structure version). Every count and list below is a query over it,
 * so a read never holds the whole program.
 */
export function standingTable(program: string, inputs: JudgingInputs): SQL {
  const { period, day, terms } = inputs;
  const year = period.year;
  return sql`WITH m AS (${membersInForce(program, period)}),
    s AS (SELECT m.unit AS unit, u.name AS name, u.fault_code AS fault, f.computed_at AS takenAt, f.error AS error,
      (f.facts IS NOT NULL) AS hasFacts,
      (f.facts IS NOT NULL AND f.shape = ${FACTS_VERSION} AND f.error IS NULL AND NOT EXISTS (
        SELECT 1 FROM unit_data_versions v WHERE v.unit = m.unit AND (
          (v.year = 0 AND v.version > coalesce(json_extract(f.versions, '$."0"'), 0)) OR
          (v.year = ${year} AND v.version > coalesce(json_extract(f.versions, ${`$."${year}"`}), 0))))) AS factsCurrent,
      (j.unit IS NOT NULL AND j.day = ${day} AND j.rules_version = ${terms.rulesVersion} AND j.term = ${termKey(terms)} AND j.catalog = ${RULES_CATALOG_VERSION}
        AND j.structure_version = ${terms.structureVersion} AND j.facts_computed_at IS f.computed_at) AS judgedCurrent
    FROM m JOIN units u ON u.slug = m.unit
    LEFT JOIN unit_facts f ON f.unit = m.unit AND f.program = ${program} AND f.year = ${year}
    LEFT JOIN unit_judgements j ON j.unit = m.unit AND j.program = ${program} AND j.period = ${periodKey(period)})`;
}

/** A unit whose judgement is behind but whose facts can be judged. */
export const UNJUDGED = sql`s.hasFacts AND NOT s.judgedCurrent`;
/** A unit shown with its last figures: failing, facts behind, or judgement behind. */
export const STALE = sql`(s.fault IS NOT NULL OR NOT s.factsCurrent OR NOT s.judgedCurrent)`;

/** The units of a range of slugs (from inclusive, to exclusive) whose judgement is behind, at most `limit`. */
export async function unjudgedUnits(services: Services, program: string, inputs: JudgingInputs, range: { from?: string; to?: string | null }, limit: number): Promise<string[]> {
  const rows = await services.platform.all<{ unit: string }>(sql`${standingTable(program, inputs)}
    SELECT s.unit AS unit FROM s WHERE ${UNJUDGED} ${range.from ? sql`AND s.unit >= ${range.from}` : sql``} ${range.to ? sql`AND s.unit < ${range.to}` : sql``}
    ORDER BY s.unit LIMIT ${limit}`);
  return rows.map((r) => r.unit);
}

