import { parseCsv } from '../../../ingest/csv/csv.js';
import { AppError } from '../../../platform/errors.js';

/**
 * Events from a CSV file given on the command line: coordinates (in metres, e.g. a projected grid
 * such as British National Grid) and a date per row. Dates become whole days since 1970-01-01, or
 * months (year * 12 + month - 1) for month-only formats, so time differences are exact integers.
 */
export const dateFormats = ['yyyy-mm-dd', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm'] as const;
export type DateFormat = (typeof dateFormats)[number];
export type TimeUnit = 'day' | 'month';

export interface FileEvent {
  x: number;
  y: number;
  /** Whole days since 1970-01-01, or months since year 0 (year * 12 + month - 1). */
  t: number;
  /** Physical line in the file (header = 1). */
  line: number;
}

export interface EventFile {
  events: FileEvent[];
  unit: TimeUnit;
  /** Rows left out because x, y or the date was blank. */
  incomplete: number;
  /** Rows outside --from / --to. */
  outsideRange: number;
}

export const unitOf = (format: DateFormat): TimeUnit => (format === 'yyyy-mm' ? 'month' : 'day');

const patterns: Record<DateFormat, RegExp> = {
  'yyyy-mm-dd': /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$/,
  'dd/mm/yyyy': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})$/,
  'mm/dd/yyyy': /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})$/,
  'yyyy-mm': /^(?<y>\d{4})-(?<m>\d{1,2})$/,
};

/** Whole days since 1970-01-01 of a calendar date, or null when the date does not exist. */
export function dayNumber(y: number, m: number, d: number): number | null {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

export const monthNumber = (y: number, m: number): number => y * 12 + (m - 1);

/** Parses one date in the given format to its day or month number; null when invalid. */
export function parseDate(text: string, format: DateFormat): number | null {
  const g = patterns[format].exec(text.trim())?.groups;
  if (!g) return null;
  const y = Number(g.y);
  const m = Number(g.m);
  if (m < 1 || m > 12) return null;
  return format === 'yyyy-mm' ? monthNumber(y, m) : dayNumber(y, m, Number(g.d));
}

/** Formats a day or month number back to ISO (YYYY-MM-DD or YYYY-MM). */
export function formatTime(t: number, unit: TimeUnit): string {
  if (unit === 'month') return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  return new Date(t * 86_400_000).toISOString().slice(0, 10);
}

/** --from / --to for a file: YYYY-MM-DD, or YYYY-MM (a whole month) for either unit. */
export function parseRangeLimit(text: string, unit: TimeUnit, end: boolean, option: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) {
      if (unit === 'month') return monthNumber(y, m);
      return end ? dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1)! - 1 : dayNumber(y, m, 1)!;
    }
  }
  if (day && unit === 'day') {
    const t = dayNumber(Number(day[1]), Number(day[2]), Number(day[3]));
    if (t !== null) return t;
  }
  throw new AppError('validation', `${option}: expected ${unit === 'day' ? 'a date YYYY-MM-DD or a month YYYY-MM' : 'a month YYYY-MM'} (got '${text}')`);
}

export interface EventFileOptions {
  name: string;
  xColumn: string;
  yColumn: string;
  timeColumn: string;
  dateFormat: DateFormat;
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * Reads the events of a CSV text. Rows with a blank x, y or date are left out and counted (as the
 * R package drops incomplete cases); a value that is present but unreadable is an error naming the
 * line, since silently dropping it would change the result.
 */
export function readEventFile(text: string, o: EventFileOptions): EventFile {
  const records = parseCsv(text, (p) => {
    throw new AppError('validation', `${o.name} line ${p.line}: ${p.message}`);
  });
  const header = records.next();
  if (header.done) throw new AppError('validation', `${o.name}: the file is empty (no header row)`);
  const names = header.value.fields.map((f) => f.trim());
  const column = (name: string, option: string) => {
    const at = names.indexOf(name);
    if (at === -1) throw new AppError('validation', `${option}: no column '${name}' in ${o.name} (columns: ${names.join(', ')})`);
    return at;
  };
  const xi = column(o.xColumn, '--x');
  const yi = column(o.yColumn, '--y');
  const ti = column(o.timeColumn, '--time');
  const events: FileEvent[] = [];
  let incomplete = 0;
  let outsideRange = 0;
  for (const r of records) {
    const xs = (r.fields[xi] ?? '').trim();
    const ys = (r.fields[yi] ?? '').trim();
    const ts = (r.fields[ti] ?? '').trim();
    if ([xs, ys, ts].some((v) => v === '' || /^(na|nan|null)$/i.test(v))) {
      incomplete++;
      continue;
    }
    const x = Number(xs);
    const y = Number(ys);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new AppError('validation', `${o.name} line ${r.line}: coordinates '${xs}', '${ys}' are not numbers`);
    }
    const t = parseDate(ts, o.dateFormat);
    if (t === null) throw new AppError('validation', `${o.name} line ${r.line}: '${ts}' is not a date in the format ${o.dateFormat} (--date-format)`);
    if ((o.from !== undefined && t < o.from) || (o.to !== undefined && t > o.to)) {
      outsideRange++;
      continue;
    }
    events.push({ x, y, t, line: r.line });
  }
  return { events, unit: unitOf(o.dateFormat), incomplete, outsideRange };
}
