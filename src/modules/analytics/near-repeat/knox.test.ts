import { describe, expect, it } from 'vitest';
import type { IntervalSide, Metric } from './bands.js';
import { permutationCounts } from './knox-counts.js';
import { knoxTestParallel, splitIterations } from './knox-parallel.service.js';
import { knoxTest, prepareKnox, type KnoxEvent, type KnoxParameters } from './knox.js';
import { iterationRandom, shuffleInPlace, uniformBelow } from './seeded-random.js';

const params = (p: Partial<KnoxParameters> = {}): KnoxParameters => ({
  sBands: [0.1, 5, 10, 13], tBands: [0, 3, 7], iterations: 19, seed: 1, intervalSide: 'left', metric: 'euclidean', ...p,
});

/** Independent O(n^2) count: every pair i < j, bands by a plain scan of the limits. */
function bruteForce(x: number[], y: number[], t: number[], p: KnoxParameters): number[][] {
  const band = (v: number, limits: number[]) => limits.findIndex((b) => (p.intervalSide === 'left' ? v <= b : v < b));
  const out = p.sBands.map(() => p.tBands.map(() => 0));
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = x[j]! - x[i]!;
      const dy = y[j]! - y[i]!;
      const d = p.metric === 'euclidean' ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
      const s = band(d, p.sBands);
      const k = band(Math.abs(t[j]! - t[i]!), p.tBands);
      if (s >= 0 && k >= 0) out[s]![k]!++;
    }
  }
  return out;
}

/**
 * Random events on a whole-metre lattice with whole-day times, so many pairs lie exactly on a
 * band limit (3-4-5 and 5-12-13 triangles, duplicates, differences equal to a limit) and on the
 * search grid's cell edges.
 */
function lattice(seed: number, n: number, size = 30, days = 40): KnoxEvent[] {
  const next = iterationRandom(seed, 999);
  return Array.from({ length: n }, () => ({ x: uniformBelow(next, size), y: uniformBelow(next, size), t: uniformBelow(next, days) }));
}

const cases: { side: IntervalSide; metric: Metric; sBands: number[]; tBands: number[] }[] = [
  { side: 'left', metric: 'euclidean', sBands: [0.1, 5, 10, 13], tBands: [0, 3, 7] },
  { side: 'right', metric: 'euclidean', sBands: [0.1, 5, 10, 13], tBands: [1, 3, 7] },
  { side: 'left', metric: 'manhattan', sBands: [0, 4, 7], tBands: [2, 5] },
  { side: 'right', metric: 'manhattan', sBands: [1, 4, 7], tBands: [2, 5, 6] },
  { side: 'left', metric: 'euclidean', sBands: [25], tBands: [39] },
];

describe('Knox observed table', () => {
  for (const c of cases) {
    it(`equals a brute-force count (${c.side}, ${c.metric}, s ${c.sBands}, t ${c.tBands}), points on limits included`, () => {
      for (const seed of [1, 2, 3]) {
        const events = lattice(seed, 250);
        const p = params({ intervalSide: c.side, metric: c.metric, sBands: c.sBands, tBands: c.tBands });
        const expected = bruteForce(events.map((e) => e.x), events.map((e) => e.y), events.map((e) => e.t), p);
        expect(knoxTest(events, p).observed).toEqual(expected);
      }
    });
  }

  it('counts points exactly one limit apart, along both axes and diagonally (3-4-5), in the band that limit closes', () => {
    // Pairs at exactly 5 m and exactly 3 days: with left both are in the first band; with right neither.
    const events = [{ x: 0, y: 0, t: 0 }, { x: 5, y: 0, t: 3 }, { x: 100, y: 100, t: 0 }, { x: 103, y: 104, t: 3 }, { x: 200, y: 0, t: 0 }, { x: 200, y: 5, t: 3 }];
    expect(knoxTest(events, params({ sBands: [5, 10], tBands: [3, 6] })).observed).toEqual([[3, 0], [0, 0]]);
    expect(knoxTest(events, params({ sBands: [5, 10], tBands: [3, 6], intervalSide: 'right' })).observed).toEqual([[0, 0], [0, 3]]);
  });
});

