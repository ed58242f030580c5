import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { CountBy, CountRow, IncidentFilter, IncidentItem } from './police-data.schema.js';

type CountSource = 'incident_count' | 'incident_lsoa_count' | 'incident';

/** Which table answers a count: the rollups when the filters allow, else the incident rows. */
export function countSource(by: CountBy, f: IncidentFilter): CountSource {
  if (f.bbox) return 'incident';
  if (by === 'lsoa') return f.outcome.length || f.category.length ? 'incident' : 'incident_lsoa_count';
  if (f.lsoa.length) return 'incident';
  return 'incident_count';
}

const monthDate = (m: string) => `${m}-01`;

/** The filter as a WHERE expression over a table holding month/force/category/district columns. */
function where(eb: ExpressionBuilder<any, any>, f: IncidentFilter, source: CountSource): Expression<SqlBool> {
  const rollup = source !== 'incident';
  const c: Expression<SqlBool>[] = [];
  if (f.from) c.push(eb('month', '>=', monthDate(f.from)));
  if (f.to) c.push(eb('month', '<=', monthDate(f.to)));
  if (f.force.length) c.push(eb('force', 'in', f.force));
  if (f.category.length) c.push(eb('category', 'in', f.category));
  if (f.district.length) c.push(eb(eb.fn('lower', ['district']), 'in', f.district.map((d) => d.toLowerCase())));
  if (f.lsoa.length) c.push(eb('lsoa_code', 'in', f.lsoa));
  if (f.outcome.length) {
    const named = f.outcome.filter((o) => o !== 'none');
    const alt: Expression<SqlBool>[] = [];
    if (named.length) alt.push(eb('outcome', 'in', named));
    if (named.length !== f.outcome.length) alt.push(rollup ? eb('outcome', '=', '') : eb('outcome', 'is', null));
    c.push(eb.or(alt));
  }
  if (f.bbox) {
    c.push(eb('longitude', '>=', f.bbox.minLon), eb('longitude', '<=', f.bbox.maxLon));
    c.push(eb('latitude', '>=', f.bbox.minLat), eb('latitude', '<=', f.bbox.maxLat));
  }
  return eb.and(c);
}

const keyColumn: Record<CountBy, string> = {
  month: "to_char(month, 'YYYY-MM')",
  category: 'category',
  district: "nullif(district, '')",
  outcome: "nullif(outcome, '')",
  force: 'force',
  lsoa: "nullif(lsoa_code, '')",
};

export async function countIncidents(db: Db, by: CountBy, f: IncidentFilter): Promise<{ rows: CountRow[]; source: CountSource }> {
  const source = countSource(by, f);
  const key = sql.raw<string | null>(keyColumn[by]);
  const count = source === 'incident' ? sql<number>`count(*)::int8` : sql<number>`sum(n)::int8`;
  const order = by === 'month' ? sql`1 asc` : sql`2 desc, 1 asc`;
  const rows = await (db as unknown as import('kysely').Kysely<any>)
    .selectFrom(source)
    .select([key.as('key'), count.as('count')])
    .where((eb) => where(eb, f, source))
    .groupBy(sql`1`)
    .orderBy(order)
    .execute();
  return { rows: rows.map((r) => ({ key: r.key as string | null, count: Number(r.count) })), source };
}

export async function listIncidents(db: Db, f: IncidentFilter, limit: number, offset: number): Promise<{ total: number; items: IncidentItem[] }> {
  const base = db.selectFrom('incident').where((eb) => where(eb as ExpressionBuilder<Database, 'incident'>, f, 'incident'));
  const totalRow = await base.select(sql<number>`count(*)::int8`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      sql<number>`incident.snapshot_id * 100000000 + incident.line_no`.as('id'), 'crime_id', sql<string>`to_char(incident.month, 'YYYY-MM')`.as('month_key'), 'incident.force', 'incident.falls_within', 'reported_by',
      'longitude', 'latitude', 'easting', 'northing', 'location', 'lsoa_code', 'lsoa_name', 'district', 'lad_code', 'category', 'outcome',
      'context', 'has_location',
      sql<boolean>`exists (select 1 from import_snapshot s where s.id = incident.snapshot_id and s.is_demo)`.as('is_demo'),
    ])
    .orderBy('incident.month', 'desc')
    .orderBy('incident.snapshot_id', 'desc')
    .orderBy('incident.line_no')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Number(totalRow.n),
    items: rows.map((r) => ({
      id: r.id, crimeId: r.crime_id, month: r.month_key, force: r.force, fallsWithin: r.falls_within, reportedBy: r.reported_by,
      longitude: r.longitude, latitude: r.latitude, easting: r.easting, northing: r.northing, location: r.location,
      lsoaCode: r.lsoa_code, lsoaName: r.lsoa_name, district: r.district, ladCode: r.lad_code, category: r.category,
      outcome: r.outcome, context: r.context, hasLocation: r.has_location, demo: r.is_demo,
    })),
  };
}

