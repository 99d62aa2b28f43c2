/**
 * 结对关系: local pairings beneath the official group — town ↔ county (十组团), school ↔ school,
 * hospital ↔ hospital, cultural unit ↔ cultural unit, enterprise ↔ village
 * (2022-dongguan-shaoguan-three-year-action-plan.txt §三(四)–(六); 2022-guangdong-guizhou-pairing-opinions.txt §(十四)).
 */
import { PAIRING_KINDS, pairings } from "../../../db/tenant/schema";
import type { ErrorDetail } from "../../errors";
import { f } from "../fields";
import { defineResource } from "../resource";

export const PAIRING_KIND_LABELS = {
  town_county: "镇街—县（组团）",
  school: "学校结对",
  hospital: "医院结对",
  culture: "文化单位结对",
  enterprise_village: "企业—村结对",
  department: "部门结对",
  other: "其他",
} as const;
export const PAIRING_KIND_LABELS_EN: Record<keyof typeof PAIRING_KIND_LABELS, string> = { town_county: "Town\u2013county (group)", school: "School pair", hospital: "Hospital pair", culture: "Cultural pair", enterprise_village: "Enterprise\u2013village", department: "Department pair", other: "Other" };

export const pairingsResource = defineResource({
  path: "pairings",
  entity: "pairing",
  label: { zh: "结对关系", en: "pairings" },
  table: pairings,
  fields: {
    kind: f.enumOf(PAIRING_KINDS, PAIRING_KIND_LABELS, "结对类型", "Kind", { en: PAIRING_KIND_LABELS_EN }),
    subUnitId: f.ref("sub_units", "本方下属单位编号", "Our sub-unit id", { help: "本单位直接结对时留空", helpEn: "Left empty when the unit itself is paired" }),
    counterpart: f.text("受援方单位", "Counterpart", 200, { help: "如：南雄市第一中学、乳源瑶族自治县人民医院", helpEn: "e.g. Nanxiong No. 1 Middle School, Ruyuan County People's Hospital" }),
    areaCode: f.area("受援地代码", "Recipient area code"),
    program: f.program(),
    startDate: f.date("开始日期", "Start date"),
    endDate: f.date("结束日期", "End date", { required: false }),
    demonstration: f.bool("示范结对", "Demonstration pair"),
    note: f.longText("备注", "Note"),
  },
  dateField: "startDate",
  filters: ["kind", "areaCode", "program", "subUnitId", "demonstration"],
  search: ["counterpart", "note"],
  sorts: ["startDate", "kind", "counterpart"],
  defaultSort: "-startDate",
  titleField: "counterpart",
  refine: (r): ErrorDetail[] =>
    r.endDate && r.startDate && String(r.endDate) < String(r.startDate) ? [{ path: "endDate", message: "结束日期不能早于开始日期 | The end date cannot be before the start date" }] : [],
});
