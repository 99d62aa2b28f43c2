/**
 * Characters XML 1.0 cannot carry (§2.2 Char): C0 controls other than tab, LF and CR, the
 * non-characters U+FFFE and U+FFFF, and lone UTF-16 surrogates. Word and Excel refuse a file that
 * holds one, and SQLite would store a lone surrogate as U+FFFD — so they are refused at input,
 * everywhere (JSON bodies, imported cells), and stripped defensively by every renderer.
 */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_INVALID_ALL = new RegExp(XML_INVALID.source, "g");

export const XML_INVALID_MESSAGE = "含有无法保存或导出的字符（如控制字符、U+FFFE） | Contains characters that cannot be stored or exported (control characters, U+FFFE, …)";

/** The text without the characters XML cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID_ALL, "");
}

/** The path of the first string in a JSON value that holds such a character (keys included), or null. */
export function findXmlInvalid(value: unknown, path = "body"): string | null {
  if (typeof value === "string") return XML_INVALID.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findXmlInvalid(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (XML_INVALID.test(key)) return path;
      const found = findXmlInvalid(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
