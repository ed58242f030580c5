/**
 * The counting rules of a force's own records, stated once and implemented here; every figure
 * built on these tables uses these fragments (KPIs, youth follow-up, offender top-N, the report).
 *
 *  1. Crimes are counted by their recorded date (`recorded_on`), unless a definition says
 *     otherwise; a period is a range of recorded dates, both ends included.
 *  2. A person's age is their age on the committed-from date (the first day the offence may have
 *     been committed). An extract giving a date of birth is converted on import; an exact age is
 *     taken as given; an age band counts for an age filter only when the whole band lies inside it
 *     (a victim "18-24" is under 25; "20-29" is neither under 25 nor 25 and over). Unknown ages
 *     never match an age filter.
 *  3. A crime with several victims (several rows with one reference) is counted once; a measure
 *     that counts victims says so (`measure: 'victims'`) and counts each victim row once. With a
 *     victim filter (age), a crime counts when at least one of its victims matches.
 *  4. Outcomes are counted "as at" the date their extract was taken (`extracted_on`): a later
 *     extract may add outcomes to the same crimes. Every figure using outcomes carries `asAt`, to be
 *     said beside it.
 *  5. Flags (domestic, knife, weapon) filter only rows whose extract holds them: an unknown flag
 *     matches neither true nor false.
 *  6. Scope: officers and supervisors count only their districts' rows; partners nothing.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { Scope } from '../../platform/module/context.js';
import { isCalendarDate } from '../../platform/time/london.js';
import { ASB_CATEGORIES, LOCATION_TYPES, type AsbCategory } from './records.mapping.js';

/** The rules in words, for provenance beside figures and for the API. */
export const COUNTING_RULES = {
  recordedDate: 'Crimes are counted by the date they were recorded, both ends of the period included.',
  ageAtCommitted: "Ages are taken on the date the offence was first committed; an age band counts only when it lies wholly inside the ages asked for; unknown ages are left out of age filters.",
  crimeOnce: 'A crime with several victims is counted once (victims are counted only where a figure says it counts victims).',
  outcomesAsAt: 'Outcomes are as recorded on the day the outcome extract was taken ("as at" that date).',
  unknownFlags: 'Rows without a domestic, knife or weapon marker are left out when that marker is filtered on.',
} as const;

const date = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');
const many = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
const bool = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
const age = z.coerce.number().int().min(0).max(130);

/** Filters of crimes in scope (the API's query string parses into this). */
export const crimeFilterSchema = z
  .object({
    from: date,
    to: date,
    offenceCode: many(z.string().min(1).max(20)).optional(),
    victimAgeMin: age.optional(),
    victimAgeMax: age.optional(),
    domestic: bool.optional(),
    locationType: many(z.enum(LOCATION_TYPES)).optional(),
    /** Location types to leave out ('home' for "outside the home"). */
    notLocationType: many(z.enum(LOCATION_TYPES)).optional(),
    knife: bool.optional(),
    weapon: bool.optional(),
    district: many(z.string().min(1).max(100)).optional(),
  })
  .strict()
  .refine((f) => f.from <= f.to, { message: 'must not be before from', path: ['to'] })
  .refine((f) => f.victimAgeMin === undefined || f.victimAgeMax === undefined || f.victimAgeMin <= f.victimAgeMax, { message: 'must not be below victimAgeMin', path: ['victimAgeMax'] });

export type CrimeFilter = z.output<typeof crimeFilterSchema>;
export type CrimeMeasure = 'crimes' | 'victims';
export const CRIME_GROUPS = ['none', 'month', 'district', 'offence', 'location'] as const;
export type CrimeGroup = (typeof CRIME_GROUPS)[number];

/** Rule 2, as a pure function: whether a victim's age (exact: min = max; a band; or unknown) matches an age filter. */
export function victimAgeMatches(ageMin: number | null, ageMax: number | null, filter: { min?: number | undefined; max?: number | undefined }): boolean {
  if (filter.min === undefined && filter.max === undefined) return true;
  if (ageMin === null || ageMax === null) return false;
  return (filter.min === undefined || ageMin >= filter.min) && (filter.max === undefined || ageMax <= filter.max);
}

/** A rate per 1,000 people, to one decimal place; null without a population. */
export function ratePer1000(count: number, population: number | null): number | null {
  if (population === null || population <= 0) return null;
  return Math.round((count / population) * 10_000) / 10;
}

/** Rule 6: the rows of `alias` (with a `district` column) a scope reaches. */
export function scopeCondition(scope: Scope, alias: string): RawBuilder<boolean> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind !== 'districts' || scope.districts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`lower(${sql.ref(`${alias}.district`)}) in (${sql.join(scope.districts.map((d) => d.toLowerCase()))})`;
}

