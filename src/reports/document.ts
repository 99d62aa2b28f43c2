/**
 * A report as data: title, issuing office, date and numbered sections of paragraphs and tables.
 * Builders produce it from a period's figures; renderers turn it into HTML, XLSX and DOCX. Being
 * plain data it is what gets frozen (stored and hashed) when a report is issued.
 */

/** A table cell: text, a whole number, or money in fen (shown in 万元). */
export type Cell = string | number | { fen: number } | null;

export interface ReportTable {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** A closing row (合计), shown in bold. */
  total?: Cell[];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  tables: ReportTable[];
}

export interface ReportDocument {
  /** e.g. 东莞市2026年第三季度对口帮扶工作进展报告 */
  title: string;
  /** The office that issues it (发文单位). */
  issuer: string;
  /** To whom (主送), e.g. the coordinating office. */
  recipient: string;
  /** Issue date YYYY-MM-DD. */
  date: string;
  /** A note such as 演示数据 or the period covered. */
  subtitle: string;
  sections: ReportSection[];
}

const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

/** 一、二、三… as official documents number their sections. */
export function sectionNumber(index: number): string {
  return `${CHINESE_NUMERALS[index] ?? String(index + 1)}、`;
}

/** 2026年3月5日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The text of a cell: money as 万元 with two decimals. */
export function cellText(cell: Cell, wan: (fen: number) => string): string {
  if (cell === null) return "";
  if (typeof cell === "object") return wan(cell.fen);
  return String(cell);
}
