import { describe, expect, it } from 'vitest';
import { bestWindow } from './repeat-rule.js';

const asb = 'Anti-social behaviour';
const rows = (spec: [string, string, number][]) => spec.flatMap(([month, category, n]) => Array.from({ length: n }, () => ({ month, category })));
const rule = { minIncidents: 3, windowMonths: 3 };
const period = { from: '2025-01', to: '2025-06' };

describe('bestWindow (at least K incidents of one category within W consecutive months)', () => {
  it('qualifies when one 3-month window holds 3 of one category', () => {
    const w = bestWindow(rows([['2025-02', asb, 1], ['2025-04', asb, 2]]), period, rule);
    expect(w).toEqual({ category: asb, from: '2025-02', to: '2025-04', count: 3, qualifies: true });
  });

  it('does not qualify when the incidents are spread wider than the window', () => {
    // 3 in the period (2 in January, 1 in May) but never 3 within 3 consecutive months
    const w = bestWindow(rows([['2025-01', asb, 2], ['2025-05', asb, 1]]), period, rule);
    expect(w).toEqual({ category: asb, from: '2025-01', to: '2025-03', count: 2, qualifies: false });
    // one more in March brings January-March to 3
    expect(bestWindow(rows([['2025-01', asb, 2], ['2025-03', asb, 1], ['2025-05', asb, 1]]), period, rule)).toMatchObject({ count: 3, qualifies: true });
  });

  it('counts categories separately: 2 ASB + 2 burglary is not 3 similar incidents', () => {
    const w = bestWindow(rows([['2025-03', asb, 2], ['2025-03', 'Burglary', 2]]), period, rule);
    expect(w).toEqual({ category: asb, from: '2025-01', to: '2025-03', count: 2, qualifies: false });
  });

  it('breaks ties by the earlier window, then by category name', () => {
    const w = bestWindow(rows([['2025-05', 'Burglary', 3], ['2025-05', asb, 3], ['2025-01', 'Vehicle crime', 3]]), period, rule);
    expect(w).toMatchObject({ category: 'Vehicle crime', from: '2025-01', count: 3 });
    const same = bestWindow(rows([['2025-05', 'Burglary', 3], ['2025-05', asb, 3]]), period, rule);
    expect(same).toMatchObject({ category: asb, from: '2025-03', to: '2025-05' });
  });

  it('uses the whole period as one window when it is shorter than the window', () => {
    const w = bestWindow(rows([['2025-01', asb, 3]]), { from: '2025-01', to: '2025-01' }, rule);
    expect(w).toEqual({ category: asb, from: '2025-01', to: '2025-01', count: 3, qualifies: true });
  });

  it('ignores incidents outside the period and returns null when none are left', () => {
    expect(bestWindow(rows([['2024-12', asb, 5], ['2025-07', asb, 5]]), period, rule)).toBeNull();
    expect(bestWindow([], period, rule)).toBeNull();
  });

  it('applies other rules: 2 in 1 month', () => {
    const r = { minIncidents: 2, windowMonths: 1 };
    expect(bestWindow(rows([['2025-02', asb, 1], ['2025-03', asb, 1]]), period, r)).toMatchObject({ qualifies: false, count: 1 });
    expect(bestWindow(rows([['2025-03', asb, 2]]), period, r)).toMatchObject({ qualifies: true, from: '2025-03', to: '2025-03' });
  });
});
