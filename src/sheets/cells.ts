/**
 * Reading and writing one spreadsheet cell per field kind, the way a clerk fills a sheet:
 * amounts in 元 (to two decimals), 是/否 for yes/no, enum values by their Chinese label,
 * dates as YYYY-MM-DD, YYYY/M/D or an Excel date.
 */
import { wrongChoice, type Field } from "../ledger/fields";
import { fenToWan, fenToYuan, yuanToFen } from "../ledger/money";
import { normalizeDay } from "../periods/period";

/** A parsed cell: a value, or a message saying what is wrong ("中文 | English"). */
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const TRUE = new Set(["是", "y", "yes", "true", "1", "√", "✓"]);
const FALSE = new Set(["否", "n", "no", "false", "0", ""]);

/** Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug folded in). */
function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) return null;
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Names a clerk may write instead of codes: recipient areas by name (乐昌市) or full name
 * (广东省韶关市乐昌市), programs by their title. Plain data, so it crosses to the sheet thread.
 */
export interface ImportNames {
  /** Area name or full name → the codes it may mean (a name like 城区 means several). */
  areas: Record<string, { code: string; fullName: string }[]>;
  /** Program title → slug. */
  programs: Record<string, string>;
}

export const NO_NAMES: ImportNames = { areas: {}, programs: {} };

function areaCell(text: string, names: ImportNames): Parsed {
  const code = text.replace(/\.0+$/, "");
  if (/^\d{6}$/.test(code)) return { ok: true, value: code };
  const found = names.areas[text] ?? [];
  if (found.length === 1) return { ok: true, value: found[0]!.code };
  if (found.length > 1) {
    const which = found.slice(0, 4).map((a) => a.fullName).join("、");
    return { ok: false, message: `有多个地区叫“${text}”（${which}${found.length > 4 ? "等" : ""}），请填写全称或六位代码 | Several areas are called ${text}: write the full name or the six-digit code` };
  }
  return { ok: false, message: `找不到地区“${text}”，请填写地区名称、全称或六位代码 | No area called ${text}: write its name, full name or six-digit code` };
}

function programCell(text: string, names: ImportNames): Parsed {
  if (/^[a-z0-9-]{1,40}$/.test(text)) return { ok: true, value: text };
  const slug = names.programs[text];
  return slug ? { ok: true, value: slug } : { ok: false, message: `找不到帮扶工作“${text}”，请填写其名称 | No program called ${text}: write its name` };
}

export function parseCell(spec: Field, raw: unknown, names: ImportNames = NO_NAMES): Parsed {
  const empty = raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
  if (empty) return { ok: true, value: spec.cell === "bool" ? false : undefined };
  // A leading apostrophe is how our CSV export (and spreadsheets) mark text that looks like a formula.
  const text = typeof raw === "string" ? raw.trim().replace(/^'(?=[=+\-@])/, "") : String(raw);
  switch (spec.cell) {
    case "money": {
      const fen = yuanToFen(raw);
      return fen === null ? { ok: false, message: "应为金额（元），最多两位小数 | Must be an amount in yuan with at most two decimals" } : { ok: true, value: fen };
    }
    case "int": {
      const n = typeof raw === "number" ? raw : Number(text.replace(/[,，]/g, ""));
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, message: "应为整数 | Must be a whole number" };
    }
    case "bool": {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, message: "应填“是”或“否” | Must be 是 (yes) or 否 (no)" };
    }
    case "date": {
      if (typeof raw === "number") {
        const d = excelSerialToDate(raw);
        return d ? { ok: true, value: d } : { ok: false, message: "日期无效 | Invalid date" };
      }
      const day = normalizeDay(text);
      return day ? { ok: true, value: day } : { ok: false, message: "日期格式应为 YYYY-MM-DD | Dates are written YYYY-MM-DD" };
    }
    case "enum": {
      const labels = spec.labels ?? {};
      const byLabel = Object.entries(labels).find(([, label]) => label === text)?.[0];
      if (byLabel) return { ok: true, value: byLabel };
      if (text in labels) return { ok: true, value: text };
      return { ok: false, message: wrongChoice(labels, spec.labelsEn) };
    }
    case "area":
      return areaCell(text, names);
    case "program":
      return programCell(text, names);
    default:
      return { ok: true, value: text };
  }
}

/**
 * What a reader needs instead of codes: areas by full name (广东省韶关市乐昌市), programs by title,
 * referenced records (projects, pairings, sub-units) by name. Plain data, so it crosses to the sheet thread.
 */
export interface DisplayNames {
  areas: Record<string, string>;
  programs: Record<string, string>;
  refs: Record<string, string>;
}

export const NO_DISPLAY_NAMES: DisplayNames = { areas: {}, programs: {}, refs: {} };

/**
 * The cell a value is exported as: amounts in 元, 是/否, enums by label, areas by full name and programs
 * by title — each of which parseCell reads back. A reference stays its id (its name has its own column).
 */
export function formatCell(spec: Field, value: unknown, names: DisplayNames = NO_DISPLAY_NAMES): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (spec.cell) {
    case "money":
      return Number(fenToYuan(Number(value)));
    case "bool":
      return value ? "是" : "否";
    case "enum":
      return spec.labels?.[String(value)] ?? String(value);
    case "int":
      return Number(value);
    case "area":
      return names.areas[String(value)] ?? String(value);
    case "program":
      return names.programs[String(value)] ?? String(value);
    default:
      return String(value);
  }
}

/** 万元 to four decimals (whole 元), as a number for a sheet's 万元 column. */
export function wanCell(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(fenToWan(Number(value), 4));
}

/** A value as a person reads it in the import preview: names, labels, and amounts in 元 and 万元. */
export function displayText(spec: Field, value: unknown, names: DisplayNames): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (spec.cell === "money") return `${fenToYuan(Number(value))} 元（${fenToWan(Number(value), 4)} 万元）`;
  if (spec.cell === "ref") return names.refs[String(value)] ?? String(value);
  return String(formatCell(spec, value, names));
}
