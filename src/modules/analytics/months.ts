/** Calendar-month arithmetic on 'YYYY-MM' keys (no time zones, no Date). */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

function toIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function fromIndex(i: number): string {
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, '0')}-${String(i - y * 12 + 1).padStart(2, '0')}`;
}

/** `addMonths('2024-01', -2)` is '2023-11'. */
export function addMonths(month: string, n: number): string {
  return fromIndex(toIndex(month) + n);
}

/** Number of months from `a` to `b` (b - a); 0 when equal. */
export function monthsBetween(a: string, b: string): number {
  return toIndex(b) - toIndex(a);
}

/** Every month from `from` to `to` inclusive; empty when from > to. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = toIndex(from); i <= toIndex(to); i++) out.push(fromIndex(i));
  return out;
}

/** 1 for January ... 12 for December. */
export function monthOfYear(month: string): number {
  return (toIndex(month) % 12) + 1;
}

/** A closed range of whole months. */
export interface MonthWindow {
  from: string;
  to: string;
}

/** The `months`-long window ending at `to`, and the same months a year earlier. */
export function yearOnYearWindows(to: string, months: number): { current: MonthWindow; previous: MonthWindow } {
  const from = addMonths(to, -(months - 1));
  return { current: { from, to }, previous: { from: addMonths(from, -12), to: addMonths(to, -12) } };
}

/**
 * Compresses a sorted list of months into runs for messages: ['2021-07','2021-08','2021-10']
 * gives '2021-07..2021-08, 2021-10'.
 */
export function describeMonths(months: readonly string[]): string {
  const sorted = [...months].sort();
  const runs: string[] = [];
  let start: string | undefined;
  let prev: string | undefined;
  for (const m of sorted) {
    if (start !== undefined && prev !== undefined && monthsBetween(prev, m) === 1) {
      prev = m;
      continue;
    }
    if (start !== undefined && prev !== undefined) runs.push(start === prev ? start : `${start}..${prev}`);
    start = m;
    prev = m;
  }
  if (start !== undefined && prev !== undefined) runs.push(start === prev ? start : `${start}..${prev}`);
  return runs.join(', ');
}
