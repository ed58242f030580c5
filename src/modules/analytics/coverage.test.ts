import { describe, expect, it } from 'vitest';
import { comparisonBlocked, coverageOf, missingMonths, missingText } from './coverage.js';

const held = new Map([
  ['kent', new Set(['2025-01', '2025-03'])],
  ['gwent', new Set(['2024-11', '2024-12', '2025-01'])],
]);

describe('coverage of the forces analysed', () => {
  it("the cut-off is the analysed forces' latest month; a force with no data holds none", () => {
    expect(coverageOf(held, ['gwent']).dataCutoff).toBe('2025-01');
    expect(coverageOf(held, ['kent', 'gwent']).dataCutoff).toBe('2025-03');
    expect(coverageOf(held, ['sussex']).dataCutoff).toBeNull();
    expect(coverageOf(held, []).dataCutoff).toBeNull();
  });

  it('names the needed months each force lacks, once each, sorted', () => {
    const m = missingMonths(coverageOf(held, ['kent', 'gwent']), [{ from: '2024-12', to: '2025-02' }, { from: '2025-01', to: '2025-01' }]);
    expect(m.months).toEqual(['2024-12', '2025-02']);
    expect(m.byForce).toEqual([{ force: 'gwent', months: ['2025-02'] }, { force: 'kent', months: ['2024-12', '2025-02'] }]);
    expect(missingText(m)).toBe('No data imported for gwent in 2025-02; kent in 2024-12, 2025-02: missing months are not counted as zero');
  });

  it('nothing needed or nothing missing: empty, and no warning', () => {
    const c = coverageOf(held, ['gwent']);
    expect(missingMonths(c, [])).toEqual({ months: [], byForce: [] });
    const m = missingMonths(c, [{ from: '2024-11', to: '2025-01' }]);
    expect(m.months).toEqual([]);
    expect(missingText(m)).toBeNull();
  });

  it('a comparison is blocked by one missing month at either edge, not by months outside it', () => {
    const c = coverageOf(held, ['gwent']);
    expect(comparisonBlocked(c, 'the previous period', { from: '2024-11', to: '2025-01' })).toBeNull();
    expect(comparisonBlocked(c, 'the previous period', { from: '2024-10', to: '2024-12' })).toBe(
      'no comparison: the previous period (2024-10..2024-12) is not fully imported (gwent lacks 2024-10)',
    );
    expect(comparisonBlocked(c, 'the previous period', { from: '2024-12', to: '2025-02' })).toMatch(/gwent lacks 2025-02\)$/);
    expect(comparisonBlocked(coverageOf(held, []), 'the previous period', { from: '2025-01', to: '2025-01' })).toMatch(/^no street data is imported/);
  });
});
