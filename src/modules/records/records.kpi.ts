/**
 * Counts of the force's incident records for the KPI catalogue (issue 18), following the counting
 * rules (records.counting.ts): incidents by recorded date, once per reference; scope by district.
 *  - ASB incidents by district and category;
 *  - repeat victims: person keys named in at least N ASB incidents recorded in the period, each
 *    key once, in the district of its latest incident (latest recorded date, then reference).
 * Also what the extracts of a kind cover, for "missing data" beside a figure.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Scope } from '../../platform/module/context.js';
import { scopeCondition } from './records.counting.js';
import type { AsbCategory, RecordKind } from './records.mapping.js';

const lowered = (ds: readonly string[]) => sql.join(ds.map((d) => d.toLowerCase()));

export interface IncidentKpiQuery {
  from: string;
  to: string;
  categories: readonly AsbCategory[];
  locationTypes?: readonly string[] | undefined;
  excludeLocationTypes?: readonly string[] | undefined;
  districts?: readonly string[] | undefined;
}

function incidentWhere(q: IncidentKpiQuery, scope: Scope) {
  return sql<boolean>`i.recorded_on between ${q.from}::date and ${q.to}::date and i.asb_category in (${sql.join([...q.categories])}) and ${scopeCondition(scope, 'i')}
    ${q.locationTypes?.length ? sql`and i.location_type in (${sql.join([...q.locationTypes])})` : sql``}
    ${q.excludeLocationTypes?.length ? sql`and i.location_type is not null and i.location_type not in (${sql.join([...q.excludeLocationTypes])})` : sql``}
    ${q.districts?.length ? sql`and lower(i.district) in (${lowered(q.districts)})` : sql``}`;
}

/** ASB incidents by district and category (an incident in one category and district: its first row's). */
export async function asbIncidentCounts(db: Db, q: IncidentKpiQuery, scope: Scope): Promise<{ district: string; category: string; count: number }[]> {
  const r = await sql<{ district: string; category: string; n: number }>`
    select district, asb_category as category, count(*)::int8 as n from (
      select distinct on (i.reference) i.reference, i.district, i.asb_category from records_incident i
       where ${incidentWhere(q, scope)} order by i.reference, i.line_no) s
     group by 1, 2 order by 1, 2`.execute(db);
  return r.rows.map((x) => ({ district: x.district, category: x.category, count: Number(x.n) }));
}

/** People named in at least `minIncidents` ASB incidents in the period, by the district of their latest one. */
export async function asbRepeatPeopleCounts(db: Db, q: IncidentKpiQuery & { minIncidents: number }, scope: Scope): Promise<{ district: string; count: number }[]> {
  const r = await sql<{ district: string; n: number }>`
    select district, count(*)::int8 as n from (
      select k.k, count(distinct i.reference) as incidents,
             (array_agg(i.district order by i.recorded_on desc, i.reference desc))[1] as district
        from records_incident i cross join lateral unnest(i.person_keys) as k(k)
       where ${incidentWhere(q, scope)}
       group by k.k) s
     where s.incidents >= ${q.minIncidents} group by 1 order by 1`.execute(db);
  return r.rows.map((x) => ({ district: x.district, count: Number(x.n) }));
}

/** Whether the force records tables exist in this database (the module may not be installed yet). */
export async function recordsInstalled(db: Db): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass('records_crime')::text as t`.execute(db);
  return r.rows[0]?.t != null;
}

/** The pieces of [from, to] that no extract of a kind covers, and the extract date of those that do. */
export async function kindCoverage(db: Db, kind: RecordKind, from: string, to: string): Promise<{ pieces: { from: string; to: string }[]; extractedOn: string | null }> {
  const r = await sql<{ f: string; t: string; e: string }>`
    select c.covered_from::text as f, c.covered_to::text as t, i.extracted_on::text as e from records_coverage c join records_import i on i.id = c.import_id
     where c.kind = ${kind} and c.covered_from <= ${to}::date and c.covered_to >= ${from}::date order by c.covered_from`.execute(db);
  return { pieces: r.rows.map((x) => ({ from: x.f, to: x.t })), extractedOn: r.rows.map((x) => x.e).sort().at(-1) ?? null };
}
