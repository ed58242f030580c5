import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import { incidentFilterSchema, type IncidentFilter } from '../../police-data/index.js';
import { dateFormats, parseRangeLimit, readEventFile, unitOf, type EventFile } from './event-file.js';
import { nearRepeatSources } from './near-repeat.service.js';

/** Options shared by `hub analyse knox` and `hub analyse chains` (node:util parseArgs config). */
const many = { type: 'string', multiple: true } as const;
export const sharedOptions = {
  input: { type: 'string' }, x: { type: 'string' }, y: { type: 'string' }, time: { type: 'string' }, 'date-format': { type: 'string' },
  from: { type: 'string' }, to: { type: 'string' }, metric: { type: 'string' }, source: { type: 'string' },
  force: many, category: many, district: many, lsoa: many, outcome: many, json: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

const list = z.array(z.string()).default([]);
export const sharedSchema = z.object({
  input: z.string().min(1).optional(),
  x: z.string().min(1).optional(),
  y: z.string().min(1).optional(),
  time: z.string().min(1).optional(),
  'date-format': z.enum(dateFormats, { message: `must be one of ${dateFormats.join(', ')}` }).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  metric: z.enum(['euclidean', 'manhattan'], { message: 'must be euclidean or manhattan' }).default('euclidean'),
  source: z.enum(nearRepeatSources, { message: `must be ${nearRepeatSources.join(' or ')}` }).optional(),
  force: list, category: list, district: list, lsoa: list, outcome: list,
  json: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type SharedValues = z.output<typeof sharedSchema>;

/** Reads --input with its column and date options; database-only options are refused. */
export function readInputFile(v: SharedValues): { file: string; data: EventFile } {
  const file = v.input!;
  for (const key of ['source', 'force', 'category', 'district', 'lsoa', 'outcome'] as const) {
    const value = v[key];
    if (value !== undefined && (!Array.isArray(value) || value.length)) {
      throw new AppError('validation', `--${key}: applies to imported data, not to --input (filter the file by --from / --to)`);
    }
  }
  const format = v['date-format'] ?? 'yyyy-mm-dd';
  const unit = unitOf(format);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('validation', `--input: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const from = v.from === undefined ? undefined : parseRangeLimit(v.from, unit, false, '--from');
  const to = v.to === undefined ? undefined : parseRangeLimit(v.to, unit, true, '--to');
  if (from !== undefined && to !== undefined && from > to) throw new AppError('validation', '--from: must not be after --to');
  const data = readEventFile(text, { name: file, xColumn: v.x ?? 'x', yColumn: v.y ?? 'y', timeColumn: v.time ?? 'date', dateFormat: format, from, to });
  return { file, data };
}

/** The imported-data filter (months YYYY-MM); file-only options are refused. */
export function importedFilter(v: SharedValues): IncidentFilter {
  for (const key of ['x', 'y', 'time', 'date-format'] as const) {
    if (v[key] !== undefined) throw new AppError('validation', `--${key}: applies only with --input FILE`);
  }
  const parsed = incidentFilterSchema.safeParse({
    from: v.from, to: v.to, force: v.force, category: v.category, district: v.district, lsoa: v.lsoa, outcome: v.outcome,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('validation', `--${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export const fileNotes = (data: EventFile): string[] => {
  const notes = ['Distances are in the units of the x and y columns (metres expected).'];
  if (data.incomplete) notes.push(`${data.incomplete} row${data.incomplete === 1 ? '' : 's'} with a blank x, y or date left out.`);
  if (data.outsideRange) notes.push(`${data.outsideRange} row${data.outsideRange === 1 ? '' : 's'} outside --from / --to left out.`);
  return notes;
};
