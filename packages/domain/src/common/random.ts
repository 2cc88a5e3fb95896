/**
 * Reproducible randomness for samples an inspector must be able to re-draw: the same seed string gives
 * the same sequence on every machine and in every version of Node (no Math.random, no platform RNG).
 * cyrb53-style string hash into a 32-bit state, then mulberry32 — small, fast, and well distributed for
 * drawing samples (not for secrets).
 */

/** A 32-bit state from any string (cyrb53's mixing, folded to 32 bits). */
export function hashSeed(seed: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < seed.length; i++) {
    const ch = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** A generator of floats in [0, 1) from a seed string. */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` distinct items of `items` drawn with the seed: the items are put in a canonical order first (by
 * `keyOf`), so the draw does not depend on the order they were read in; then a seeded Fisher–Yates
 * shuffle picks the first `n`. Returned in canonical order, so a printed list reads naturally.
 */
export function seededSample<T>(items: readonly T[], n: number, seed: string, keyOf: (t: T) => string): T[] {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const take = Math.max(0, Math.min(n, sorted.length));
  const next = seededRandom(seed);
  const pool = [...sorted];
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const chosen = new Set(pool.slice(0, take).map(keyOf));
  return sorted.filter((t) => chosen.has(keyOf(t)));
}

/** A fresh seed to record with a draw: 8 hex digits from the caller's entropy source. */
export const seedFrom = (random32: number): string => (random32 >>> 0).toString(16).padStart(8, "0");
