const numberFormat = new Intl.NumberFormat('en-GB');

export const fmt = (n: number): string => numberFormat.format(n);

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2025-09" -> Date at the start of that month (UTC). */
export function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
}

/** "2025-09" -> "Sept 2025" */
export const monthLabel = (month: string): string => monthFormat.format(monthDate(month));

export function percent(part: number, whole: number): string {
  if (!whole) return '0%';
  const p = (100 * part) / whole;
  return `${p < 1 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}
