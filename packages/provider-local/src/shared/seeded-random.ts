/** A deterministic pseudo-random source: every call returns the next number in [0, 1). */
export type RandomSource = () => number;

/**
 * Hashes any number of strings and numbers into an unsigned 32-bit integer (FNV-1a over the
 * UTF-16 code units, parts separated so `('ab', 'c')` and `('a', 'bc')` differ).
 *
 * @example
 * ```ts
 * hashSeed('Acme Water Bottle', 42); // → a stable 32-bit number
 * ```
 */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${String(part)}` : part;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A seeded pseudo-random generator (mulberry32): the same seed always yields the same sequence.
 * A string seed is hashed with {@link hashSeed} first. Not for cryptography.
 *
 * @example
 * ```ts
 * const random = seededRandom(hashSeed(product.title, 7));
 * const pick = options[Math.floor(random() * options.length)];
 * ```
 */
export function seededRandom(seed: number | string): RandomSource {
  let state = (typeof seed === 'string' ? hashSeed(seed) : Math.trunc(seed)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one item of a non-empty list with `random`. */
export function pickOne<T>(random: RandomSource, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pickOne() needs a non-empty list');
  return items[Math.floor(random() * items.length)] as T;
}

/** An integer in [min, max] (both included) drawn with `random`. */
export function randomInt(random: RandomSource, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
