/** 下属单位: the unit's own towns/sub-districts, departments, schools, hospitals and cultural units. */
import { SUB_UNIT_KINDS, subUnits } from "../../../db/tenant/schema";
import { f } from "../fields";
import { defineResource } from "../resource";

export const SUB_UNIT_KIND_LABELS = {
  town: "镇街",
  department: "部门",
  school: "学校",
  hospital: "医院",
  cultural_unit: "文化单位",
  enterprise: "企业",
  other: "其他",
} as const;
export const SUB_UNIT_KIND_LABELS_EN: Record<keyof typeof SUB_UNIT_KIND_LABELS, string> = { town: "Town", department: "Department", school: "School", hospital: "Hospital", cultural_unit: "Cultural unit", enterprise: "Enterprise", other: "Other" };

export const subUnitsResource = defineResource({
  path: "sub-units",
  entity: "sub_unit",
  label: { zh: "下属单位", en: "sub-units" },
  table: subUnits,
  fields: {
    name: f.text("名称", "Name", 100),
    kind: f.enumOf(SUB_UNIT_KINDS, SUB_UNIT_KIND_LABELS, "类型", "Kind", { en: SUB_UNIT_KIND_LABELS_EN }),
    areaCode: f.area("对应受援地代码", "Paired area code", { required: false, help: "十组团镇街填写对口的韶关县（市、区）", helpEn: "For a 十组团 town, its paired Shaoguan county" }),
    placeholder: f.bool("待填写", "Placeholder"),
    note: f.longText("备注", "Note"),
  },
  filters: ["kind", "areaCode", "placeholder"],
  search: ["name", "note"],
  sorts: ["name", "kind"],
  defaultSort: "name",
  titleField: "name",
});
