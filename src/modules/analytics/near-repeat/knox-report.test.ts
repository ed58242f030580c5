import { describe, expect, it } from 'vitest';
import { fileProvenance } from '../provenance.queries.js';
import { knoxTest, type KnoxResult } from './knox.js';
import { formatKnoxReport, knoxParameters, knoxReport, MONTHLY_WARNING } from './knox-report.js';
import { readKnox } from './knox-reading.js';

function fake(p: number[][], ratio: number[][], sBands = [0.1, 200, 400], tBands = [7, 14]): KnoxResult {
  const base = knoxTest([], { sBands, tBands, iterations: 99, seed: 1, intervalSide: 'left', metric: 'euclidean' });
  return { ...base, n: 500, pValues: p, ratioMean: ratio };
}

describe('plain-English reading', () => {
  it('describes the same-place cell and the nearest significant cell beyond it', () => {
    const r = fake([[0.01, 0.2], [0.01, 0.04], [0.3, 0.5]], [[6.5, 1.1], [1.62, 1.2], [1.01, 0.99]]);
    expect(readKnox(r, 'day')).toBe(
      'Events at the same place (within 0.1 m) and within 7 days of each other happen 6.50 times as often as expected if timing were random (p = 0.01). ' +
        'Events 0.1–200 m apart and within 7 days of each other happen 1.62 times as often as expected if timing were random (p = 0.01). ' +
        '3 of the 6 space-time cells show significantly more pairs than expected (p ≤ 0.05).',
    );
  });

  it('says so when nothing is significant, and when too few iterations were run', () => {
    const r = fake([[0.3, 0.6], [0.2, 0.5], [0.9, 1]], [[1.2, 1], [1.1, 1], [1, 1]], [200, 400, 600]);
    expect(readKnox(r, 'day')).toMatch(/^No band shows significantly more pairs/);
    expect(readKnox({ ...r, iterations: 9 }, 'day')).toMatch(/no p-value can be below 0.1/);
    expect(readKnox({ ...r, n: 1 }, 'day')).toBe('With 1 event there are no pairs to test.');
  });

  it('speaks in months for monthly data', () => {
    const r = fake([[0.01, 0.5], [0.5, 0.5]], [[1.3, 1], [1, 1]], [200, 400], [0, 1]);
    expect(readKnox(r, 'month')).toMatch(/^Events within 200 m and in the same month happen 1.30 times/);
  });
});

describe('Knox report', () => {
  it('carries the parameters, a monthly warning where due, and prints readable tables', () => {
    const params = knoxParameters({ iterations: 19, seed: 3, intervalSide: 'left', metric: 'euclidean' }, 'month', { sBands: '--s-bands', tBands: '--t-bands' });
    expect(params.sBands).toEqual([0.1, 200, 400, 600]);
    expect(params.tBands).toEqual([0, 1, 2]);
    const events = [{ x: 0, y: 0, t: 1 }, { x: 10, y: 0, t: 1 }, { x: 900, y: 0, t: 3 }];
    const report = knoxReport(knoxTest(events, params), 'month', fileProvenance('knox', 'f.csv', '2016-01', params as never), []);
    expect(report.warnings).toEqual([MONTHLY_WARNING]);
    expect(report.cellLabels[1]![0]).toBe('(0.1, 200] m x [0, 0] months');
    const text = formatKnoxReport(report);
    expect(text).toContain('metres \\ months');
    expect(text).toContain('(0.1, 200]');
    expect(text).toContain('Warning: The data is dated by month');
    expect(() => knoxParameters({ tBands: '0,1', iterations: 19, seed: 1, intervalSide: 'right', metric: 'euclidean' }, 'day', { sBands: 'sBands', tBands: 'tBands' })).toThrow(/^tBands:/);
  });
});