describe('Knox permutations', () => {
  it('each iteration equals a brute-force count on that iteration\'s shuffle of the times', () => {
    const events = lattice(4, 120);
    const p = params({ iterations: 11 });
    const prepared = prepareKnox(events, p);
    const order = [...prepared.order];
    const x = order.map((i) => events[i]!.x);
    const y = order.map((i) => events[i]!.y);
    const counts = permutationCounts(prepared.job, 0, p.iterations);
    for (let k = 0; k < p.iterations; k++) {
      const shuffled = Int32Array.from(prepared.job.times);
      shuffleInPlace(shuffled, iterationRandom(p.seed, k));
      expect([...counts.subarray(k * 12, (k + 1) * 12)], `iteration ${k}`).toEqual(bruteForce(x, y, [...shuffled], p).flat());
    }
  });

  it('WebAssembly and JavaScript loops give the same counts (bands with and without whole days, both sides)', () => {
    for (const [intervalSide, tBands] of [['left', [0, 2.5, 2.7, 9]], ['right', [0.5, 3, 9.5]], ['left', [40]], ['right', [1]]] as const) {
      const prepared = prepareKnox(lattice(7, 300), params({ intervalSide, tBands: [...tBands], iterations: 21 }));
      expect([...permutationCounts(prepared.job, 0, 21, 'auto')]).toEqual([...permutationCounts(prepared.job, 0, 21, 'js')]);
    }
  });

  it('splits iterations into whole blocks of 8 for the worker threads, and refuses work over a budget', async () => {
    expect(splitIterations(99, 2)).toEqual([[0, 48], [48, 99]]);
    expect(splitIterations(10, 4)).toEqual([[0, 8], [8, 10]]);
    await expect(knoxTestParallel(lattice(1, 50), params(), { workers: 1, maxWork: 10 })).rejects.toThrow(/more work than one request may take/);
  });

  it('does not depend on how the iterations are split (seed per iteration)', () => {
    const prepared = prepareKnox(lattice(5, 200), params({ iterations: 37 }));
    const whole = permutationCounts(prepared.job, 0, 37);
    const parts = [[0, 5], [5, 13], [13, 16], [16, 37]].map(([a, b]) => permutationCounts(prepared.job, a!, b!));
    expect([...parts.flatMap((q) => [...q])]).toEqual([...whole]);
  });

  it('has the exact permutation expectation as its mean: pairs in the spatial band x share of time pairs in the temporal band', () => {
    const events = lattice(6, 80, 40, 30);
    const p = params({ iterations: 3000, sBands: [5, 10, 20], tBands: [1, 4, 9] });
    const r = knoxTest(events, p);
    const n = events.length;
    const pairsIn = (limits: number[], value: (i: number, j: number) => number) => {
      const c = limits.map(() => 0);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        const k = limits.findIndex((b) => value(i, j) <= b);
        if (k >= 0) c[k]!++;
      }
      return c;
    };
    const spatial = pairsIn(p.sBands, (i, j) => Math.hypot(events[j]!.x - events[i]!.x, events[j]!.y - events[i]!.y));
    const temporal = pairsIn(p.tBands, (i, j) => Math.abs(events[j]!.t - events[i]!.t));
    const allPairs = (n * (n - 1)) / 2;
    for (let s = 0; s < 3; s++) {
      for (let t = 0; t < 3; t++) {
        const exact = (spatial[s]! * temporal[t]!) / allPairs;
        const se = Math.max(0.05, Math.sqrt(exact) / Math.sqrt(p.iterations)) * 4;
        expect(Math.abs(r.expectedMean[s]![t]! - exact), `cell ${s},${t}: mean ${r.expectedMean[s]![t]} vs ${exact}`).toBeLessThan(se * 1.5);
      }
    }
  });
});

