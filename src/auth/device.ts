/**
 * Device marks: a signed value a browser receives when it signs in to an account, and sends with its
 * next sign-ins. A mark proves that this device once knew the password, so the throttle exempts it
 * from the account-wide and address-wide locks an attacker can trigger (OWASP's "device cookie").
 * HMAC-SHA-256 with the token secret over the username and a random nonce; no database row.
 */
import { base64url } from "jose";
import type { Config } from "../env";
import { hmacKey } from "./tokens";

const encoder = new TextEncoder();
/** Its own key, derived from the token secret, so a device mark can never pass for a token signature or back. */
const key = (secret: string) => hmacKey(`device-mark|${secret}`);

/** A new mark for this username. */
export async function issueDeviceMark(jwt: Config["jwt"], username: string): Promise<string> {
  const nonce = base64url.encode(crypto.getRandomValues(new Uint8Array(12)));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await key(jwt.secret), encoder.encode(`${username.toLowerCase()}|${nonce}`)));
  return `${nonce}.${base64url.encode(signature)}`;
}

/** The mark's nonce when the mark is valid for this username, else null. */
export async function verifyDeviceMark(jwt: Config["jwt"], username: string, mark: string | undefined): Promise<string | null> {
  const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(mark ?? "");
  if (!match) return null;
  const signature = base64url.decode(match[2]!) as Uint8Array<ArrayBuffer>;
  const ok = await crypto.subtle.verify("HMAC", await key(jwt.secret), signature, encoder.encode(`${username.toLowerCase()}|${match[1]}`));
  return ok ? match[1]! : null;
}
