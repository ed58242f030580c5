import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { StreetRollups } from '../../ingest/police-uk/parsed-file.js';
import type { PoliceDataKind } from './police-data.tables.js';

export interface SnapshotRef {
  id: number;
  kind: PoliceDataKind;
  row_count: number;
  is_demo: boolean;
}

/** Takes `n` snapshot ids from the sequence (ids of files that fail are not reused). */
export async function nextSnapshotIds(db: Db, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const r = await sql<{ id: number }>`select nextval('import_snapshot_id_seq')::int8 as id from generate_series(1, ${n}::int)`.execute(db);
  return r.rows.map((row) => Number(row.id));
}

/** Serialises imports of the same (kind, force, month) until the transaction ends. */
export async function lockSnapshotKey(db: Db, kind: PoliceDataKind, force: string, month: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(7245003, hashtext(${`${kind}|${force}|${month}`}))`.execute(db);
}

/** The snapshot a file of (kind, force, month) replaces, and the demo snapshots a real import removes. */
export async function findPriorAndDemo(
  db: Db,
  kind: PoliceDataKind,
  force: string,
  month: string,
): Promise<{ prior: SnapshotRef | undefined; demo: Pick<SnapshotRef, 'id' | 'kind'>[] }> {
  const rows = await sql<SnapshotRef & { same_key: boolean }>`
    select id, kind, row_count, is_demo, (kind = ${kind} and force = ${force} and month = ${`${month}-01`}::date) as same_key
    from import_snapshot
    where (kind = ${kind} and force = ${force} and month = ${`${month}-01`}::date) or is_demo`.execute(db);
  const prior = rows.rows.find((r) => r.same_key);
  return {
    prior: prior && { id: Number(prior.id), kind: prior.kind, row_count: prior.row_count, is_demo: prior.is_demo },
    demo: rows.rows.filter((r) => r.is_demo).map((r) => ({ id: Number(r.id), kind: r.kind })),
  };
}

const dataTable: Record<PoliceDataKind, 'incident_row' | 'stop_search' | 'crime_outcome'> = {
  street: 'incident_row',
  'stop-and-search': 'stop_search',
  outcomes: 'crime_outcome',
};

/** What makes two rows "the same row" across republished downloads of a month. */
const rowIdentity: Record<PoliceDataKind, string> = {
  // the stored integer coordinates: same identity, and integers print far faster than doubles
  street: "coalesce(crime_id, concat_ws('|', lon_e6, lat_e6, location, lsoa_code, category))",
  outcomes: "concat_ws('|', crime_id, outcome_type)",
  'stop-and-search': "concat_ws('|', occurred_at, latitude, longitude, search_type, gender, age_range, legislation, object_of_search, outcome)",
};

/** Rows of snapshot `fresh` with no counterpart in snapshot `old`, matching as multisets. */
export async function countNewRows(db: Db, kind: PoliceDataKind, fresh: number, old: number): Promise<number> {
  const table = sql.table(dataTable[kind]);
  const key = sql.raw(rowIdentity[kind]);
  // EXCEPT ALL is a hashed multiset difference: the planner has no statistics on rows loaded
  // moments ago, and a join here was planned as a nested loop (n^2; 30 s on a Kent month).
  const r = await sql<{ n: number }>`
    select count(*)::int8 as n from (
      select ${key} from ${table} where snapshot_id = ${fresh}
      except all
      select ${key} from ${table} where snapshot_id = ${old}) d`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Removes the rows (not the snapshot record) a snapshot holds. */
export async function deleteSnapshotRows(db: Db, snap: Pick<SnapshotRef, 'id' | 'kind'>): Promise<void> {
  for (const table of tablesOf[snap.kind]) await db.deleteFrom(table).where('snapshot_id', '=', snap.id).execute();
}

const tablesOf: Record<PoliceDataKind, readonly ('incident_row' | 'incident_count' | 'incident_lsoa_count' | 'stop_search' | 'crime_outcome')[]> = {
  street: ['incident_row', 'incident_count', 'incident_lsoa_count'],
  'stop-and-search': ['stop_search'],
  outcomes: ['crime_outcome'],
};

/** Removes a snapshot and every row it holds. */
export async function deleteSnapshots(db: Db, snaps: readonly Pick<SnapshotRef, 'id' | 'kind'>[]): Promise<void> {
  for (const kind of Object.keys(tablesOf) as PoliceDataKind[]) {
    const ids = snaps.filter((s) => s.kind === kind).map((s) => s.id);
    if (ids.length === 0) continue;
    for (const table of tablesOf[kind]) await db.deleteFrom(table).where('snapshot_id', 'in', ids).execute();
  }
  if (snaps.length) await db.deleteFrom('import_snapshot').where('id', 'in', snaps.map((s) => s.id)).execute();
}

export async function hasDemoData(db: Db): Promise<boolean> {
  const r = await db.selectFrom('import_snapshot').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  return r !== undefined;
}

export interface SnapshotRecord {
  id: number;
  kind: PoliceDataKind;
  force: string;
  month: string; // YYYY-MM
  fallsWithin: string | null;
  rows: number;
  noLocationRows: number;
  fileName: string;
  by: string;
  isDemo: boolean;
}

/**
 * Writes a snapshot's record and, for street files, its rollup rows, in one statement (one
 * round trip per file: imports of many small files are bound by round trips).
 */
export async function insertSnapshot(db: Db, s: SnapshotRecord, rollups?: StreetRollups): Promise<void> {
  const month = `${s.month}-01`;
  const record = sql`insert into import_snapshot (id, kind, force, month, file_name, falls_within, row_count, no_location_rows, imported_by, is_demo)
    values (${s.id}, ${s.kind}, ${s.force}, ${month}::date, ${s.fileName}, ${s.fallsWithin}, ${s.rows}, ${s.noLocationRows}, ${s.by}, ${s.isDemo})`;
  if (!rollups) {
    await record.execute(db);
    return;
  }
  const d = rollups.byDistrict;
  const l = rollups.byLsoa;
  await sql`with snapshot as (${record}),
    by_district as (
      insert into incident_count (snapshot_id, month, force, district, category, outcome, n)
      select ${s.id}, ${month}::date, ${s.force}, u.district, u.category, u.outcome, u.n
      from unnest(${d.district}::text[], ${d.category}::text[], ${d.outcome}::text[], ${d.n}::int4[]) as u(district, category, outcome, n))
    insert into incident_lsoa_count (snapshot_id, month, force, district, lsoa_code, n)
    select ${s.id}, ${month}::date, ${s.force}, u.district, u.lsoa_code, u.n
    from unnest(${l.district}::text[], ${l.lsoaCode}::text[], ${l.n}::int4[]) as u(district, lsoa_code, n)`.execute(db);
}

export async function deleteSnapshotRecord(db: Db, id: number): Promise<void> {
  await db.deleteFrom('import_snapshot').where('id', '=', id).execute();
}

export async function countRows(db: Db): Promise<number> {
  const r = await db.selectFrom('import_snapshot').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('row_count'), sql<number>`0`).as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
