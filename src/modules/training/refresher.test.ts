import { describe, expect, it } from 'vitest';
import { refresherStatus } from './refresher.js';

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

describe('refreshers over leap days and month ends', () => {
  it('a 6-month refresher from 31 August 2023 falls due on 29 February 2024 (leap year)', () => {
    expect(refresherStatus(6, '2023-08-31', '2024-02-28')).toEqual({ status: 'current', dueOn: '2024-02-29' });
    expect(refresherStatus(6, '2023-08-31', '2024-02-29')).toEqual({ status: 'due', dueOn: '2024-02-29' });
  });
  it('a 1-month refresher from 31 January lands on the last day of February, then 30 April from 31 March', () => {
    expect(refresherStatus(1, '2026-01-31', '2026-02-28')).toEqual({ status: 'due', dueOn: '2026-02-28' });
    expect(refresherStatus(1, '2026-03-31', '2026-04-29')).toEqual({ status: 'current', dueOn: '2026-04-30' });
  });
  it('a 36-month refresher from 29 February 2024 falls due on 28 February 2027', () => {
    expect(refresherStatus(36, '2024-02-29', '2027-02-28')).toEqual({ status: 'due', dueOn: '2027-02-28' });
  });
  it('attended on the as-of day itself is current', () => {
    expect(refresherStatus(12, '2026-01-01', '2026-01-01')).toEqual({ status: 'current', dueOn: '2027-01-01' });
  });
});
