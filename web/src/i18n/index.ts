/**
 * The UI language: zh-CN by default, English on request, remembered in localStorage. Every string
 * the UI shows comes from one catalog per language (zh-CN.ts is the reference; en.ts has the same keys).
 */
import { createStore, useStore } from "../store";
import { en } from "./en";
import { zhCN, type MessageKey } from "./zh-CN";

export type { MessageKey };
export type Lang = "zh-CN" | "en";

const STORAGE_KEY = "duikou.lang";
const catalogs: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export const langStore = createStore<Lang>(initialLang());

/** Switches the language and remembers the choice. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  langStore.set(lang);
}

/** The current language; the component re-renders when it changes. */
export function useLang(): Lang {
  return useStore(langStore);
}

/**
 * A message in the current language with `{name}` placeholders filled.
 * @example t("ledger.total", { n: 12 }) // "共 12 条"
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[langStore.get()][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** One side of a bilingual value from the API ({ zh, en }) or a label pair. */
export function pick(value: { zh: string; en: string } | readonly [string, string] | undefined | null): string {
  if (!value) return "";
  const en = langStore.get() === "en";
  if (Array.isArray(value)) return (en ? value[1] : value[0]) ?? "";
  const pair = value as { zh: string; en: string };
  return en ? pair.en : pair.zh;
}
