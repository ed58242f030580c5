/**
 * Figures from a force's own records with their provenance: the filters, the counting rules
 * applied, the extracts they rest on (source, coverage, "as at"), any part of the period no
 * extract covers, and whether the data are generated demo data.
 */
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { Scope } from '../../platform/module/context.js';
import { addDays, isCalendarDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import {
  asbIncidentsByCategory, countCrimes, COUNTING_RULES, CRIME_GROUPS, crimeFilterSchema, populationIn, ratePer1000, type CrimeFilter,
} from './records.counting.js';
import type { RecordKind } from './records.mapping.js';

/** Pure: the parts of [from, to] that no piece covers (pieces may overlap and come in any order). */
export function uncovered(pieces: readonly { from: string; to: string }[], from: string, to: string): { from: string; to: string }[] {
  const sorted = [...pieces].filter((p) => p.to >= from && p.from <= to).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const gaps: { from: string; to: string }[] = [];
  let next = from; // the first day not yet known to be covered
  for (const p of sorted) {
    if (p.from > next) gaps.push({ from: next, to: addDays(p.from, -1) });
    if (p.to >= next) next = addDays(p.to, 1);
    if (next > to) return gaps;
  }
  if (next <= to) gaps.push({ from: next, to });
  return gaps;
}

export interface RecordsProvenance {
  source: string;
  kind: RecordKind;
  filters: Record<string, unknown>;
  rules: string[];
  extracts: { importId: number; source: string; from: string; to: string; extractedOn: string }[];
  /** Days of the period no extract covers: the figure is short of them. */
  notCovered: { from: string; to: string }[];
  generatedAt: string;
  demo: boolean;
}

async function provenance(db: Db, kind: RecordKind, from: string, to: string, filters: Record<string, unknown>, rules: string[]): Promise<RecordsProvenance> {
  const pieces = await db.selectFrom('records_coverage as c').innerJoin('records_import as i', 'i.id', 'c.import_id')
    .select(['c.import_id', 'c.covered_from', 'c.covered_to', 'i.source', 'i.extracted_on', 'i.is_demo'])
    .where('c.kind', '=', kind).where('c.covered_from', '<=', to).where('c.covered_to', '>=', from).orderBy('c.covered_from').execute();
  return {
    source: "The force's own records (records-system extracts)",
    kind,
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
    rules,
    extracts: pieces.map((p) => ({ importId: p.import_id, source: p.source, from: p.covered_from, to: p.covered_to, extractedOn: p.extracted_on })),
    notCovered: uncovered(pieces.map((p) => ({ from: p.covered_from, to: p.covered_to })), from, to),
    generatedAt: new Date().toISOString(),
    demo: pieces.length > 0 && pieces.some((p) => p.is_demo),
  };
}

const year = z.coerce.number().int().min(1990).max(2100);

/** GET /api/records/crimes/counts: counts, total, optional rate per 1,000, provenance. */
export async function crimeCounts(db: Db, scope: Scope, raw: Record<string, unknown>) {
  const { by, measure, population: popYear, ...rest } = raw;
  const f: CrimeFilter = parseOrThrow(crimeFilterSchema, rest);
  const group = parseOrThrow(z.enum(CRIME_GROUPS).default('none'), by);
  const m = parseOrThrow(z.enum(['crimes', 'victims']).default('crimes'), measure);
  const rows = await countCrimes(db, f, scope, m, group);
  const total = group === 'none' ? (rows[0]?.count ?? 0) : (await countCrimes(db, f, scope, m, 'none'))[0]?.count ?? 0;
  let rate: { per1000: number | null; population: number | null; year: number; bandsCut: number } | null = null;
  if (popYear !== undefined) {
    const y = parseOrThrow(year, popYear);
    const districts = f.district ?? (scope.kind === 'districts' ? scope.districts : undefined);
    const p = await populationIn(db, { year: y, district: districts, ageMin: f.victimAgeMin, ageMax: f.victimAgeMax });
    rate = { per1000: ratePer1000(total, p.population), population: p.population, year: y, bandsCut: p.bandsCut };
  }
  const rules = [COUNTING_RULES.recordedDate, m === 'crimes' ? COUNTING_RULES.crimeOnce : 'Victims are counted: each victim of a crime once.'];
  if (f.victimAgeMin !== undefined || f.victimAgeMax !== undefined) rules.push(COUNTING_RULES.ageAtCommitted);
  if (f.domestic !== undefined || f.knife !== undefined || f.weapon !== undefined) rules.push(COUNTING_RULES.unknownFlags);
  return { by: group, measure: m, rows, total, rate, provenance: await provenance(db, 'crimes', f.from, f.to, { ...f }, rules) };
}

const asbSchema = z.object({
  from: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD'),
  to: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD'),
  district: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
}).refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });

/** GET /api/records/incidents/asb: ASB incidents by category, with provenance. */
export async function asbCounts(db: Db, scope: Scope, raw: Record<string, unknown>) {
  const q = parseOrThrow(asbSchema, raw);
  const categories = await asbIncidentsByCategory(db, q, scope);
  const total = Object.values(categories).reduce((a, b) => a + b, 0);
  return { categories, total, provenance: await provenance(db, 'incidents', q.from, q.to, { ...q }, ['Incidents are counted by the date they were recorded, each incident once.']) };
}

const popSchema = z.object({
  year,
  district: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  lsoa: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  ageMin: z.coerce.number().int().min(0).max(130).optional(),
  ageMax: z.coerce.number().int().min(0).max(130).optional(),
});

/** GET /api/records/population. */
export async function population(db: Db, raw: Record<string, unknown>) {
  const q = parseOrThrow(popSchema, raw);
  const p = await populationIn(db, q);
  return { year: q.year, district: q.district ?? null, lsoa: q.lsoa ?? null, ageMin: q.ageMin ?? null, ageMax: q.ageMax ?? null, ...p, source: 'ONS mid-year population estimates by LSOA (imported)', rule: 'Age bands count only when they lie wholly inside the ages asked for; bandsCut says how many straddle an edge.' };
}
