import { describe, expect, it } from 'vitest';
import { beforeAfter, beforeAfterWindows, NO_SIGNIFICANCE, REGRESSION_WARNING, type PersonEvent } from './before-after.js';
import { rankOffenders, scoringOf, scoringStatement, type OffenceRecord } from './top-n.js';
import { OFFENDERS_DEFAULTS } from '../../platform/config-store/defaults/offenders.js';

describe('before/after windows', () => {
  it('two equal windows either side of the start; the start day is in the after window', () => {
    expect(beforeAfterWindows('2026-03-01', 90, '2026-12-01')).toEqual({
      before: { from: '2025-12-01', to: '2026-02-28', days: 90 },
      after: { from: '2026-03-01', to: '2026-05-29', days: 90 },
      afterIncomplete: false,
    });
  });
  it('across 29 February in a leap year', () => {
    const w = beforeAfterWindows('2028-03-01', 30, '2029-01-01');
    expect(w.before).toEqual({ from: '2028-01-31', to: '2028-02-29', days: 30 });
  });
  it('a period still running: both windows cut to the days seen so far', () => {
    const w = beforeAfterWindows('2026-11-20', 90, '2026-11-29');
    expect(w.after).toEqual({ from: '2026-11-20', to: '2026-11-29', days: 10 });
    expect(w.before).toEqual({ from: '2026-11-10', to: '2026-11-19', days: 10 });
    expect(w.afterIncomplete).toBe(true);
  });
  it('a start after the cut-off: empty windows', () => {
    expect(beforeAfterWindows('2026-12-10', 90, '2026-12-01').after.days).toBe(0);
  });
  it('refuses a window that is not a whole number of days', () => {
    expect(() => beforeAfterWindows('2026-03-01', 0, '2026-12-01')).toThrow(/days/);
  });
});

describe('before/after counts', () => {
  const ev = (on: string, type: string, kind: PersonEvent['kind'] = 'incident'): PersonEvent => ({ on, type, kind });
  const w = beforeAfterWindows('2026-03-01', 10, '2026-12-01'); // before 02-19..02-28, after 03-01..03-10
  it('counts by kind and type at the window edges, leaving out events outside both', () => {
    const r = beforeAfter([
      ev('2026-02-18', 'Shoplifting'), ev('2026-02-19', 'Shoplifting'), ev('2026-02-28', 'Shoplifting'), ev('2026-02-28', 'Public order'),
      ev('2026-03-01', 'Shoplifting'), ev('2026-03-10', 'Public order'), ev('2026-03-11', 'Shoplifting'), ev('2026-02-25', 'Charged', 'outcome'),
    ], w);
    expect(r.byType).toEqual([
      { kind: 'incident', type: 'Shoplifting', before: 2, after: 1, change: -1 },
      { kind: 'incident', type: 'Public order', before: 1, after: 1, change: 0 },
      { kind: 'outcome', type: 'Charged', before: 1, after: 0, change: -1 },
    ]);
    expect(r.totals).toEqual({ incidents: { before: 3, after: 2 }, outcomes: { before: 1, after: 0 } });
  });
  it('always carries the regression-to-the-mean warning and no significance claim', () => {
    const r = beforeAfter([], w);
    expect(r.warnings).toEqual([REGRESSION_WARNING, NO_SIGNIFICANCE]);
    expect(JSON.stringify(r)).not.toMatch(/p\s*=|significant(?! )/);
  });
  it('says when the period is still running', () => {
    expect(beforeAfter([], beforeAfterWindows('2026-11-25', 90, '2026-11-29')).warnings[2]).toMatch(/still running.*5 day/);
  });
});

describe('top N: recency-frequency-gravity', () => {
  const s = scoringOf({ ...(OFFENDERS_DEFAULTS['offenders.top_n_scoring'].versions[0]!.value as object), weights: { recency: 1, frequency: 1, gravity: 1 } });
  const period = { from: '2026-01-01', to: '2026-12-31' };
  const o = (personId: number, on: string, category = 'Shoplifting'): OffenceRecord => ({ personId, on, category, district: 'Thanet' });
  it('scores and ranks; categories outside the set and dates outside the period are left out', () => {
    const r = rankOffenders([
      o(1, '2026-12-31'), o(1, '2026-06-01'), o(2, '2026-01-01'), o(2, '2026-01-02'), o(2, '2026-01-03', 'Robbery'),
      o(3, '2026-12-31', 'Burglary'), o(4, '2025-12-31'),
    ], s, period, 20);
    expect(r.map((x) => x.personId)).toEqual([2, 1]);
    const p1 = r.find((x) => x.personId === 1)!;
    expect(p1).toMatchObject({ offences: 2, latest: '2026-12-31', harm: 4, recency: 1, byCategory: { Shoplifting: 2 } });
    const p2 = r[0]!;
    expect(p2).toMatchObject({ rank: 1, offences: 3, harm: 369, frequency: 1, gravity: 1 });
    expect(p2.recency).toBeCloseTo(1 - 362 / 365, 3);
    expect(p1.score).toBeCloseTo((1 + 2 / 3 + 4 / 369) / 3, 3);
  });
  it('ties go to the more recent, then the more frequent, then the lower id; n cuts the list', () => {
    const r = rankOffenders([o(5, '2026-05-01'), o(3, '2026-05-01'), o(4, '2026-05-01')], s, period, 2);
    expect(r.map((x) => [x.rank, x.personId])).toEqual([[1, 3], [2, 4]]);
  });
  it('categories compare without case; unlisted harm uses the default', () => {
    const r = rankOffenders([o(1, '2026-05-01', 'SHOPLIFTING')], { ...s, harmIndex: {}, defaultHarm: 7 }, period, 5);
    expect(r[0]!.harm).toBe(7);
  });
  it('refuses malformed scoring, naming the field', () => {
    expect(() => scoringOf({ ...s, weights: { recency: 0, frequency: 0, gravity: 0 } })).toThrow(/weights/);
    expect(() => scoringOf({ ...s, categories: [] })).toThrow(/categories/);
  });
  it('states its parameters', () => {
    expect(scoringStatement(s, period)).toMatch(/from 2026-01-01 to 2026-12-31.*Shoplifting 2, .*Robbery 365/);
  });
});
