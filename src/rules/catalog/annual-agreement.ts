/**
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十九)
 * 「每年签署年度协作协议」
 * An annual collaboration agreement is signed every year.
 *
 * Counts: activities of kind `agreement` dated in the year whose `agreementYear` is the evaluated
 * year (an agreement signed this year for another year does not count). Missing before the year is
 * over warns; missing once it is over fails. Not applicable to a unit with no recipient area in the program.
 * A coordinator may ask for the evidence (`requireSignedCopy`, off by default): then an agreement counts
 * only once its signed copy is attached to it.
 */
import { z } from "zod";
import { annualStatus, noGroupArea, sum, toDate } from "../progress";
import { defineRule } from "../types";

export const annualAgreement = defineRule({
  id: "annual-agreement",
  title: () => ({ zh: "每年签署年度协作协议", en: "An annual collaboration agreement is signed every year" }),
  clause: "2022-guangdong-guizhou-pairing-opinions.txt §(十九)",
  quote: "每年签署年度协作协议",
  period: "year",
  programs: ["gd-guizhou"],
  params: z.object({ requireSignedCopy: z.boolean().default(false) }),
  facts: ["agreements"],
  evaluate(input, params) {
    if (input.groupAreas.length === 0) return noGroupArea();
    const { year } = input.period;
    const ofYear = toDate(input.facts.agreements, input).filter((a) => a.agreementYear === year);
    const recorded = sum(ofYear, (a) => a.count);
    const actual = params.requireSignedCopy ? sum(ofYear, (a) => a.signed ?? 0) : recorded;
    // One agreement a year: ceil(1 × quarter/4) = 1 at every quarter, so a missing one warns until the year is over.
    const { status, expected } = annualStatus(actual, 1, input);
    return {
      status,
      actual,
      expected,
      target: 1,
      unit: "count",
      explanation:
        actual > 0
          ? { zh: `${year} 年度协作协议已签署（${actual} 份${params.requireSignedCopy ? "，均附有签字盖章件" : ""}）。`, en: `The ${year} collaboration agreement is signed (${actual}${params.requireSignedCopy ? ", each with its signed copy attached" : ""}).` }
          : recorded > 0
            ? { zh: `已登记 ${recorded} 份 ${year} 年度协作协议，但未附签字盖章件；按要求须附件后方可计入。`, en: `${recorded} agreement(s) for ${year} are recorded but none has its signed copy attached, which this program requires.` }
            : { zh: `${year} 年度协作协议尚未签署；每年须签署 1 份。`, en: `The ${year} collaboration agreement is not signed yet; one is required every year.` },
    };
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["agreement"], agreementYear: input.period.year }),
});
