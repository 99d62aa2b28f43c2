/**
 * Record ids: 10 characters of time and 16 of randomness (base 32, lower case), so ids sort by
 * creation and never collide across units, imports and isolates.
 * @example newId() // "01jd3k7v9q4m8x2c6b1n5t7r3w"
 */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export function newId(now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  let tail = "";
  for (const byte of random) tail += ALPHABET[byte % 32];
  return time + tail;
}

export const ID_PATTERN = /^[0-9a-z][0-9a-z-]{0,63}$/;
