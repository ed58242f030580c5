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

/** The incident page's columns, for rows of the view `incident`. */
function pageColumns() {
  return [
    sql<number>`incident.snapshot_id * 100000000 + incident.line_no`.as('id'), 'crime_id', sql<string>`to_char(incident.month, 'YYYY-MM')`.as('month_key'),
    'incident.force', 'incident.falls_within', 'reported_by', 'longitude', 'latitude', 'easting', 'northing', 'location', 'lsoa_code', 'lsoa_name',
    'district', 'lad_code', 'category', 'outcome', 'context', 'has_location',
  ] as const;
}

type PageRow = {
  id: number; crime_id: string | null; month_key: string; force: string; falls_within: string; reported_by: string;
  longitude: number | null; latitude: number | null; easting: number | null; northing: number | null; location: string;
  lsoa_code: string | null; lsoa_name: string | null; district: string | null; lad_code: string | null; category: string;
  outcome: string | null; context: string | null; has_location: boolean;
};

const itemOf = (r: PageRow, demo: boolean): IncidentItem => ({
  id: Number(r.id), crimeId: r.crime_id, month: r.month_key, force: r.force, fallsWithin: r.falls_within, reportedBy: r.reported_by,
  longitude: r.longitude, latitude: r.latitude, easting: r.easting, northing: r.northing, location: r.location,
  lsoaCode: r.lsoa_code, lsoaName: r.lsoa_name, district: r.district, ladCode: r.lad_code, category: r.category,
  outcome: r.outcome, context: r.context, hasLocation: r.has_location, demo,
});

interface SnapshotRef {
  id: number;
  isDemo: boolean;
}

/** Street snapshots the filter's months and forces select, in page order (newest month first). */
async function streetSnapshots(db: Db, f: IncidentFilter): Promise<SnapshotRef[]> {
  let q = db.selectFrom('import_snapshot').select(['id', 'is_demo']).where('kind', '=', 'street');
  if (f.from) q = q.where('month', '>=', monthDate(f.from) as never);
  if (f.to) q = q.where('month', '<=', monthDate(f.to) as never);
  if (f.force.length) q = q.where('force', 'in', f.force);
  const rows = await q.orderBy('month', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: Number(r.id), isDemo: r.is_demo }));
}

/** Whether the rollup incident_count can count rows matching the filter exactly. */
export const rollupCounts = (f: IncidentFilter): boolean => !f.bbox && f.lsoa.length === 0;

export interface IncidentPageRows {
  /** Rows matching the filter; null when it would take counting every row and no exact count was asked for. */
  total: number | null;
  /** Whether rows follow this page. */
  hasMore: boolean;
  items: IncidentItem[];
}

/**
 * A page of incidents, newest month first, then snapshot, then file line. No query counts every
 * matching row: snapshots are walked in page order, and only the rows shown are read from the
 * (snapshot_id, line_no) index. When the rollup can count the filter, its per-snapshot counts give
 * the exact total and let whole snapshots be skipped; otherwise the page reads one row more than
 * it shows to know whether more follow, and counts only when `exactCount` is asked for.
 */
export async function listIncidents(db: Db, f: IncidentFilter, limit: number, offset: number, exactCount = false): Promise<IncidentPageRows> {
  const snapshots = await streetSnapshots(db, f);
  const perSnapshot = new Map<number, number>();
  if (rollupCounts(f) && snapshots.length) {
    const rows = await (db as unknown as import('kysely').Kysely<any>)
      .selectFrom('incident_count')
      .select(['snapshot_id', sql<number>`sum(n)::int8`.as('n')])
      .where((eb) => where(eb, f, 'incident_count'))
      .where('snapshot_id', 'in', snapshots.map((s) => s.id))
      .groupBy('snapshot_id')
      .execute();
    for (const r of rows) perSnapshot.set(Number(r.snapshot_id), Number(r.n));
  }
  const counted = rollupCounts(f);
  const items: IncidentItem[] = [];
  let skip = offset;
  let hasMore = false;
  for (const snap of snapshots) {
    const want = limit - items.length;
    if (counted) {
      const n = perSnapshot.get(snap.id) ?? 0;
      if (skip >= n) {
        skip -= n;
        continue;
      }
      if (want === 0) {
        hasMore = true;
        break;
      }
    }
    // One row more than wanted tells whether more follow, without counting.
    const rows = (await db
      .selectFrom('incident')
      .select(pageColumns())
      .where('snapshot_id', '=', snap.id)
      .where((eb) => where(eb as ExpressionBuilder<Database, 'incident'>, f, 'incident'))
      .orderBy('line_no')
      .limit(want + 1)
      .offset(skip)
      .execute()) as unknown as PageRow[];
    if (!counted && rows.length === 0 && skip > 0) {
      // Without counts, the offset reaches past this snapshot: count its matches to skip them.
      const n = await db.selectFrom('incident').select(sql<number>`count(*)::int8`.as('n')).where('snapshot_id', '=', snap.id)
        .where((eb) => where(eb as ExpressionBuilder<Database, 'incident'>, f, 'incident')).executeTakeFirstOrThrow();
      skip -= Number(n.n);
      continue;
    }
    skip = 0;
    for (const r of rows.slice(0, want)) items.push(itemOf(r, snap.isDemo));
    if (rows.length > want) {
      hasMore = true;
      break;
    }
  }
  let total: number | null = null;
  if (counted) total = [...perSnapshot.values()].reduce((a, b) => a + b, 0);
  else if (exactCount) {
    const n = await db.selectFrom('incident').select(sql<number>`count(*)::int8`.as('n'))
      .where((eb) => where(eb as ExpressionBuilder<Database, 'incident'>, f, 'incident')).executeTakeFirstOrThrow();
    total = Number(n.n);
  }
  return { total, hasMore, items };
}

