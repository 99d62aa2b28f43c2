/**
 * A notice as a group robot takes it. WeCom (企业微信群机器人): `{ msgtype: "markdown", markdown: { content } }`,
 * answered `{ errcode: 0 }`. DingTalk (钉钉自定义机器人): `{ msgtype: "markdown", markdown: { title, text } }`, with
 * 加签 — `timestamp` and `sign` = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) added to the URL — also
 * answered `{ errcode: 0 }`. Every request also carries `X-Duikou-Signature: sha256=<hex HMAC of the body>` when
 * a secret is set, so an office's own receiver can check where it came from. Pure Web Crypto: both runtimes.
 */
export type WebhookFormat = "wecom" | "dingtalk";

export interface OutgoingNotice {
  title: string;
  text: string;
  /** Where to look, as a full URL of the web when the deployment knows its origin, else the hash route. */
  link: string;
}

async function hmac(secret: string, data: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data)));
}

const base64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

/** DingTalk's 加签 parameters for a moment (ms since the epoch). */
export async function dingtalkSign(secret: string, timestamp: number): Promise<string> {
  return encodeURIComponent(base64(await hmac(secret, `${timestamp}\n${secret}`)));
}

/** The request to send: URL (with DingTalk's signature), headers and body. */
export async function outgoingRequest(format: WebhookFormat, url: string, secret: string | null, notice: OutgoingNotice, now = Date.now()): Promise<{ url: string; headers: Record<string, string>; body: string }> {
  const markdown = `**${notice.title}**\n\n${notice.text}\n\n[查看详情](${notice.link})`;
  const body = JSON.stringify(format === "wecom" ? { msgtype: "markdown", markdown: { content: markdown } } : { msgtype: "markdown", markdown: { title: notice.title, text: markdown } });
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (secret) headers["X-Duikou-Signature"] = `sha256=${hex(await hmac(secret, body))}`;
  let target = url;
  if (format === "dingtalk" && secret) target = `${url}${url.includes("?") ? "&" : "?"}timestamp=${now}&sign=${await dingtalkSign(secret, now)}`;
  return { url: target, headers, body };
}

/** Whether a webhook's URL is one this deployment may call: https (http only to an allowed local host), an allowed host. */
export function urlProblem(url: string, allowedHosts: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "不是有效的网址 | Not a valid URL";
  }
  const host = parsed.host.toLowerCase();
  if (!allowedHosts.includes(host) && !allowedHosts.includes(parsed.hostname.toLowerCase())) return `只能发往企业微信或钉钉群机器人（或管理员允许的地址），不能发往 ${host} | Only the WeCom or DingTalk robots (or hosts the administrator allows)`;
  const local = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(parsed.hostname);
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && local)) return "须使用 https | Use https";
  if (parsed.username || parsed.password) return "网址中不能含用户名或密码 | No credentials in the URL";
  return null;
}
