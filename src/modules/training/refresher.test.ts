import { describe, expect, it } from 'vitest';
import { addMonthsClamped, refresherStatus } from './refresher.js';

describe('adding calendar months', () => {
  it('keeps the day of the month, or the last day of a month without it', () => {
    expect(addMonthsClamped('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29'); // leap year
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28'); // no 29 February 2025
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonthsClamped('2025-08-31', 3)).toBe('2025-11-30');
    expect(addMonthsClamped('2025-11-30', 2)).toBe('2026-01-30'); // across a year end
    expect(addMonthsClamped('2025-12-25', 0)).toBe('2025-12-25');
  });
  it('refuses bad input', () => {
    expect(() => addMonthsClamped('2025-02-30', 1)).toThrow(/not a date/);
    expect(() => addMonthsClamped('2025-02-01', -1)).toThrow(/at least 0/);
    expect(() => addMonthsClamped('2025-02-01', 1.5)).toThrow(/whole number/);
  });
});

describe('who is due a refresher', () => {
  it('is due from the due day itself, not the day before', () => {
    expect(refresherStatus(12, '2025-03-15', '2026-03-14')).toEqual({ status: 'current', dueOn: '2026-03-15' });
    expect(refresherStatus(12, '2025-03-15', '2026-03-15')).toEqual({ status: 'due', dueOn: '2026-03-15' });
    expect(refresherStatus(12, '2025-03-15', '2027-01-01')).toEqual({ status: 'due', dueOn: '2026-03-15' });
  });
  it('at month ends and 29 February', () => {
    expect(refresherStatus(12, '2024-02-29', '2025-02-27').status).toBe('current');
    expect(refresherStatus(12, '2024-02-29', '2025-02-28')).toEqual({ status: 'due', dueOn: '2025-02-28' });
    expect(refresherStatus(6, '2025-08-31', '2026-02-27').status).toBe('current');
    expect(refresherStatus(6, '2025-08-31', '2026-02-28')).toEqual({ status: 'due', dueOn: '2026-02-28' });
  });
  it('never attended, and courses without a refresher', () => {
    expect(refresherStatus(12, null, '2026-01-01')).toEqual({ status: 'never_attended', dueOn: null });
    expect(refresherStatus(null, '2020-01-01', '2026-01-01')).toEqual({ status: 'no_refresher', dueOn: null });
  });
  it('refuses an attendance after the as-of date, a bad interval or a bad date', () => {
    expect(() => refresherStatus(12, '2026-01-02', '2026-01-01')).toThrow(/after the as-of date/);
    expect(() => refresherStatus(0, '2025-01-01', '2026-01-01')).toThrow(/at least 1/);
    expect(() => refresherStatus(12, '2025-01-01', '2026-13-01')).toThrow(/as-of date/);
  });
});
