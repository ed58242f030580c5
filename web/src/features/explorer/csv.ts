// Client-side CSV: every chart can hand its numbers to a spreadsheet. The writer is the server's
// (src/platform/csv.ts, pure), so every CSV the system writes escapes formulas the same way.
import { downloadText } from '../../app/download';
import { toCsv, type CsvValue } from '../../../../src/platform/csv';

export { toCsv };
export type Cell = CsvValue;

export function downloadCsv(filename: string, header: string[], rows: Cell[][]): void {
  downloadText(filename, toCsv(header, rows), 'text/csv;charset=utf-8');
}

/** A file name that says what the numbers are, e.g. prevention-hub_by-month_2025-01_to_2025-09.csv */
export function csvName(what: string, from?: string, to?: string): string {
  const range = from || to ? `_${from ?? 'start'}_to_${to ?? 'latest'}` : '';
  return `prevention-hub_${what}${range}.csv`;
}
