/** Month arithmetic on 'YYYY-MM' keys, and the analysis periods built from them. */

export interface Period {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function toIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function fromIndex(i: number): string {
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** addMonths('2025-01', -1) === '2024-12' */
export const addMonths = (month: string, k: number): string => fromIndex(toIndex(month) + k);

/** Months from `from` to `to`, both included: monthsIn({from:'2025-01',to:'2025-03'}) === 3. */
export const monthsIn = (p: Period): number => toIndex(p.to) - toIndex(p.from) + 1;

/** Position of a month inside a period (0 for the first month; may be negative or past the end). */
export const monthOffset = (p: Period, month: string): number => toIndex(month) - toIndex(p.from);

/** Every month of a period, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let i = toIndex(p.from); i <= toIndex(p.to); i++) out.push(fromIndex(i));
  return out;
}

/** The period of the same length ending the month before `p` starts. */
export function previousPeriod(p: Period): Period {
  const n = monthsIn(p);
  return { from: addMonths(p.from, -n), to: addMonths(p.from, -1) };
}

/**
 * The period an analysis covers. Both ends given: as given. Only `from`: up to the data cut-off
 * (or `from` itself when the data end earlier). Only `to`: the `months` months ending at `to`.
 * Neither: the `months` months ending at the data cut-off. Null when nothing is given and no data
 * is held (no cut-off).
 */
export function resolvePeriod(from: string | undefined, to: string | undefined, cutoff: string | null, months: number): Period | null {
  if (from && to) return { from, to };
  if (from) return { from, to: cutoff && cutoff > from ? cutoff : from };
  const end = to ?? cutoff;
  if (!end) return null;
  return { from: addMonths(end, -(months - 1)), to: end };
}
