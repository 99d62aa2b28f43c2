/**
 * Reads a Cloudflare `_headers` file (web/public/_headers), so the Node server sends the web pages
 * the very headers Workers Static Assets send: one file, two runtimes. Supports what that file
 * uses — a path pattern line (`/*`, `/assets/*`, an exact path) followed by indented
 * `Name: value` lines; `#` starts a comment.
 */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith("#")) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(":");
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a rule or without a colon: ${raw.trim()}`);
    rule.headers[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers for a path: every matching rule's, later rules overriding earlier ones. */
export function headersFor(path: string, rules: readonly HeaderRule[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.pattern.endsWith("*") ? path.startsWith(rule.pattern.slice(0, -1)) : path === rule.pattern;
    if (matches) Object.assign(out, rule.headers);
  }
  return out;
}
