import { AppError } from '../../../platform/errors.js';

/** A span of whole calendar months, first and last inclusive, written YYYY-MM. */
export interface MonthSpan {
  label: string;
  from: string;
  to: string;
  months: string[];
}

export type Comparison =
  | { kind: 'same-quarter-last-year' }
  | { kind: 'previous-quarter' }
  | { kind: 'year-to-date' }
  | { kind: 'baseline'; baseline: string };

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (y: number, m: number) => y * 12 + (m - 1);
const fromIndex = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;

function span(label: string, first: number, last: number): MonthSpan {
  const months: string[] = [];
  for (let i = first; i <= last; i++) months.push(fromIndex(i));
  return { label, from: months[0]!, to: months[months.length - 1]!, months };
}

/**
 * Reads a quarter: `2025Q3` is the calendar quarter July-September 2025; `2025-26Q2` is the
 * second quarter of the financial (police) year starting 1 April 2025, also July-September 2025.
 */
export function parseQuarter(text: string): MonthSpan {
  const cal = /^(\d{4})Q([1-4])$/.exec(text);
  if (cal) {
    const y = Number(cal[1]);
    const q = Number(cal[2]);
    const first = monthIndex(y, 3 * (q - 1) + 1);
    return span(text, first, first + 2);
  }
  const fin = /^(\d{4})-(\d{2})Q([1-4])$/.exec(text);
  if (fin) {
    const y = Number(fin[1]);
    if (Number(fin[2]) !== (y + 1) % 100) {
      throw new AppError('validation', `period ${text}: a financial year is written like 2025-26 (the second year follows the first)`);
    }
    const first = monthIndex(y, 4) + 3 * (Number(fin[3]) - 1);
    return span(text, first, first + 2);
  }
  throw new AppError('validation', `period must be a calendar quarter like 2025Q3 or a financial quarter like 2025-26Q2, got "${text}"`);
}

function shift(s: MonthSpan, months: number, label: string): MonthSpan {
  const [y, m] = s.from.split('-').map(Number) as [number, number];
  const first = monthIndex(y, m) + months;
  return span(label, first, first + s.months.length - 1);
}

/** The three months ending with `month` (YYYY-MM): the rolling quarter. */
export function rollingQuarter(month: string): MonthSpan {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new AppError('validation', `month must be YYYY-MM, got "${month}"`);
  const last = monthIndex(Number(m[1]), Number(m[2]));
  return span(`3 months to ${month}`, last - 2, last);
}

/** The current span and the span it is compared with. Year to date runs from 1 April (police year). */
export function comparePeriods(current: MonthSpan, comparison: Comparison): { current: MonthSpan; previous: MonthSpan } {
  switch (comparison.kind) {
    case 'same-quarter-last-year':
      return { current, previous: shift(current, -12, `${current.label} a year before`) };
    case 'previous-quarter':
      return { current, previous: shift(current, -3, `quarter before ${current.label}`) };
    case 'year-to-date': {
      const [y, m] = current.to.split('-').map(Number) as [number, number];
      const startYear = m >= 4 ? y : y - 1;
      const ytd = span(`year to date ${current.to}`, monthIndex(startYear, 4), monthIndex(y, m));
      return { current: ytd, previous: shift(ytd, -12, `year to date ${fromIndex(monthIndex(y, m) - 12)}`) };
    }
    case 'baseline':
      return { current, previous: parseQuarter(comparison.baseline) };
  }
}
