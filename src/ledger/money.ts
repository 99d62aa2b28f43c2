/**
 * Money is integer fen (分) everywhere; yuan (元) appear only in spreadsheets and 万元 only at display.
 * Conversions go through strings, never through floating-point multiplication.
 */

/** Largest amount accepted: 10^13 fen = 1000 亿元, far above any program and safely inside 2^53. */
export const MAX_FEN = 10_000_000_000_000;

/**
 * Parses yuan written by a person or a spreadsheet ("12,345.6", "1.2e3", 12345.67) into fen.
 * Returns null for anything that is not an amount with at most two decimals.
 * @example yuanToFen("12.34") // 1234
 */
export function yuanToFen(value: unknown): number | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    // A spreadsheet number such as 12.34 arrives as binary floating point: round to 2 decimals via its shortest decimal form.
    text = value.toFixed(6).replace(/\.?0+$/, "");
  } else if (typeof value === "string") {
    text = value.trim().replace(/[,，\s]/g, "").replace(/^¥|元$/g, "");
  } else return null;
  const match = /^(-?)(\d+)(?:\.(\d{1,2})0*)?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, frac = ""] = match;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return null;
  return sign === "-" ? -fen : fen;
}

/** Fen as yuan with two decimals, e.g. 123456 → "1234.56". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Fen as 万元 for display, with `digits` decimals (rounded half up, exactly).
 * @example fenToWan(123_456_789) // "123.46" (1,234,567.89 元)
 */
export function fenToWan(fen: number, digits = 2): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const unit = 1_000_000; // fen per 万元
  const scale = 10 ** digits;
  const scaled = Math.floor((abs * scale + unit / 2) / unit);
  const whole = Math.floor(scaled / scale);
  const frac = digits ? `.${String(scaled % scale).padStart(digits, "0")}` : "";
  return `${sign}${whole}${frac}`;
}