/** The data cut-off and demo flag of dataSummary, in one small query (every figure's provenance carries them). */
export async function dataCutoff(db: Db): Promise<{ dataCutoff: string | null; demo: boolean }> {
  const r = await db.selectFrom('import_snapshot')
    .select([sql<string | null>`to_char(max(month), 'YYYY-MM')`.as('cutoff'), sql<boolean>`coalesce(bool_or(is_demo), false)`.as('demo')])
    .where('kind', '=', 'street')
    .executeTakeFirst();
  return { dataCutoff: r?.cutoff ?? null, demo: r?.demo ?? false };
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

/** Rows read per query when analyses read incidents: each chunk holds the database for a moment only. */
export const INCIDENT_CHUNK_ROWS = 5_000;

interface PointRow {
  line_no: number;
  easting: number | null;
  northing: number | null;
  longitude: number | null;
  latitude: number | null;
  month_key: string;
  category: string;
  lsoa_code: string | null;
  district: string | null;
  outcome: string | null;
}

const pointColumns = () => [
  'line_no', 'easting', 'northing', 'longitude', 'latitude', sql<string>`to_char(month, 'YYYY-MM')`.as('month_key'), 'category',
  'lsoa_code', 'district', 'outcome',
];

/**
 * Incident rows matching a filter, in chunks of at most `chunkRows`: snapshot by snapshot (in
 * load order), keyset-paged on (snapshot_id, line_no), one short query per chunk, so on the
 * embedded database other requests run between chunks.
 */
export async function forEachIncidentChunk<R extends { line_no: number }>(db: Db, f: IncidentFilter, onChunk: (rows: readonly R[]) => void,
  columns: readonly unknown[] = pointColumns(), chunkRows = INCIDENT_CHUNK_ROWS): Promise<void> {
  const snapshots = (await streetSnapshots(db, f)).sort((a, b) => a.id - b.id);
  for (const snap of snapshots) {
    for (let after = 0; ;) {
      const rows = (await db
        .selectFrom('incident')
        .select(columns as never)
        .where('snapshot_id', '=', snap.id)
        .where('line_no', '>', after)
        .where((eb) => where(eb as ExpressionBuilder<Database, 'incident'>, f, 'incident'))
        .orderBy('line_no')
        .limit(chunkRows)
        .execute()) as unknown as R[];
      if (rows.length) onChunk(rows);
      if (rows.length < chunkRows) break;
      after = rows[rows.length - 1]!.line_no;
    }
  }
}

/** Located incidents matching a filter, for the analytics (rows without location are counted). */
export async function incidentPoints(db: Db, f: IncidentFilter): Promise<{ points: IncidentPoint[]; noLocation: number }> {
  const points: IncidentPoint[] = [];
  let noLocation = 0;
  await forEachIncidentChunk<PointRow>(db, f, (rows) => {
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
  });
  return { points, noLocation };
}

export interface IncidentColumns {
  easting: Float64Array;
  northing: Float64Array;
  /** Months since year 0 (year * 12 + month - 1). */
  month: Float64Array;
  /** Located incidents per district (lower case), '' for none. */
  districts: Map<string, number>;
  noLocation: number;
}

/** Located incidents as columns (for analyses run in worker threads), read in bounded chunks. */
export async function incidentColumns(db: Db, f: IncidentFilter): Promise<IncidentColumns> {
  const parts: { e: Float64Array; n: Float64Array; m: Float64Array; len: number }[] = [];
  const districts = new Map<string, number>();
  let noLocation = 0;
  type ColumnRow = { line_no: number; easting: number | null; northing: number | null; m: number; district: string | null };
  // Only what the columns need: each chunk's rows cross from the database (PGlite: its thread) as fast as possible.
  const columns = ['line_no', 'easting', 'northing', sql<number>`(extract(year from month) * 12 + extract(month from month) - 1)::int`.as('m'), 'district'];
  await forEachIncidentChunk<ColumnRow>(db, f, (rows) => {
    const part = { e: new Float64Array(rows.length), n: new Float64Array(rows.length), m: new Float64Array(rows.length), len: 0 };
    for (const r of rows) {
      if (r.easting === null || r.northing === null) {
        noLocation++;
        continue;
      }
      const k = part.len++;
      part.e[k] = r.easting;
      part.n[k] = r.northing;
      part.m[k] = r.m;
      const d = (r.district ?? '').toLowerCase();
      districts.set(d, (districts.get(d) ?? 0) + 1);
    }
    parts.push(part);
  }, columns);
  const total = parts.reduce((a, p) => a + p.len, 0);
  const out = { easting: new Float64Array(total), northing: new Float64Array(total), month: new Float64Array(total) };
  let at = 0;
  for (const p of parts) {
    out.easting.set(p.e.subarray(0, p.len), at);
    out.northing.set(p.n.subarray(0, p.len), at);
    out.month.set(p.m.subarray(0, p.len), at);
    at += p.len;
  }
  return { ...out, districts, noLocation };
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

/**
 * The months each force has street data for: a month is held when its street file was imported
 * (whether or not it had rows). Forces with no street file are absent.
 */
export async function streetMonthsByForce(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('import_snapshot')
    .select(['force', sql<string>`to_char(month, 'YYYY-MM')`.as('month')])
    .where('kind', '=', 'street')
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const held = out.get(r.force) ?? new Set<string>();
    held.add(r.month);
    out.set(r.force, held);
  }
  return out;
}
