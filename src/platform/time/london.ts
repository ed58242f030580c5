/**
 * The one date-time library: instants and Europe/London calendar dates, with the law's ways of
 * counting. Built on Intl (the time-zone database of the Node runtime), no dependency.
 *
 * - An *instant* is a `Date` (a point on the UTC time line).
 * - A *calendar date* is a 'YYYY-MM-DD' string, a day in London.
 * - Elapsed hours are real hours on the time line: 24 elapsed hours across the spring clock change
 *   end at 01:00 local time the next day, across the autumn change at 23:00 the same day.
 */
import { AppError } from '../errors.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
export const LONDON = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export interface LondonParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall-clock reading in London at `instant`. */
export function londonParts(instant: Date): LondonParts {
  assertInstant(instant);
  const p: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** London's offset from UTC at `instant`, in minutes (0 in winter, 60 in summer). */
export function londonOffsetMinutes(instant: Date): number {
  const p = londonParts(instant);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The London calendar date of an instant ('YYYY-MM-DD'): the date a London officer would write. */
export function londonDate(instant: Date): string {
  const p = londonParts(instant);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant as London local time with its offset, e.g. '2026-06-28T23:30:00+01:00'. */
export function formatLondon(instant: Date): string {
  const p = londonParts(instant);
  const off = londonOffsetMinutes(instant);
  return `${londonDate(instant)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/**
 * Every instant at which London's clocks read the given local time: none in the spring gap, two
 * in the autumn fold, one otherwise. (London's offset is only ever +00:00 or +01:00.)
 */
export function londonLocalToInstants(date: string, hour: number, minute = 0, second = 0, ms = 0): Date[] {
  const [y, m, d] = splitDate(date);
  const wall = Date.UTC(y, m - 1, d, hour, minute, second, ms);
  return [60, 0]
    .map((offset) => new Date(wall - offset * 60_000))
    .filter((t) => londonOffsetMinutes(t) === (wall - t.getTime()) / 60_000);
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads an instant typed or sent by a user. With an offset ('Z', '+01:00') it is taken as is;
 * without one it is London local time. A local time that does not exist (the hour skipped when
 * the clocks go forward) or that happens twice (the hour repeated when they go back) is refused
 * with a message saying how to give it. `what` names the value in the message.
 */
export function parseInstant(input: string, what = 'time'): Date {
  const m = INSTANT.exec(input.trim());
  if (!m) throw new AppError('validation', `${what}: '${input}' is not a date and time (use YYYY-MM-DDTHH:MM, optionally with an offset such as +01:00)`);
  const [, date, hh, mi, ss, frac, zone] = m;
  const hour = Number(hh), minute = Number(mi), second = Number(ss ?? 0), ms = Number((frac ?? '0').padEnd(3, '0'));
  if (!isCalendarDate(date!) || hour > 23 || minute > 59 || second > 59) throw new AppError('validation', `${what}: '${input}' is not a real date and time`);
  if (zone) {
    const [y, mo, d] = splitDate(date!);
    const sign = zone.toUpperCase() === 'Z' ? 0 : zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[^0-9]/g, '');
    const offset = sign === 0 ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    return new Date(Date.UTC(y, mo - 1, d, hour, minute, second, ms) - offset * 60_000);
  }
  const found = londonLocalToInstants(date!, hour, minute, second, ms);
  if (found.length === 0) {
    throw new AppError('validation', `${what}: ${date} ${hh}:${mi} did not happen in the UK: the clocks went forward an hour that night. Check the time, or give it with its offset (e.g. +01:00)`);
  }
  if (found.length > 1) {
    throw new AppError('validation', `${what}: ${date} ${hh}:${mi} happened twice in the UK: the clocks went back an hour that night. Give it with its offset: +01:00 for the first time (BST), +00:00 for the second (GMT)`);
  }
  return found[0]!;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new AppError('validation', 'not a valid instant');
}

/** `instant` plus `hours` real (elapsed) hours. */
export function addElapsedHours(instant: Date, hours: number): Date {
  assertInstant(instant);
  return new Date(instant.getTime() + hours * HOUR);
}

/** Real hours elapsed from `from` to `to` (negative when `to` is earlier); clock changes do not count. */
export function elapsedHours(from: Date, to: Date): number {
  assertInstant(from);
  assertInstant(to);
  return (to.getTime() - from.getTime()) / HOUR;
}

// ---- calendar dates -------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function splitDate(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new AppError('validation', `'${date}' is not a date (use YYYY-MM-DD)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whether `s` is a real calendar date 'YYYY-MM-DD' (30 February is not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** A calendar date or a 400 naming `what`. */
export function parseCalendarDate(s: string, what = 'date'): string {
  if (!isCalendarDate(s)) throw new AppError('validation', `${what}: '${s}' is not a date (use YYYY-MM-DD)`);
  return s;
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number): number => [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/**
 * `date` plus `months` calendar months (minus, when negative), on the same day of the month or,
 * when the month reached has no such day (31st; 29 February outside a leap year), on its last day:
 * 31 January + 1 month = 28 (or 29) February. Refuses a date that is not one and a fractional count.
 */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = splitDate(parseCalendarDate(date, 'date'));
  if (!Number.isInteger(months)) throw new AppError('validation', `months must be a whole number (got ${months})`);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const dayNumber = (date: string) => {
  const [y, m, d] = splitDate(date);
  return Date.UTC(y, m - 1, d) / DAY;
};
const fromDayNumber = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** The calendar date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The last day of "a period of N days beginning with" day X: day X counts as the first day
 * (e.g. an appeal within 21 days beginning with the day of issue on 1 March: by 21 March).
 */
export function lastDayBeginningWith(x: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new AppError('validation', `a period of ${n} days must be a whole number of at least 1`);
  return addDays(x, n - 1);
}

/** Whether `date` falls within N days beginning with day X (X itself is day 1). */
export function isWithinDaysBeginningWith(date: string, x: string, n: number): boolean {
  return date >= x && date <= lastDayBeginningWith(x, n);
}

/** The last day of "N days following" day X: day X does not count (1 March + 14 days following: 15 March). */
export function lastDayFollowing(x: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new AppError('validation', `a period of ${n} days must be a whole number of at least 1`);
  return addDays(x, n);
}

/** Whether `date` falls within the N days following day X (X itself is not included). */
export function isWithinDaysFollowing(date: string, x: string, n: number): boolean {
  return date > x && date <= lastDayFollowing(x, n);
}

/** The instant London's day `date` begins (midnight local time; UK clocks never change at midnight). */
export function startOfLondonDay(date: string): Date {
  const found = londonLocalToInstants(date, 0);
  return found[0]!;
}

/** The instant London's day `date` ends (the start of the next day): a deadline "by the end of" it. */
export function endOfLondonDay(date: string): Date {
  return startOfLondonDay(addDays(date, 1));
}

/** 25 December (a London calendar date, or the London date of an instant). */
export function isChristmasDay(d: string | Date): boolean {
  const date = typeof d === 'string' ? d : londonDate(d);
  return date.slice(5) === '12-25';
}

/**
 * `hours` elapsed hours from `start`, not counting time on London days for which `skip` is true.
 * The closure-notice rule "48 hours, Christmas Day disregarded" is
 * `addHoursDisregarding(served, 48, isChristmasDay)`.
 */
export function addHoursDisregarding(start: Date, hours: number, skip: (date: string) => boolean): Date {
  assertInstant(start);
  if (hours < 0) throw new AppError('validation', 'hours to add must not be negative');
  let cur = start.getTime();
  let left = hours * HOUR;
  for (let guard = 0; guard < 100_000; guard++) {
    const today = londonDate(new Date(cur));
    const next = endOfLondonDay(today).getTime();
    if (skip(today)) {
      cur = next;
      continue;
    }
    if (cur + left <= next) return new Date(cur + left);
    left -= next - cur;
    cur = next;
  }
  throw new AppError('validation', 'the period never ends: every day is disregarded');
}

/**
 * Age in whole years on `date` of someone born on `dob` (both calendar dates). A birthday is
 * attained at the start of the day; someone born on 29 February attains it on 1 March in a
 * common year.
 */
export function ageOn(dob: string, date: string): number {
  const [by, bm, bd] = splitDate(dob);
  const [y, m, d] = splitDate(date);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

// ---- quarters --------------------------------------------------------------------------------

/**
 * A reporting quarter. Calendar quarters are written '2025Q3' (July to September 2025);
 * financial-year quarters '2025-26Q2' (quarter 2 of the year starting 1 April 2025: July to
 * September 2025).
 */
export interface Quarter {
  kind: 'calendar' | 'financial';
  /** The calendar year, or the year in which the financial year starts. */
  year: number;
  q: 1 | 2 | 3 | 4;
  /** First and last calendar dates of the quarter. */
  from: string;
  to: string;
}

function makeQuarter(kind: Quarter['kind'], year: number, q: 1 | 2 | 3 | 4): Quarter {
  const firstMonth0 = kind === 'calendar' ? (q - 1) * 3 : q * 3; // quarter 1 starts in April (month index 3)
  const y = year + Math.floor(firstMonth0 / 12);
  const m = (firstMonth0 % 12) + 1;
  const lastM = m + 2;
  return { kind, year, q, from: `${y}-${pad(m)}-01`, to: `${y}-${pad(lastM)}-${pad(daysInMonth(y, lastM))}` };
}

/** Reads '2025Q3' or '2025-26Q2'; a 400 naming `what` otherwise. */
export function parseQuarter(s: string, what = 'quarter'): Quarter {
  const cal = /^(\d{4})Q([1-4])$/i.exec(s.trim());
  if (cal) return makeQuarter('calendar', Number(cal[1]), Number(cal[2]) as Quarter['q']);
  const fin = /^(\d{4})-(\d{2})Q([1-4])$/i.exec(s.trim());
  if (fin) {
    const start = Number(fin[1]);
    if (Number(fin[2]) !== (start + 1) % 100) {
      throw new AppError('validation', `${what}: '${s}' is not a financial year (the second year must follow the first, e.g. ${start}-${pad((start + 1) % 100)}Q1)`);
    }
    return makeQuarter('financial', start, Number(fin[3]) as Quarter['q']);
  }
  throw new AppError('validation', `${what}: '${s}' is not a quarter (use 2025Q3 for July to September 2025, or 2025-26Q2 for the second quarter of the financial year 2025-26)`);
}

export function formatQuarter(q: Pick<Quarter, 'kind' | 'year' | 'q'>): string {
  return q.kind === 'calendar' ? `${q.year}Q${q.q}` : `${q.year}-${pad((q.year + 1) % 100)}Q${q.q}`;
}

/** The quarter (calendar or financial) containing a calendar date. */
export function quarterOf(date: string, kind: Quarter['kind']): Quarter {
  const [y, m] = splitDate(date);
  if (kind === 'calendar') return makeQuarter('calendar', y, (Math.floor((m - 1) / 3) + 1) as Quarter['q']);
  const fyStart = m >= 4 ? y : y - 1;
  const monthInFy = (m + 8) % 12; // April -> 0
  return makeQuarter('financial', fyStart, (Math.floor(monthInFy / 3) + 1) as Quarter['q']);
}

/** The quarter after (or, with -1, before) `q`. */
export function shiftQuarter(q: Quarter, by: number): Quarter {
  const index = q.year * 4 + (q.q - 1) + by;
  return makeQuarter(q.kind, Math.floor(index / 4), ((index % 4) + 1) as Quarter['q']);
}
