/**
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十九)
 * 「每年签署年度协作协议」
 * An annual collaboration agreement is signed every year.
 *
 * Counts: activities of kind `agreement` dated in the year whose `agreementYear` is the evaluated
 * year (an agreement signed this year for another year does not count). Missing before the year is
 * over warns; missing once it is over fails. Not applicable to a unit with no recipient area in the program.
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
  params: z.object({}),
  facts: ["agreements"],
  evaluate(input) {
    if (input.groupAreas.length === 0) return noGroupArea();
    const { year } = input.period;
    const actual = sum(toDate(input.facts.agreements, input).filter((a) => a.agreementYear === year), (a) => a.count);
    // One agreement a year: ceil(1 × quarter/4) = 1 at every quarter, so a missing one warns until the year is over.
    const { status, expected } = annualStatus(actual, 1, input);
    return {
      status,
      actual,
      expected,
      target: 1,
      unit: "count",
      explanation: {
        zh: actual > 0 ? `${year} 年度协作协议已签署（${actual} 份）。` : `${year} 年度协作协议尚未签署；每年须签署 1 份。`,
        en: actual > 0 ? `The ${year} collaboration agreement is signed (${actual}).` : `The ${year} collaboration agreement is not signed yet; one is required every year.`,
      },
    };
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["agreement"], agreementYear: input.period.year }),
});
