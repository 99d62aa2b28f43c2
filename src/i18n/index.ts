import { en } from "./en";
import { zhCN, type MessageKey } from "./zh-CN";

export type { MessageKey };
export type Lang = "zh-CN" | "en";

const catalogs: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

/**
 * The user's language from Accept-Language: English only when it is preferred over Chinese.
 * @example pickLang("en-US,en;q=0.9") // "en"
 */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return "zh-CN";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}

/**
 * A message in the given language with `{name}` placeholders filled.
 * @example t("en", "error.unit_not_found", { unit: "acme" })
 */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
