/**
 * Turns zod issues into details a clerk can act on: the field's path and a short sentence in the
 * request's language ("此项为必填项", "不能大于 100"), instead of zod's developer wording.
 */
import type { z } from "zod";
import type { ErrorDetail } from "./errors";
import type { Lang } from "./i18n";

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  "zh-CN": { string: "文本", number: "数字", int: "整数", boolean: "是/否", array: "列表", object: "对象", date: "日期", bigint: "整数" },
  en: { string: "text", number: "a number", int: "a whole number", boolean: "true/false", array: "a list", object: "an object", date: "a date", bigint: "a whole number" },
};

const FORMAT_NAMES: Record<Lang, Record<string, string>> = {
  "zh-CN": { date: "日期（YYYY-MM-DD）", datetime: "日期时间", email: "电子邮箱", url: "网址", uuid: "UUID", regex: "规定格式" },
  en: { date: "a date (YYYY-MM-DD)", datetime: "a date-time", email: "an email address", url: "a URL", uuid: "a UUID", regex: "the required format" },
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cursor = input;
  for (const key of path) {
    if (cursor === null || typeof cursor !== "object") return undefined;
    cursor = (cursor as Record<PropertyKey, unknown>)[key];
  }
  return cursor;
}

/** One issue as a sentence in `lang`. `input` is what was validated, to tell "missing" from "wrong type". */
export function describeIssue(issue: Issue, input: unknown, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(input, issue.path) === undefined) return zh ? "此项为必填项" : "This field is required";
      const name = TYPE_NAMES[lang][issue.expected] ?? issue.expected;
      return zh ? `应为${name}` : `Must be ${name}`;
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string") return issue.minimum === 1 ? (zh ? "不能为空" : "Must not be empty") : zh ? `至少 ${min} 个字符` : `At least ${min} characters`;
      if (issue.origin === "array") return zh ? `至少 ${min} 项` : `At least ${min} items`;
      return zh ? `不能小于${issue.inclusive ? "" : "或等于"} ${min}` : `Must be ${issue.inclusive ? "at least" : "more than"} ${min}`;
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string") return zh ? `最多 ${max} 个字符` : `At most ${max} characters`;
      if (issue.origin === "array") return zh ? `最多 ${max} 项` : `At most ${max} items`;
      return zh ? `不能大于${issue.inclusive ? "" : "或等于"} ${max}` : `Must be ${issue.inclusive ? "at most" : "less than"} ${max}`;
    }
    case "invalid_format": {
      const name = FORMAT_NAMES[lang][issue.format] ?? issue.format;
      return zh ? `格式不正确，应为${name}` : `Must be ${name}`;
    }
    case "invalid_value": {
      // A choice that names its options (a ledger field's labels) says so in our bilingual message.
      if (issue.message.includes(" | ")) return pickBilingual(issue.message, lang);
      const options = issue.values.map(String).join(zh ? "、" : ", ");
      return zh ? `应为以下之一：${options}` : `Must be one of: ${options}`;
    }
    case "unrecognized_keys":
      return zh ? `不认识的字段：${issue.keys.join("、")}` : `Unknown field(s): ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return zh ? `应为 ${String(issue.divisor)} 的倍数` : `Must be a multiple of ${String(issue.divisor)}`;
    case "custom":
      // Our own refinements carry a bilingual message "中文 | English".
      return pickBilingual(issue.message, lang);
    default:
      return zh ? "内容无效" : "Invalid value";
  }
}

/** Picks one side of a "中文 | English" message (our convention for messages built in code). */
export function pickBilingual(message: string, lang: Lang): string {
  const at = message.indexOf(" | ");
  if (at < 0) return message;
  return lang === "en" ? message.slice(at + 3) : message.slice(0, at);
}

/** All issues as error details, prefixed with where the value came from (body, query, param…). */
export function issuesToDetails(issues: readonly Issue[], input: unknown, lang: Lang, prefix: string): ErrorDetail[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    code: issue.code,
    message: describeIssue(issue, input, lang),
  }));
}
