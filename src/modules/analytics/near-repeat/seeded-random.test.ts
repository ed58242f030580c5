import { describe, expect, it } from 'vitest';
import { iterationRandom, shuffleInPlace, uniformBelow } from './seeded-random.js';

describe('seeded random numbers', () => {
  it('gives the same stream for the same (seed, iteration) and different streams otherwise', () => {
    const take = (seed: number, k: number) => Array.from({ length: 5 }, iterationRandom(seed, k));
    expect(take(1, 0)).toEqual(take(1, 0));
    expect(take(1, 0)).not.toEqual(take(1, 1));
    expect(take(1, 0)).not.toEqual(take(2, 0));
    expect(take(2 ** 40, 0)).not.toEqual(take(0, 0));
  });

  it('draws integers below the bound, each about equally often', () => {
    const next = iterationRandom(7, 3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[uniformBelow(next, 6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) expect(uniformBelow(next, 3_000_001)).toBeLessThan(3_000_001);
  });

  it('shuffles into a permutation of the same values, every order about equally likely', () => {
    const seen = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const v = Int32Array.from([1, 2, 3]);
      shuffleInPlace(v, iterationRandom(11, k));
      seen.set(v.join(), (seen.get(v.join()) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    for (const c of seen.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
    const big = Int32Array.from({ length: 1000 }, (_, i) => i);
    shuffleInPlace(big, iterationRandom(1, 0));
    expect([...big].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