describe('Knox statistics, hand-worked', () => {
  it('two events: one pair whose time difference no shuffle can change: p = 1, ratios 1, z undefined (null)', () => {
    const r = knoxTest([{ x: 0, y: 0, t: 0 }, { x: 0, y: 100, t: 3 }], params({ sBands: [200, 400], tBands: [3, 6], iterations: 99 }));
    expect(r.observed).toEqual([[1, 0], [0, 0]]);
    expect(r.pValues).toEqual([[1, 1], [1, 1]]);
    expect(r.ratioMedian).toEqual([[1, null], [null, null]]);
    expect(r.ratioMean).toEqual([[1, null], [null, null]]);
    expect(r.zScores).toEqual([[null, null], [null, null]]);
    expect(r.sLabels).toEqual(['[0, 200]', '(200, 400]']);
  });

  it('three events, one close pair: a shuffle keeps it within 2 days with probability 1/3', () => {
    // A and B are 50 m apart, 1 day apart; C is far away on day 10. The shuffle gives A and B two
    // of the times {0, 1, 10}: {0, 1} (in), {0, 10}, {1, 10} (out), each with probability 1/3.
    const events = [{ x: 0, y: 0, t: 0 }, { x: 0, y: 50, t: 1 }, { x: 5000, y: 0, t: 10 }];
    const r = knoxTest(events, params({ sBands: [100], tBands: [2], iterations: 9999 }));
    expect(r.observed).toEqual([[1]]);
    expect(r.expectedMean[0]![0]).toBeCloseTo(1 / 3, 1);
    expect(r.ratioMean[0]![0]).toBeCloseTo(3, 0);
    expect(r.pValues[0]![0]).toBeCloseTo(1 / 3, 1);
    // Most shuffles give 0 pairs: the median is 0, so the median ratio is undefined (null).
    expect(r.expectedMedian[0]![0]).toBe(0);
    expect(r.ratioMedian[0]![0]).toBeNull();
    // sd = sqrt(1/3 * 2/3); z = (1 - 1/3) / sd = sqrt(2).
    expect(r.zScores[0]![0]).toBeCloseTo(Math.SQRT2, 1);
  });

  it('empty and one-event inputs: no pairs, p = 1, ratios and z null (never NaN)', () => {
    for (const events of [[], [{ x: 1, y: 2, t: 3 }]]) {
      const r = knoxTest(events, params());
      expect(r.n).toBe(events.length);
      expect(r.closePairs).toBe(0);
      expect(r.observed.flat().every((v) => v === 0)).toBe(true);
      expect(r.pValues.flat().every((v) => v === 1)).toBe(true);
      expect([...r.ratioMean.flat(), ...r.ratioMedian.flat(), ...r.zScores.flat()].every((v) => v === null)).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('all-identical events: every pair in the first cell, shuffles change nothing', () => {
    const events = Array.from({ length: 6 }, () => ({ x: 10, y: 10, t: 100 }));
    const r = knoxTest(events, params());
    expect(r.observed[0]).toEqual([15, 0, 0]);
    expect(r.observed.slice(1).flat().every((v) => v === 0)).toBe(true);
    expect(r.pValues[0]![0]).toBe(1);
    expect(r.ratioMean[0]![0]).toBe(1);
    expect(r.zScores[0]![0]).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('same seed, same result; another seed, other permutations but the same observed table', () => {
    const events = lattice(8, 150);
    const a = knoxTest(events, params({ iterations: 49 }));
    expect(knoxTest(events, params({ iterations: 49 }))).toEqual(a);
    const b = knoxTest(events, params({ iterations: 49, seed: 2 }));
    expect(b.observed).toEqual(a.observed);
    expect(b.expectedMean).not.toEqual(a.expectedMean);
  });

  it('refuses bad parameters and events, naming them', () => {
    expect(() => knoxTest([], params({ iterations: 1 }))).toThrow(/iterations: must be a whole number from 2/);
    expect(() => knoxTest([], params({ seed: -1 }))).toThrow(/seed/);
    expect(() => knoxTest([], params({ sBands: [10, 5] }))).toThrow(/sBands: band limits must be strictly increasing/);
    expect(() => knoxTest([{ x: 0, y: 0, t: 1.5 }], params())).toThrow(/event 1: time must be a whole number/);
    expect(() => knoxTest([{ x: Number.NaN, y: 0, t: 1 }], params())).toThrow(/event 1: coordinates/);
  });
});
