/**
 * Seeded random numbers for the Monte Carlo permutations. Each iteration gets its own generator,
 * derived from (seed, iteration), so a result depends only on the seed and the iteration count,
 * never on how the iterations are split across worker threads.
 */

/** splitmix32: spreads a 32-bit state into well-mixed words (used to seed xoshiro128**). */
function splitmix32(state: number): () => number {
  let a = state | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** A xoshiro128** generator returning unsigned 32-bit integers. */
export function xoshiro128(seedWords: readonly [number, number, number, number]): () => number {
  let [s0, s1, s2, s3] = seedWords.map((w) => w | 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  };
}

/** The generator for one Monte Carlo iteration (seed: a non-negative safe integer). */
export function iterationRandom(seed: number, iteration: number): () => number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  const mix = splitmix32(lo ^ Math.imul(hi, 0x85ebca6b) ^ Math.imul(iteration + 1, 0xc2b2ae35));
  // Run a few words through splitmix so nearby (seed, iteration) give unrelated streams.
  mix();
  return xoshiro128([mix() ^ lo, mix() ^ iteration, mix(), mix()]);
}

/**
 * An unbiased integer in [0, bound) by Lemire's multiply-and-reject while the product of a 32-bit
 * word and the bound is exact in a double (bound <= 2^21); above that, from a 53-bit fraction
 * (bias below bound / 2^53).
 */
export function uniformBelow(next: () => number, bound: number): number {
  if (bound > 2097152) return Math.floor(((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992 * bound);
  const x = next();
  // The 53-bit product x * bound: its low 32 bits are Math.imul's, its high part a division.
  let low = Math.imul(x, bound) >>> 0;
  if (low < bound) {
    const threshold = (4294967296 - bound) % bound;
    while (low < threshold) {
      const y = next();
      low = Math.imul(y, bound) >>> 0;
      if (low >= threshold) return Math.floor((y * bound) / 4294967296);
    }
  }
  return Math.floor((x * bound) / 4294967296);
}

/** Fisher–Yates shuffle in place: every permutation equally likely. */
export function shuffleInPlace(values: Int32Array, next: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = uniformBelow(next, i + 1);
    const v = values[i]!;
    values[i] = values[j]!;
    values[j] = v;
  }
}
