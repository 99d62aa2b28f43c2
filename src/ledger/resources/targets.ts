/**
 * 年度目标: the unit's annual target per indicator and program — pre-filled from the documents'
 * figures (src/rules/indicators.ts) and editable by the unit.
 */
import { targets } from "../../../db/tenant/schema";
import { INDICATOR_KEYS, INDICATORS } from "../../rules/indicators";
import { f } from "../fields";
import { defineResource } from "../resource";

const INDICATOR_LABELS = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, INDICATORS.find((i) => i.key === key)!.label.zh])) as Record<string, string>;
const INDICATOR_LABELS_EN = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, INDICATORS.find((i) => i.key === key)!.label.en])) as Record<string, string>;

export const targetsResource = defineResource({
  path: "targets",
  entity: "target",
  label: { zh: "年度目标", en: "targets" },
  table: targets,
  fields: {
    year: f.int("年度", "Year", { min: 2016, max: 2100 }),
    program: f.program("帮扶工作", "Program", { required: true }),
    indicator: f.enumOf(INDICATOR_KEYS, INDICATOR_LABELS, "指标", "Indicator", { en: INDICATOR_LABELS_EN }),
    // The API takes and gives a money target in fen like every amount; the help is for the people who fill in
    // the form (where a money target is typed in 元 and echoed in 万元) and the template's instructions.
    target: f.int("目标值", "Target", {
      min: 0,
      max: 1_000_000_000_000,
      help: "比例填百分数整数（如 60 即 60%），次数、个数填整数，资金目标按元填写（最多两位小数）",
      helpEn: "A share as a whole percentage (60 means 60%), a count as a whole number, a money target in yuan (at most two decimals)",
      // Sheets take a money target in 元, as every amount; the API keeps fen.
      amountWhen: { field: "indicator", values: INDICATORS.filter((i) => i.unit === "fen").map((i) => i.key) },
    }),
    source: f.enumOf(["rule", "manual"] as const, { rule: "政策文件", manual: "本单位调整" }, "来源", "Source", { required: false, en: { rule: "Policy document", manual: "Set by the unit" } }),
    note: f.longText("备注", "Note"),
  },
  filters: ["year", "program", "indicator", "source"],
  search: ["note"],
  sorts: ["year", "indicator", "program"],
  defaultSort: "indicator",
  titleField: "indicator",
  // A clerk's change of the figure is the unit's own decision from then on.
  onUpdate: (patch, before) => ("target" in patch && patch.target !== before.target && !("source" in patch) ? { ...patch, source: "manual" as const } : patch),
});
