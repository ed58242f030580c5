import { describe, expect, it } from 'vitest';
import { addMonths, monthsIn, monthsOf, previousPeriod, resolvePeriod } from './period.js';

describe('month periods', () => {
  it('adds months across years and counts months inclusively', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-11', 14)).toBe('2026-01');
    expect(monthsIn({ from: '2024-11', to: '2025-02' })).toBe(4);
    expect(monthsOf({ from: '2024-12', to: '2025-02' })).toEqual(['2024-12', '2025-01', '2025-02']);
  });

  it('takes the previous period of the same length, ending the month before', () => {
    expect(previousPeriod({ from: '2025-07', to: '2025-09' })).toEqual({ from: '2025-04', to: '2025-06' });
    expect(previousPeriod({ from: '2025-01', to: '2025-01' })).toEqual({ from: '2024-12', to: '2024-12' });
  });

  it('resolves missing ends from the data cut-off', () => {
    expect(resolvePeriod(undefined, undefined, '2025-09', 3)).toEqual({ from: '2025-07', to: '2025-09' });
    expect(resolvePeriod('2025-02', undefined, '2025-09', 3)).toEqual({ from: '2025-02', to: '2025-09' });
    expect(resolvePeriod('2025-11', undefined, '2025-09', 3)).toEqual({ from: '2025-11', to: '2025-11' });
    expect(resolvePeriod(undefined, '2025-05', '2025-09', 6)).toEqual({ from: '2024-12', to: '2025-05' });
    expect(resolvePeriod('2025-01', '2025-03', null, 3)).toEqual({ from: '2025-01', to: '2025-03' });
    expect(resolvePeriod(undefined, undefined, null, 3)).toBeNull();
  });
});
