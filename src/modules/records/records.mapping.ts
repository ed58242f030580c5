/**
 * The mapping file of a force's records-system extract (docs/force-records.md): which column of
 * the export is which field, how its values translate into ours, and what the extract covers.
 * JSON or YAML; validated here once, so the importer meets only a checked mapping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { isCalendarDate } from '../../platform/time/london.js';

export const RECORD_KINDS = ['crimes', 'incidents', 'outcomes'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Where an offence or incident happened, in our categories (a mapping translates the force's codes). */
export const LOCATION_TYPES = ['home', 'street', 'retail', 'licensed_premises', 'education', 'transport', 'open_space', 'other'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/** The three ASB incident types of the National Standard for Incident Recording. */
export const ASB_CATEGORIES = ['personal', 'nuisance', 'environmental'] as const;
export type AsbCategory = (typeof ASB_CATEGORIES)[number];

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Every field a column can be mapped to, by kind; `required` ones must be mapped. */
export const KIND_FIELDS = {
  crimes: {
    required: ['reference', 'offenceCode', 'committedFrom', 'recordedDate'],
    optional: [
      'offenceDescription', 'committedTo', 'easting', 'northing', 'latitude', 'longitude', 'lsoa', 'district',
      'victimKey', 'victimAge', 'victimDateOfBirth', 'victimAgeBand', 'domestic', 'locationType', 'weapon', 'knife',
      'suspectKeys', 'offenderKeys',
    ],
  },
  incidents: {
    required: ['reference', 'recordedDate', 'incidentType'],
    optional: ['asbCategory', 'easting', 'northing', 'latitude', 'longitude', 'lsoa', 'district', 'locationType', 'personKeys'],
  },
  outcomes: {
    required: ['crimeReference', 'outcomeCode', 'outcomeDate'],
    optional: ['outcomeDescription', 'personKey', 'district'],
  },
} as const satisfies Record<RecordKind, { required: readonly string[]; optional: readonly string[] }>;

export type MappedField = (typeof KIND_FIELDS)[RecordKind]['required' | 'optional'][number];

const date = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');
const flagMap = z.record(z.string(), z.boolean());

export const mappingSchema = z
  .object({
    version: z.literal(1),
    kind: z.enum(RECORD_KINDS),
    /** The records system and export, as shown beside figures ("Niche RMS crime extract"). */
    source: z.string().min(1).max(200),
    coverage: z
      .object({
        from: date,
        to: date,
        /** The day the extract was taken: outcomes are "as at" this date. */
        extractedOn: date,
      })
      .strict()
      .refine((c) => c.from <= c.to, { message: 'from must not be after to', path: ['to'] }),
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    /** Separator of several person ids in one cell. */
    listSeparator: z.string().length(1).default(';'),
    columns: z.record(z.string(), z.string().min(1)),
    /** Values used when the export has no column for a field (only district). */
    fixed: z.object({ district: z.string().min(1).max(100) }).strict().partial().default({}),
    values: z
      .object({
        domestic: flagMap,
        weapon: flagMap,
        knife: flagMap,
        locationType: z.record(z.string(), z.enum(LOCATION_TYPES)),
        asbCategory: z.record(z.string(), z.enum(ASB_CATEGORIES).nullable()),
        outcomeCode: z.record(z.string(), z.string().min(1).max(10)),
        victimAgeBand: z.record(z.string(), z.tuple([z.number().int().min(0).max(130), z.number().int().min(0).max(130)])),
      })
      .strict()
      .partial()
      .default({}),
  })
  .strict()
  .superRefine((m, ctx) => {
    const fields = KIND_FIELDS[m.kind];
    const known = new Set<string>([...fields.required, ...fields.optional]);
    for (const f of Object.keys(m.columns)) {
      if (!known.has(f)) ctx.addIssue({ code: 'custom', path: ['columns', f], message: `not a field of ${m.kind} extracts (fields: ${[...known].join(', ')})` });
    }
    for (const f of fields.required) {
      if (!m.columns[f]) ctx.addIssue({ code: 'custom', path: ['columns', f], message: `required for ${m.kind} extracts` });
    }
    const pair = (a: string, b: string) => {
      if (Boolean(m.columns[a]) !== Boolean(m.columns[b])) ctx.addIssue({ code: 'custom', path: ['columns', m.columns[a] ? b : a], message: `${a} and ${b} go together` });
    };
    pair('easting', 'northing');
    pair('latitude', 'longitude');
    const ages = ['victimAge', 'victimDateOfBirth', 'victimAgeBand'].filter((f) => m.columns[f]);
    if (ages.length > 1) ctx.addIssue({ code: 'custom', path: ['columns', ages[1]!], message: `map one of victimAge, victimDateOfBirth, victimAgeBand (not ${ages.join(' and ')})` });
    if (m.columns.victimAgeBand && !m.values.victimAgeBand) ctx.addIssue({ code: 'custom', path: ['values', 'victimAgeBand'], message: 'give the ages of each band, e.g. {"18-24": [18, 24]}' });
    if (m.columns.district && m.fixed.district) ctx.addIssue({ code: 'custom', path: ['fixed', 'district'], message: 'district is mapped to a column already' });
    if (m.kind !== 'outcomes' && !m.columns.district && !m.fixed.district && !m.columns.lsoa) ctx.addIssue({ code: 'custom', path: ['columns', 'district'], message: 'map district or lsoa (with boundaries imported), or give fixed.district' });
    for (const band of Object.entries(m.values.victimAgeBand ?? {})) {
      if (band[1][0] > band[1][1]) ctx.addIssue({ code: 'custom', path: ['values', 'victimAgeBand', band[0]], message: 'the lower age comes first' });
    }
    const seen = new Map<string, string>();
    for (const [f, col] of Object.entries(m.columns)) {
      const other = seen.get(col);
      // One column may feed several fields only where that makes sense (none do): refuse the slip.
      if (other) ctx.addIssue({ code: 'custom', path: ['columns', f], message: `column '${col}' is mapped to ${other} already` });
      seen.set(col, f);
    }
  });

export type RecordsMapping = z.output<typeof mappingSchema>;

/** A mapping from an object (JSON or YAML already parsed), or a 400 naming the field. */
export function parseMapping(raw: unknown, where = 'mapping'): RecordsMapping {
  const r = mappingSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = issue.path.map(String).join('.');
  throw new AppError('validation', `${where}: ${at ? `${at}: ` : ''}${issue.message}`, r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
}

/** Reads a mapping file: .yaml/.yml as YAML, anything else as JSON. */
export function readMappingFile(file: string): RecordsMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('validation', `${file}: cannot read the mapping file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let raw: unknown;
  const ext = path.extname(file).toLowerCase();
  try {
    raw = ext === '.yaml' || ext === '.yml' ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new AppError('validation', `${file}: not valid ${ext === '.yaml' || ext === '.yml' ? 'YAML' : 'JSON'}: ${(err as Error).message}`);
  }
  return parseMapping(raw, path.basename(file));
}
