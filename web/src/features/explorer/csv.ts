// Client-side CSV: every chart can hand its numbers to a spreadsheet.
import { downloadText } from '../../app/download';

export type Cell = string | number | null | undefined;

function escapeCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // Stop spreadsheet formula injection from text fields (e.g. street names starting with "=").
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(escapeCell).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, header: string[], rows: Cell[][]): void {
  downloadText(filename, toCsv(header, rows), 'text/csv;charset=utf-8');
}

/** A file name that says what the numbers are, e.g. prevention-hub_by-month_2025-01_to_2025-09.csv */
export function csvName(what: string, from?: string, to?: string): string {
  const range = from || to ? `_${from ?? 'start'}_to_${to ?? 'latest'}` : '';
  return `prevention-hub_${what}${range}.csv`;
}
