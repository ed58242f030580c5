import { describe, expect, it } from 'vitest';
import {
  addDays, addElapsedHours, addMonthsClamped, addHoursDisregarding, ageOn, daysBetween, elapsedHours, endOfLondonDay, formatLondon, formatQuarter,
  isCalendarDate, isChristmasDay, isWithinDaysBeginningWith, isWithinDaysFollowing, lastDayBeginningWith, lastDayFollowing,
  londonDate, londonOffsetMinutes, parseInstant, parseQuarter, quarterOf, shiftQuarter, startOfLondonDay,
} from './london.js';

const iso = (d: Date) => d.toISOString();

describe('parseInstant', () => {
  it('takes an instant with an offset as is', () => {
    expect(iso(parseInstant('2026-06-28T23:30:00+01:00'))).toBe('2026-06-28T22:30:00.000Z');
    expect(iso(parseInstant('2026-01-10T09:15Z'))).toBe('2026-01-10T09:15:00.000Z');
    expect(iso(parseInstant('2026-01-10T09:15:00.250-0500'))).toBe('2026-01-10T14:15:00.250Z');
  });
  it('reads a time without an offset as London local time (GMT in winter, BST in summer)', () => {
    expect(iso(parseInstant('2026-01-10T09:15'))).toBe('2026-01-10T09:15:00.000Z');
    expect(iso(parseInstant('2026-07-10 09:15:00'))).toBe('2026-07-10T08:15:00.000Z');
  });
  it('reads the minutes either side of the spring change (29 March 2026, 01:00 GMT -> 02:00 BST)', () => {
    expect(iso(parseInstant('2026-03-29T00:59'))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(parseInstant('2026-03-29T02:00'))).toBe('2026-03-29T01:00:00.000Z');
  });
  it('refuses a local time in the spring gap, saying the clocks went forward', () => {
    for (const t of ['2026-03-29T01:00', '2026-03-29T01:30', '2026-03-29T01:59:59', '2025-03-30T01:15']) {
      expect(() => parseInstant(t, 'seizedAt')).toThrow(/seizedAt: .* did not happen in the UK: the clocks went forward/);
    }
  });
  it('refuses a local time in the autumn fold (25 October 2026, 02:00 BST -> 01:00 GMT), but takes it with an offset', () => {
    for (const t of ['2026-10-25T01:00', '2026-10-25T01:59', '2025-10-26T01:30']) {
      expect(() => parseInstant(t)).toThrow(/happened twice in the UK.*\+01:00 for the first time/);
    }
    expect(iso(parseInstant('2026-10-25T01:30+01:00'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(parseInstant('2026-10-25T01:30+00:00'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(parseInstant('2026-10-25T00:59'))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(parseInstant('2026-10-25T02:00'))).toBe('2026-10-25T02:00:00.000Z');
  });
  it('refuses text that is not a date and time, and impossible dates', () => {
    expect(() => parseInstant('yesterday')).toThrow(/is not a date and time/);
    expect(() => parseInstant('2026-02-29T10:00')).toThrow(/not a real date/);
    expect(() => parseInstant('2026-01-01T24:00')).toThrow(/not a real date/);
    expect(() => parseInstant('2026-01-01')).toThrow(/is not a date and time/);
  });
});

describe('London dates and offsets', () => {
  it('gives the London date, which differs from the UTC date late on a summer evening', () => {
    expect(londonDate(new Date('2026-06-28T23:30:00Z'))).toBe('2026-06-29');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(londonOffsetMinutes(new Date('2026-03-29T00:59:59Z'))).toBe(0);
    expect(londonOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T00:59:59Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(0);
    expect(formatLondon(new Date('2026-06-28T22:30:00Z'))).toBe('2026-06-28T23:30:00+01:00');
  });
  it('starts and ends London days at local midnight, 23 hours long in spring and 25 in autumn', () => {
    expect(iso(startOfLondonDay('2026-07-01'))).toBe('2026-06-30T23:00:00.000Z');
    expect(elapsedHours(startOfLondonDay('2026-03-29'), endOfLondonDay('2026-03-29'))).toBe(23);
    expect(elapsedHours(startOfLondonDay('2026-10-25'), endOfLondonDay('2026-10-25'))).toBe(25);
    expect(elapsedHours(startOfLondonDay('2026-06-01'), endOfLondonDay('2026-06-01'))).toBe(24);
  });
});

describe('elapsed hours across clock changes', () => {
  it('48 hours from a Saturday 12:00 over the spring change end on Monday 13:00 local time', () => {
    const served = parseInstant('2026-03-28T12:00');
    expect(formatLondon(addElapsedHours(served, 48))).toBe('2026-03-30T13:00:00+01:00');
    expect(elapsedHours(served, parseInstant('2026-03-30T12:00'))).toBe(47);
  });
  it('24 hours from Saturday 12:00 over the autumn change end on Sunday 11:00 local time', () => {
    const served = parseInstant('2026-10-24T12:00');
    expect(formatLondon(addElapsedHours(served, 24))).toBe('2026-10-25T11:00:00+00:00');
    expect(elapsedHours(served, parseInstant('2026-10-25T12:00'))).toBe(25);
  });
  it('48 hours with Christmas Day disregarded run over it', () => {
    const served = parseInstant('2026-12-24T18:00');
    expect(formatLondon(addHoursDisregarding(served, 48, isChristmasDay))).toBe('2026-12-27T18:00:00+00:00');
    expect(formatLondon(addHoursDisregarding(parseInstant('2026-12-20T18:00'), 48, isChristmasDay))).toBe('2026-12-22T18:00:00+00:00');
    expect(formatLondon(addHoursDisregarding(parseInstant('2026-12-25T10:00'), 24, isChristmasDay))).toBe('2026-12-27T00:00:00+00:00');
    expect(() => addHoursDisregarding(served, 1, () => true)).toThrow(/never ends/);
  });
});

describe('counting days', () => {
  it('adds days over month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-12-25', '2027-01-01')).toBe(7);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });
  it('"within 21 days beginning with" the day of issue counts that day', () => {
    expect(lastDayBeginningWith('2026-03-01', 21)).toBe('2026-03-21');
    expect(isWithinDaysBeginningWith('2026-03-21', '2026-03-01', 21)).toBe(true);
    expect(isWithinDaysBeginningWith('2026-03-22', '2026-03-01', 21)).toBe(false);
    expect(isWithinDaysBeginningWith('2026-03-01', '2026-03-01', 21)).toBe(true);
    expect(isWithinDaysBeginningWith('2026-02-28', '2026-03-01', 21)).toBe(false);
  });
  it('"N days following" does not count the day itself', () => {
    expect(lastDayFollowing('2026-03-01', 14)).toBe('2026-03-15');
    expect(isWithinDaysFollowing('2026-03-15', '2026-03-01', 14)).toBe(true);
    expect(isWithinDaysFollowing('2026-03-16', '2026-03-01', 14)).toBe(false);
    expect(isWithinDaysFollowing('2026-03-01', '2026-03-01', 14)).toBe(false);
    expect(() => lastDayFollowing('2026-03-01', 0)).toThrow(/at least 1/);
  });
  it('knows Christmas Day, from a date or from an instant in London', () => {
    expect(isChristmasDay('2026-12-25')).toBe(true);
    expect(isChristmasDay('2026-12-24')).toBe(false);
    expect(isChristmasDay(new Date('2026-12-25T23:59:00Z'))).toBe(true);
    expect(isChristmasDay(new Date('2026-12-26T00:00:00Z'))).toBe(false);
  });
});

describe('ageOn', () => {
  it('attains a birthday at the start of the day', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
  });
  it('someone born on 29 February attains it on 1 March in a common year, on 29 February in a leap year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});

describe('quarters', () => {
  it('reads calendar and financial quarters', () => {
    expect(parseQuarter('2025Q3')).toEqual({ kind: 'calendar', year: 2025, q: 3, from: '2025-07-01', to: '2025-09-30' });
    expect(parseQuarter('2025-26Q2')).toEqual({ kind: 'financial', year: 2025, q: 2, from: '2025-07-01', to: '2025-09-30' });
    expect(parseQuarter('2025-26Q4')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(parseQuarter('2027-28Q4')).toMatchObject({ from: '2028-01-01', to: '2028-03-31' });
    expect(parseQuarter('2099-00Q1')).toMatchObject({ from: '2099-04-01', to: '2099-06-30' });
    expect(parseQuarter('2024Q1')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
  });
  it('refuses what is not a quarter', () => {
    expect(() => parseQuarter('2025Q5')).toThrow(/is not a quarter/);
    expect(() => parseQuarter('2025-27Q1')).toThrow(/second year must follow the first/);
  });
  it('formats and finds quarters at their boundaries', () => {
    expect(formatQuarter(parseQuarter('2025-26Q2'))).toBe('2025-26Q2');
    expect(formatQuarter(quarterOf('2026-03-31', 'financial'))).toBe('2025-26Q4');
    expect(formatQuarter(quarterOf('2026-04-01', 'financial'))).toBe('2026-27Q1');
    expect(formatQuarter(quarterOf('2026-03-31', 'calendar'))).toBe('2026Q1');
    expect(formatQuarter(quarterOf('2026-04-01', 'calendar'))).toBe('2026Q2');
    expect(formatQuarter(quarterOf('2025-12-31', 'calendar'))).toBe('2025Q4');
    expect(formatQuarter(shiftQuarter(parseQuarter('2025Q4'), 1))).toBe('2026Q1');
    expect(formatQuarter(shiftQuarter(parseQuarter('2025-26Q1'), -1))).toBe('2024-25Q4');
  });
});

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
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28'); // backwards, clamped
    expect(addMonthsClamped('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-01-15', -13)).toBe('2024-12-15'); // back across two year ends
    expect(addMonthsClamped('1900-01-29', 1)).toBe('1900-02-28'); // 1900: not a leap year
    expect(addMonthsClamped('2000-01-29', 1)).toBe('2000-02-29'); // 2000: a leap year
  });
  it('refuses bad input', () => {
    expect(() => addMonthsClamped('2025-02-30', 1)).toThrow(/not a date/);
    expect(() => addMonthsClamped('2025-02-01', 1.5)).toThrow(/whole number/);
  });
});
