/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed always gives the same
 * sequence, so demo data and benchmark federations are reproducible.
 * @example const next = seededRandom(42); next() // 0 ≤ x < 1
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
