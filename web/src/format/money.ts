/**
 * Money is integer fen in the API. The UI shows 万元 (fen / 1,000,000, two decimals, rounded half
 * up exactly) and takes 元 with at most two decimals, converted to fen through strings — never a
 * floating-point multiplication.
 */

import { MAX_FEN, parseYuan as parseAmount } from "../../../src/ledger/money";

export { MAX_FEN };

export type YuanParse = { ok: true; fen: number } | { ok: false; reason: "format" | "decimals" | "negative" | "too_large" };

/**
 * Parses yuan typed by a person ("12,345.6", "￥100", "100元") into integer fen — the server's own
 * parser (src/ledger/money.ts), so the form and the importer accept the same amounts; a form amount
 * is never negative.
 * @example parseYuan("12.34") // { ok: true, fen: 1234 }
 */
export function parseYuan(input: string): YuanParse {
  if (input.trim().startsWith("-")) return { ok: false, reason: "negative" };
  return parseAmount(input);
}

/** Fen as yuan with two decimals, for an input's value. @example fenToYuan(123456) // "1234.56" */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Fen as 万元 with two decimals and thousands separators.
 * @example fenToWan(123_456_789) // "123.46"
 */
export function fenToWan(fen: number, digits = 2): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const unit = 1_000_000;
  const scale = 10 ** digits;
  const scaled = Math.floor((abs * scale + unit / 2) / unit);
  const whole = Math.floor(scaled / scale);
  const frac = digits ? `.${String(scaled % scale).padStart(digits, "0")}` : "";
  return `${sign}${group(String(whole))}${frac}`;
}

/** Yuan with separators, for explanations. @example fenYuanText(123456) // "1,234.56" */
export function fenYuanText(fen: number): string {
  const [whole = "0", frac = "00"] = fenToYuan(fen).split(".");
  return `${whole.startsWith("-") ? "-" : ""}${group(whole.replace("-", ""))}.${frac}`;
}

/** An integer with thousands separators. */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : group(String(n));
}
