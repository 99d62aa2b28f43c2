/** How a ledger value reads in a table cell: 万元 for money, labels for enums, names for areas. */
import type { LedgerRecord } from "../api/types";
import { areaName } from "../api/unit-data";
import { count, fenToWan } from "../format/money";
import { t } from "../i18n";
import { label } from "../labels";
import { INDICATOR_UNIT } from "./indicators.gen";
import type { FieldDef } from "./resources";

export function cellText(field: FieldDef, record: LedgerRecord, refNames: Map<string, string>, programNames: Map<string, string>): string {
  const v = record[field.key];
  if (field.key === "target" && record.indicator) {
    const unit = INDICATOR_UNIT[String(record.indicator)];
    if (unit === "fen") return `${fenToWan(Number(v))} ${t("unit.wan")}`;
    if (unit === "percent") return `${String(v)}%`;
    return count(Number(v));
  }
  if (v === null || v === undefined || v === "") return "—";
  switch (field.kind) {
    case "money":
      return fenToWan(Number(v));
    case "int":
      return field.key === "year" || field.key === "agreementYear" ? String(v) : count(Number(v));
    case "bool":
      return v ? t("common.yes") : t("common.no");
    case "enum":
      return label(field.options ?? {}, v);
    case "area":
      return areaName(v);
    case "ref":
      return refNames.get(String(v)) ?? `#${String(v).slice(-6)}`;
    case "program":
      return programNames.get(String(v)) ?? String(v);
    default:
      return String(v);
  }
}

/** The column header, with the money unit. */
export function columnHeader(field: FieldDef, zhOrEn: string): string {
  return field.kind === "money" ? `${zhOrEn}${t("form.wanSuffix")}` : zhOrEn;
}