export interface DataSummary {
  demo: boolean;
  dataCutoff: string | null;
  months: { min: string; max: string } | null;
  forces: { id: string; name: string | null; rows: number }[];
  snapshots: number;
  rows: number;
  noLocationRows: number;
}

export async function dataSummary(db: Db): Promise<DataSummary> {
  const snaps = await db
    .selectFrom('import_snapshot')
    .select(['force', sql<string>`to_char(min(month), 'YYYY-MM')`.as('min'), sql<string>`to_char(max(month), 'YYYY-MM')`.as('max'),
      sql<number>`sum(row_count)::int8`.as('rows'), sql<number>`sum(no_location_rows)::int8`.as('no_location'),
      sql<number>`count(*)::int8`.as('n'), sql<boolean>`bool_or(is_demo)`.as('demo'), sql<string | null>`max(falls_within)`.as('name')])
    .where('kind', '=', 'street')
    .groupBy('force')
    .orderBy('force')
    .execute();
  const min = snaps.map((s) => s.min).sort()[0];
  const max = snaps.map((s) => s.max).sort().at(-1);
  return {
    demo: snaps.some((s) => s.demo),
    dataCutoff: max ?? null,
    months: min && max ? { min, max } : null,
    forces: snaps.map((s) => ({ id: s.force, name: s.name, rows: Number(s.rows) })),
    snapshots: snaps.reduce((n, s) => n + Number(s.n), 0),
    rows: snaps.reduce((n, s) => n + Number(s.rows), 0),
    noLocationRows: snaps.reduce((n, s) => n + Number(s.no_location), 0),
  };
}

export interface IncidentPoint {
  easting: number;
  northing: number;
  longitude: number;
  latitude: number;
  month: string; // YYYY-MM
  category: string;
  lsoaCode: string | null;
  district: string | null;
  outcome: string | null;
}

/** Located incidents matching a filter, for the analytics (rows without location are counted). */
export async function incidentPoints(db: Db, f: IncidentFilter): Promise<{ points: IncidentPoint[]; noLocation: number }> {
  const rows = await db
    .selectFrom('incident')
    .select([
      'easting', 'northing', 'longitude', 'latitude', sql<string>`to_char(month, 'YYYY-MM')`.as('month_key'), 'category', 'lsoa_code',
      'district', 'outcome',
    ])
    .where((eb) => where(eb as ExpressionBuilder<Database, 'incident'>, f, 'incident'))
    .execute();
  const points: IncidentPoint[] = [];
  let noLocation = 0;
  for (const r of rows) {
    if (r.easting === null || r.northing === null || r.longitude === null || r.latitude === null) {
      noLocation++;
      continue;
    }
    points.push({
      easting: r.easting, northing: r.northing, longitude: r.longitude, latitude: r.latitude, month: r.month_key,
      category: r.category, lsoaCode: r.lsoa_code, district: r.district, outcome: r.outcome,
    });
  }
  return { points, noLocation };
}

export interface StopSearchEvent {
  easting: number;
  northing: number;
  occurredAt: Date;
  force: string;
  searchType: string;
  objectOfSearch: string | null;
  outcome: string | null;
}

/** Located stop-and-search records (day and time level) for a force and month range. */
export async function stopSearchEvents(
  db: Db,
  f: { from?: string | undefined; to?: string | undefined; force: readonly string[] },
): Promise<{ events: StopSearchEvent[]; noLocation: number }> {
  let q = db
    .selectFrom('stop_search')
    .select(['easting', 'northing', sql<Date>`occurred_at`.as('occurred_at'), 'force', sql<string>`search_type`.as('search_type'),
      sql<string | null>`object_of_search`.as('object_of_search'), sql<string | null>`outcome`.as('outcome')]);
  if (f.from) q = q.where('month', '>=', monthDate(f.from));
  if (f.to) q = q.where('month', '<=', monthDate(f.to));
  if (f.force.length) q = q.where('force', 'in', f.force);
  const rows = (await q.execute()) as unknown as { easting: number | null; northing: number | null; occurred_at: Date; force: string; search_type: string; object_of_search: string | null; outcome: string | null }[];
  const events: StopSearchEvent[] = [];
  let noLocation = 0;
  for (const r of rows) {
    if (r.easting === null || r.northing === null) {
      noLocation++;
      continue;
    }
    events.push({ easting: r.easting, northing: r.northing, occurredAt: new Date(r.occurred_at), force: r.force, searchType: r.search_type, objectOfSearch: r.object_of_search, outcome: r.outcome });
  }
  return { events, noLocation };
}
