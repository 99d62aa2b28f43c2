/**
 * Money is integer fen (分) everywhere; yuan (元) appear only in spreadsheets and 万元 only at display.
 * Conversions go through strings, never through floating-point multiplication.
 */

/** Largest amount accepted: 10^13 fen = 1000 亿元, far above any program and safely inside 2^53. */
export const MAX_FEN = 10_000_000_000_000;

export type YuanParse = { ok: true; fen: number } | { ok: false; reason: "format" | "decimals" | "too_large" };

/**
 * Parses yuan written by a person or a spreadsheet ("12,345.6", "￥100", "100元", 12345.67) into fen:
 * the one parser the API, the importer and the web form share. Exponents ("1.2e3") are refused:
 * no clerk writes them, and a cell that shows one was typed as something else.
 * @example parseYuan("12.34") // { ok: true, fen: 1234 }
 * @example parseYuan("12.345") // { ok: false, reason: "decimals" }
 */
export function parseYuan(value: unknown): YuanParse {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "format" };
    // A spreadsheet number such as 12.34 arrives as binary floating point: round to 2 decimals via its shortest decimal form.
    text = value.toFixed(6).replace(/\.?0+$/, "");
  } else if (typeof value === "string") {
    // Both yen signs: ¥ (U+00A5) and the full-width ￥ (U+FFE5) a Chinese input method types.
    text = value.trim().replace(/[,，\s]/g, "").replace(/^[¥￥]/, "").replace(/元$/, "");
  } else return { ok: false, reason: "format" };
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, reason: "format" };
  const [, sign, whole = "", rawFrac = ""] = match;
  const frac = rawFrac.replace(/0+$/, "");
  if (frac.length > 2) return { ok: false, reason: "decimals" };
  const digits = `${whole}${frac.padEnd(2, "0")}`.replace(/^0+(?=\d)/, "");
  if (digits.length > 14) return { ok: false, reason: "too_large" };
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return { ok: false, reason: "too_large" };
  return { ok: true, fen: sign === "-" && fen !== 0 ? -fen : fen };
}

/** Yuan into fen, or null when it is not an amount (see parseYuan). @example yuanToFen("12.34") // 1234 */
export function yuanToFen(value: unknown): number | null {
  const parsed = parseYuan(value);
  return parsed.ok ? parsed.fen : null;
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
