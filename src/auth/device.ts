/**
 * Device marks: a signed value a browser receives when it signs in to an account, and sends with its
 * next sign-ins. A mark proves that this device once knew the password, so the throttle exempts it
 * from the account-wide and address-wide locks an attacker can trigger (OWASP's "device cookie").
 * HMAC-SHA-256 with the token secret over the username and a random nonce; no database row.
 */
import type { Config } from "../env";

const encoder = new TextEncoder();
const keys = new Map<string, CryptoKey>();

async function key(secret: string): Promise<CryptoKey> {
  let found = keys.get(secret);
  if (!found) {
    found = await crypto.subtle.importKey("raw", encoder.encode(`device-mark|${secret}`), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, found);
  }
  return found;
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
function fromB64url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new mark for this username. */
export async function issueDeviceMark(jwt: Config["jwt"], username: string): Promise<string> {
  const nonce = b64url(crypto.getRandomValues(new Uint8Array(12)));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await key(jwt.secret), encoder.encode(`${username.toLowerCase()}|${nonce}`)));
  return `${nonce}.${b64url(signature)}`;
}

/** The mark's nonce when the mark is valid for this username, else null. */
export async function verifyDeviceMark(jwt: Config["jwt"], username: string, mark: string | undefined): Promise<string | null> {
  const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(mark ?? "");
  if (!match) return null;
  const signature = fromB64url(match[2]!);
  if (!signature) return null;
  const ok = await crypto.subtle.verify("HMAC", await key(jwt.secret), signature, encoder.encode(`${username.toLowerCase()}|${match[1]}`));
  return ok ? match[1]! : null;
}
