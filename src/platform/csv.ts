// The one CSV writer of the system: the server's exports and the web app's downloads (which
// import this file directly, so it must stay pure: no Node or DOM imports).
//
// RFC 4180 quoting, CRLF line ends, and protection against spreadsheet formula injection:
// a text cell that begins with = + - @, a tab or a carriage return would be run as a formula
// by Excel, LibreOffice or Google Sheets (e.g. `=HYPERLINK(...)` in a free-text reason), so it
// is written with a leading apostrophe and quoted. Numbers are written as numbers, untouched
// (a change of -8.9 stays -8.9): only text is ever prefixed.

/** What a cell may hold. Objects are written as their JSON text; null and undefined as an empty cell. */
export type CsvValue = string | number | bigint | boolean | null | undefined | Date | object;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function textCell(s: string): string {
  if (FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One cell, escaped. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return textCell(value);
  if (value instanceof Date) return textCell(value.toISOString());
  return textCell(JSON.stringify(value));
}

/** One line, without its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A whole file: the header then the rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${csvLine(row)}\r\n`).join('');
}
