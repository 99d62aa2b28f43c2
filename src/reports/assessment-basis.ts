/**
 * What each program's annual assessment rests on, from its own document. Only the 2016 East–West
 * document names the dimensions to assess (§14); the others ask for assessment or evaluation without
 * setting dimensions or indicators, so their assessment lists the annual requirements that can be
 * checked and names the units that excel or lag, with no score and no ranking — inventing weights a
 * document does not give would put words in its mouth.
 */
export interface AssessmentBasis {
  /** File and section of the clause. */
  clause: string;
  /** The clause, quoted verbatim. */
  quote: string;
  /** Whether the document sets the dimensions scored by `score()` (2016 §14). */
  dimensions: boolean;
}

export const ASSESSMENT_BASIS: Readonly<Record<string, AssessmentBasis>> = {
  "gd-east-west-2016": {
    clause: "2016-guangdong-east-west-poverty-collaboration.txt §14",
    quote: "重点考核减贫成效、劳务协作、产业合作、人才支援、资金支持 5 个方面。",
    dimensions: true,
  },
  "gd-old-areas": {
    clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §三(三)",
    quote: "及时跟踪对口支援工作进展，加强督促检查，定期组织工作成效评估，并将评估结果纳入地方政府绩效评价考核体系。",
    dimensions: false,
  },
  "gannan-central": {
    clause: "2021-central-units-support-gannan-soviet-areas.txt §三(三)",
    quote: "国家发展改革委、中央组织部要及时跟踪对口支援工作进展情况，加大督促检查力度，定期组织工作成效评估，并将评估结果纳入地方政府绩效评价考核体系。",
    dimensions: false,
  },
  "dongguan-shaoguan": {
    clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(五)",
    quote: "莞韶指挥部办公室每季度、每半年收集各牵头单位的工作进展情况并进行汇总，并定期对两市各牵头部门、莞韶对口帮扶“十组团”指挥部工作进展情况进行实地指导，对工作突出的或落实不到位的单位或个人予以通报。",
    dimensions: false,
  },
  "gd-guizhou": {
    clause: "2022-guangdong-guizhou-pairing-opinions.txt §(二十)",
    quote: "两省科学设置考核指标,定期对各结对帮扶市和省相关单位东西部协作工作成效进行考核评价。",
    dimensions: false,
  },
};

/** A program's basis; a program no document describes (a new one) is assessed by its requirements. */
export function assessmentBasis(program: string): AssessmentBasis {
  return ASSESSMENT_BASIS[program] ?? { clause: "", quote: "", dimensions: false };
}