/** Rules 1, 2, 5, 6: the crime rows (alias c of records_crime) a filter selects. */
export function crimeRowsWhere(f: CrimeFilter, scope: Scope): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`c.recorded_on between ${f.from}::date and ${f.to}::date`, scopeCondition(scope, 'c')];
  if (f.offenceCode?.length) parts.push(sql`c.offence_code in (${sql.join(f.offenceCode)})`);
  if (f.victimAgeMin !== undefined) parts.push(sql`c.victim_age_min >= ${f.victimAgeMin}`);
  if (f.victimAgeMax !== undefined) parts.push(sql`c.victim_age_max <= ${f.victimAgeMax}`);
  if (f.domestic !== undefined) parts.push(sql`c.domestic = ${f.domestic}`);
  if (f.knife !== undefined) parts.push(sql`c.knife = ${f.knife}`);
  if (f.weapon !== undefined) parts.push(sql`c.weapon = ${f.weapon}`);
  if (f.locationType?.length) parts.push(sql`c.location_type in (${sql.join(f.locationType)})`);
  if (f.notLocationType?.length) parts.push(sql`c.location_type is not null and c.location_type not in (${sql.join(f.notLocationType)})`);
  if (f.district?.length) parts.push(sql`lower(c.district) in (${sql.join(f.district.map((d) => d.toLowerCase()))})`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

const groupExpr: Record<CrimeGroup, RawBuilder<string | null>> = {
  none: sql`null::text`,
  month: sql`to_char(c.recorded_on, 'YYYY-MM')`,
  district: sql`c.district`,
  offence: sql`c.offence_code`,
  location: sql`c.location_type`,
};

/** Rule 3: crimes once (distinct references) or victims (distinct victim keys per crime; rows without a key each count). */
const measureExpr: Record<CrimeMeasure, RawBuilder<number>> = {
  crimes: sql`count(distinct c.reference)`,
  victims: sql`count(distinct c.reference || ':' || coalesce(c.victim_key, 'row' || c.import_id || ':' || c.line_no))`,
};

export interface CountRow {
  key: string | null;
  count: number;
}

/** Counts crimes (or victims) in scope, grouped. */
export async function countCrimes(db: Db, f: CrimeFilter, scope: Scope, measure: CrimeMeasure = 'crimes', by: CrimeGroup = 'none'): Promise<CountRow[]> {
  const key = groupExpr[by];
  const r = await sql<{ key: string | null; n: number }>`
    select ${key} as key, ${measureExpr[measure]}::int8 as n from records_crime c
    where ${crimeRowsWhere(f, scope)} group by 1 order by 1 nulls last`.execute(db);
  return r.rows.map((x) => ({ key: x.key, count: Number(x.n) }));
}

/** The references of crimes in scope (a subquery for other modules' joins). */
export function crimeReferencesInScope(f: CrimeFilter, scope: Scope): RawBuilder<{ reference: string }> {
  return sql`select distinct c.reference from records_crime c where ${crimeRowsWhere(f, scope)}`;
}

/** Rule 4: the day the outcome extracts covering [from, to] were taken (the earliest of them); null when none covers it. */
export async function outcomesAsAt(db: Db, from: string, to: string): Promise<string | null> {
  const r = await sql<{ as_at: string | null }>`
    select min(i.extracted_on)::text as as_at from records_coverage c join records_import i on i.id = c.import_id
    where c.kind = 'outcomes' and c.covered_from <= ${to}::date and c.covered_to >= ${from}::date`.execute(db);
  return r.rows[0]?.as_at ?? null;
}

export interface KeyOutcome {
  personKey: string;
  crimeReference: string;
  outcomeCode: string;
  outcomeOn: string;
}

/**
 * Outcomes of the given person keys dated in [from, to] (optionally only some outcome codes, e.g.
 * the formal ones), with the extract date they are "as at". Scope applies through the crime's
 * district when the outcome row has none.
 */
export async function outcomesForKeys(
  db: Db, keys: readonly string[], window: { from: string; to: string }, scope: Scope, codes?: readonly string[],
): Promise<{ outcomes: KeyOutcome[]; asAt: string | null }> {
  if (!keys.length) return { outcomes: [], asAt: await outcomesAsAt(db, window.from, window.to) };
  const rows = await sql<{ person_key: string; crime_reference: string; outcome_code: string; outcome_on: string }>`
    select d.person_key, d.crime_reference, d.outcome_code, d.outcome_on from (
      select o.person_key, o.crime_reference, o.outcome_code, o.outcome_on::text as outcome_on,
             coalesce(o.district, (select c.district from records_crime c where c.reference = o.crime_reference limit 1)) as district
      from records_outcome o
      where o.person_key in (${sql.join([...keys])}) and o.outcome_on between ${window.from}::date and ${window.to}::date
        ${codes?.length ? sql`and o.outcome_code in (${sql.join([...codes])})` : sql``}
    ) d where ${scopeCondition(scope, 'd')}
    order by d.person_key, d.outcome_on, d.crime_reference`.execute(db);
  return {
    outcomes: rows.rows.map((x) => ({ personKey: x.person_key, crimeReference: x.crime_reference, outcomeCode: x.outcome_code, outcomeOn: x.outcome_on })),
    asAt: await outcomesAsAt(db, window.from, window.to),
  };
}

/** ASB incidents by category (personal, nuisance, environmental) recorded in [from, to], in scope. */
export async function asbIncidentsByCategory(
  db: Db, f: { from: string; to: string; district?: readonly string[] | undefined }, scope: Scope,
): Promise<Record<AsbCategory, number>> {
  const r = await sql<{ asb_category: AsbCategory; n: number }>`
    select i.asb_category, count(distinct i.reference)::int8 as n from records_incident i
    where i.recorded_on between ${f.from}::date and ${f.to}::date and i.asb_category is not null and ${scopeCondition(scope, 'i')}
      ${f.district?.length ? sql`and lower(i.district) in (${sql.join(f.district.map((d) => d.toLowerCase()))})` : sql``}
    group by 1`.execute(db);
  const out = Object.fromEntries(ASB_CATEGORIES.map((c) => [c, 0])) as Record<AsbCategory, number>;
  for (const row of r.rows) out[row.asb_category] = Number(row.n);
  return out;
}

export interface RankedKey {
  personKey: string;
  crimes: number;
  /** The person record the key is linked to, if any. */
  personId: number | null;
}

/**
 * Offender keys ranked by the number of distinct crimes in scope they are recorded as offender
 * of (rule 3: a crime once per offender), most first; ties by the latest recorded date, then key.
 */
export async function rankOffenderKeys(db: Db, f: CrimeFilter, scope: Scope, limit = 20, role: 'offender' | 'suspect' = 'offender'): Promise<RankedKey[]> {
  const col = role === 'offender' ? sql.ref('c.offender_keys') : sql.ref('c.suspect_keys');
  const r = await sql<{ k: string; n: number; person_id: number | null }>`
    select k.k, count(distinct c.reference)::int8 as n, max(c.recorded_on) as latest, pk.person_id
    from records_crime c cross join lateral unnest(${col}) as k(k)
    left join records_person_key pk on pk.person_key = k.k
    where ${crimeRowsWhere(f, scope)}
    group by k.k, pk.person_id order by n desc, latest desc, k.k limit ${limit}`.execute(db);
  return r.rows.map((x) => ({ personKey: x.k, crimes: Number(x.n), personId: x.person_id }));
}

/**
 * People in LSOAs (of districts, or all) for a year and ages: the sum of the bands lying wholly
 * inside [ageMin, ageMax] (rule 2's band rule); `bandsCut` counts bands left out because they
 * straddle an edge. Districts come from the imported LSOA boundaries.
 */
export async function populationIn(
  db: Db, q: { year: number; district?: readonly string[] | undefined; lsoa?: readonly string[] | undefined; ageMin?: number | undefined; ageMax?: number | undefined },
): Promise<{ population: number | null; bandsCut: number }> {
  const min = q.ageMin ?? 0;
  const max = q.ageMax ?? null;
  const r = await sql<{ pop: number | null; cut: number; n: number }>`
    select sum(p.population) filter (where p.age_min >= ${min} and ${max === null ? sql`true` : sql`p.age_max is not null and p.age_max <= ${max}`})::int8 as pop,
           count(*) filter (where not (p.age_min >= ${min} and ${max === null ? sql`true` : sql`p.age_max is not null and p.age_max <= ${max}`})
             and (p.age_max is null or p.age_max >= ${min}) and ${max === null ? sql`true` : sql`p.age_min <= ${max}`})::int8 as cut,
           count(*)::int8 as n
    from records_population p
    ${q.district?.length ? sql`join boundary b on b.level = 'lsoa' and b.code = p.lsoa_code and lower(b.district_name) in (${sql.join(q.district.map((d) => d.toLowerCase()))})` : sql``}
    where p.year = ${q.year} ${q.lsoa?.length ? sql`and p.lsoa_code in (${sql.join([...q.lsoa])})` : sql``}`.execute(db);
  const row = r.rows[0];
  if (!row || Number(row.n) === 0) return { population: null, bandsCut: 0 };
  return { population: row.pop === null ? 0 : Number(row.pop), bandsCut: Number(row.cut) };
}
