import { describe, expect, it } from 'vitest';
import { addMonths, describeMonths, monthOfYear, monthRange, monthsBetween, yearOnYearWindows } from './months.js';
import { commonMonths, insufficientHistory, missingHistory, runEndingAt } from './trends/history.js';

describe('month arithmetic', () => {
  it('adds and subtracts across year ends', () => {
    expect(addMonths('2024-01', -2)).toBe('2023-11');
    expect(addMonths('2023-11', 14)).toBe('2025-01');
    expect(monthsBetween('2023-11', '2025-01')).toBe(14);
    expect(monthOfYear('2024-12')).toBe(12);
  });

  it('lists a range inclusively, empty when reversed', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthRange('2024-02', '2024-01')).toEqual([]);
  });

  it('gives the rolling window and the same window a year earlier', () => {
    expect(yearOnYearWindows('2024-02', 3)).toEqual({ current: { from: '2023-12', to: '2024-02' }, previous: { from: '2022-12', to: '2023-02' } });
    expect(yearOnYearWindows('2024-02', 1)).toEqual({ current: { from: '2024-02', to: '2024-02' }, previous: { from: '2023-02', to: '2023-02' } });
  });

  it('describes month lists as runs', () => {
    expect(describeMonths(['2021-08', '2021-07', '2021-10', '2022-01'])).toBe('2021-07..2021-08, 2021-10, 2022-01');
    expect(describeMonths([])).toBe('');
  });

  it('rejects malformed months', () => {
    expect(() => addMonths('2024-13', 1)).toThrow(/not a month/);
  });
});

describe('history coverage', () => {
  const coverage = new Map([
    ['gwent', new Set(monthRange('2022-07', '2025-06'))],
    ['city-of-london', new Set(monthRange('2021-09', '2024-08'))],
  ]);

  it('lists the months each force lacks', () => {
    expect(missingHistory(coverage, monthRange('2022-05', '2022-08'))).toEqual([{ force: 'gwent', months: ['2022-05', '2022-06'] }]);
    expect(missingHistory(coverage, monthRange('2023-01', '2023-03'))).toEqual([]);
  });

  it('intersects coverage and finds the run of consecutive months ending at a month', () => {
    const common = commonMonths(coverage);
    expect([...common].sort()[0]).toBe('2022-07');
    expect([...common].sort().at(-1)).toBe('2024-08');
    expect(runEndingAt(common, '2024-08')).toHaveLength(26);
    expect(runEndingAt(common, '2025-01')).toEqual([]);
  });

  it('refuses with what is missing (HTTP 404 / exit 3), never a figure', () => {
    const err = insufficientHistory('need 2021-07..2021-09', [{ force: 'city-of-london', months: ['2021-07', '2021-08'] }]);
    expect(err.code).toBe('not_found');
    expect(err.message).toBe('insufficient history: need 2021-07..2021-09; city-of-london lacks 2021-07..2021-08');
    expect(err.details).toEqual([{ field: 'city-of-london', message: 'missing months: 2021-07..2021-08' }]);
  });
});
