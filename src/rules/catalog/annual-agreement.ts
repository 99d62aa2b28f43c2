/**
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十九)
 * 「每年签署年度协作协议」
 * An annual collaboration agreement is signed every year.
 *
 * Counts: activities of kind `agreement` whose `agreementYear` is the evaluated year (an agreement
 * signed this year for another year does not count). Missing before the year is over warns; missing
 * at year end fails. Not applicable to a unit with no recipient area in the program.
 */
import { z } from "zod";
import { annualStatus, notApplicable } from "../progress";
import { defineRule, type Evidence } from "../types";

export const annualAgreement = defineRule({
  id: "annual-agreement",
  title: { zh: "每年签署年度协作协议", en: "An annual collaboration agreement is signed every year" },
  clause: "2022-guangdong-guizhou-pairing-opinions.txt §(十九)",
  quote: "每年签署年度协作协议",
  period: "year",
  programs: ["gd-guizhou"],
  params: z.object({}),
  evaluate(data) {
    if (data.groupAreas.length === 0) {
      return notApplicable("count", "本单位在本项目中没有结对地区，不适用。", "The unit has no paired area in this program: not applicable.");
    }
    const agreements = data.activities.filter((a) => a.kind === "agreement" && Number(a.agreementYear) === data.year);
    const evidence: Evidence[] = agreements.map((a) => ({ entity: "activity", id: String(a.id), label: `${String(a.date)} ${String(a.title)}`, value: 1 }));
    const actual = agreements.length;
    // One agreement a year: ceil(1 × quarter/4) = 1 at every quarter, so a missing one warns until the year is over.
    const { status, expected } = annualStatus(actual, 1, data);
    return {
      status,
      actual,
      expected,
      target: 1,
      unit: "count",
      explanation: {
        zh: actual > 0 ? `${data.year} 年度协作协议已签署（${actual} 份）。` : `${data.year} 年度协作协议尚未签署；每年须签署 1 份。`,
        en: actual > 0 ? `The ${data.year} collaboration agreement is signed (${actual}).` : `The ${data.year} collaboration agreement is not signed yet; one is required every year.`,
      },
      evidence,
    };
  },
});
