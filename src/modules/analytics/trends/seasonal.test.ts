import { describe, expect, it } from 'vitest';
import { addMonths, monthOfYear } from '../months.js';
import { countInterval } from './poisson.js';
import { seasonalOutlook } from './outlook.js';
import { centredMovingAverage, seasonalIndices, type MonthCount } from './seasonal.js';
import { detectLevelShift } from './level-shift.js';

const seriesOf = (start: string, counts: number[]): MonthCount[] => counts.map((count, i) => ({ month: addMonths(start, i), count }));
const PATTERN = [0.8, 0.9, 1.0, 1.0, 1.1, 1.1, 1.2, 1.1, 1.0, 1.0, 0.9, 0.9]; // Jan..Dec, mean 1

describe('centred 2x12 moving average', () => {
  it('hand-worked: weights 1/24 at both ends and 1/12 inside', () => {
    const counts = Array.from({ length: 13 }, (_, i) => i); // 0..12
    const ma = centredMovingAverage(counts);
    expect(ma.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    // (0.5*0 + 1 + ... + 11 + 0.5*12) / 12 = (66 + 6) / 12 = 6
    expect(ma[6]).toBe(6);
    expect(ma.slice(7)).toEqual([null, null, null, null, null, null]);
  });
});

describe('seasonalIndices', () => {
  it('recovers an exact multiplicative pattern from a flat level', () => {
    const s = seriesOf('2021-01', Array.from({ length: 36 }, (_, i) => 100 * PATTERN[i % 12]!));
    const r = seasonalIndices(s);
    expect(r.undefinedReason).toBeNull();
    r.indices.forEach((ix, i) => expect(ix.index!).toBeCloseTo(PATTERN[i]!, 12));
    expect(r.indices.map((i) => i.ratios)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]); // months 7..30 have a centred average
  });

  it('hand-worked 24 months: one ratio per month, scaled to mean 1', () => {
    // Level 12 a month, with January 24 and July 0 every year (the year total stays 144).
    const counts = Array.from({ length: 24 }, (_, i) => (i % 12 === 0 ? 24 : i % 12 === 6 ? 0 : 12));
    const r = seasonalIndices(seriesOf('2022-01', counts));
    // The moving average is 12 wherever defined (each window holds one January and one July, or
    // two half-weighted), so the ratios are 2 (Jan), 0 (Jul), 1 elsewhere; their mean is 1.
    expect(r.indices.map((i) => i.index)).toEqual([2, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1]);
    expect(r.indices.every((i) => i.ratios === 1)).toBe(true);
  });

  it('refuses fewer than 24 months as insufficient history, and gaps', () => {
    expect(() => seasonalIndices(seriesOf('2022-01', new Array(23).fill(5)))).toThrow(/insufficient history: seasonal indices need at least 24 consecutive months, got 23/);
    const gap = [...seriesOf('2022-01', new Array(12).fill(5)), ...seriesOf('2023-02', new Array(12).fill(5))];
    expect(() => seasonalIndices(gap)).toThrow(/consecutive months/);
  });

  it('all-zero and all-identical series', () => {
    expect(seasonalIndices(seriesOf('2022-01', new Array(24).fill(0))).undefinedReason).toMatch(/too few incidents/);
    expect(seasonalIndices(seriesOf('2022-01', new Array(24).fill(0))).indices.every((i) => i.index === null)).toBe(true);
    expect(seasonalIndices(seriesOf('2022-01', new Array(30).fill(7))).indices.every((i) => i.index === 1)).toBe(true);
  });
});

describe('seasonalOutlook', () => {
  it('hand-worked: flat level and flat indices give the level, with Poisson intervals (no over-dispersion)', () => {
    const s = seriesOf('2021-11', new Array(36).fill(40)); // ends 2024-10
    const o = seasonalOutlook(s, new Array(12).fill(1), ['2024-11', '2024-12', '2025-01'], 0.1);
    expect(o.level).toBe(40);
    expect(o.dispersion).toBe(1);
    expect(o.months.map((m) => [m.month, m.horizon, m.expected])).toEqual([['2024-11', 1, 40], ['2024-12', 2, 40], ['2025-01', 3, 40]]);
    expect(o.months[0]).toMatchObject(countInterval(40, 40, 0.1)); // Poisson(40) 5% and 95% quantiles: 30 and 51
    expect(countInterval(40, 40, 0.1)).toEqual({ low: 30, high: 51 });
    expect(o.total).toMatchObject({ expected: 120, ...countInterval(120, 120, 0.1) });
    expect(o.warnings).toEqual([]);
  });

  it('applies the indices to the 12-month level', () => {
    const s = seriesOf('2021-01', Array.from({ length: 36 }, (_, i) => 100 * PATTERN[i % 12]!));
    const o = seasonalOutlook(s, PATTERN, ['2024-11', '2024-12', '2025-01'], 0.1);
    expect(o.level).toBeCloseTo(100, 12);
    expect(o.months.map((m) => m.expected)).toEqual([0.9, 0.9, 0.8].map((x) => expect.closeTo(100 * x, 10)));
    expect(o.dispersion).toBe(1); // perfect backtests: floored at Poisson
  });

  it('widens the interval when backtests miss by more than Poisson noise', () => {
    // Alternating 20 and 60: monthly counts far from the flat forecast of 40.
    const s = seriesOf('2022-01', Array.from({ length: 36 }, (_, i) => (i % 2 ? 60 : 20)));
    const o = seasonalOutlook(s, new Array(12).fill(1), ['2025-11'], 0.1);
    expect(o.dispersion).toBeCloseTo(400 / 40, 12); // every residual is +-20: 20^2 / 40
    expect(o.months[0]!.high - o.months[0]!.low).toBeGreaterThan(countInterval(40, 40, 0.1).high - countInterval(40, 40, 0.1).low);
  });

  it('warns when the last 3 months moved away from the level', () => {
    const counts = [...new Array(33).fill(100), 40, 40, 40];
    const o = seasonalOutlook(seriesOf('2022-01', counts), new Array(12).fill(1), ['2025-11'], 0.1);
    expect(o.warnings[0]).toMatch(/^level shift: the last 3 months run 60% below the 9 months before/);
  });
});

describe('detectLevelShift', () => {
  it('finds a recording change and ignores ordinary seasonality', () => {
    const step = seriesOf('2022-07', Array.from({ length: 36 }, (_, i) => (i < 15 ? 50 : 600)));
    expect(detectLevelShift(step)).toMatchObject({ month: '2023-10', index: 15, ratio: 12 });
    const seasonal = seriesOf('2021-01', Array.from({ length: 36 }, (_, i) => Math.round(300 * PATTERN[monthOfYear(addMonths('2021-01', i)) - 1]!)));
    expect(detectLevelShift(seasonal)).toBeNull();
    expect(detectLevelShift(seriesOf('2021-01', new Array(30).fill(0)))).toBeNull();
  });

  it('needs the E-test to agree, so small counts do not trigger it', () => {
    expect(detectLevelShift(seriesOf('2021-01', [...new Array(12).fill(1), ...new Array(12).fill(0)]))).toBeNull();
  });
});
