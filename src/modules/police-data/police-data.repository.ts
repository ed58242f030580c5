import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PoliceDataKind } from './police-data.tables.js';

export interface SnapshotRef {
  id: number;
  kind: PoliceDataKind;
  row_count: number;
  is_demo: boolean;
}

export async function nextSnapshotId(db: Db): Promise<number> {
  const r = await sql<{ id: number }>`select nextval('import_snapshot_id_seq')::int8 as id`.execute(db);
  return r.rows[0]!.id;
}

/** Serialises imports of the same (kind, force, month) until the transaction ends. */
export async function lockSnapshotKey(db: Db, kind: PoliceDataKind, force: string, month: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(7245003, hashtext(${`${kind}|${force}|${month}`}))`.execute(db);
}

export async function findSnapshot(db: Db, kind: PoliceDataKind, force: string, month: string): Promise<SnapshotRef | undefined> {
  return db
    .selectFrom('import_snapshot')
    .select(['id', 'kind', 'row_count', 'is_demo'])
    .where('kind', '=', kind)
    .where('force', '=', force)
    .where('month', '=', `${month}-01`)
    .executeTakeFirst();
}

const dataTable: Record<PoliceDataKind, 'incident' | 'stop_search' | 'crime_outcome'> = {
  street: 'incident',
  'stop-and-search': 'stop_search',
  outcomes: 'crime_outcome',
};

/** What makes two rows "the same row" across republished downloads of a month. */
const rowIdentity: Record<PoliceDataKind, string> = {
  street: "coalesce(crime_id, concat_ws('|', longitude, latitude, location, lsoa_code, category))",
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

const tablesOf: Record<PoliceDataKind, readonly ('incident' | 'incident_count' | 'incident_lsoa_count' | 'stop_search' | 'crime_outcome')[]> = {
  street: ['incident', 'incident_count', 'incident_lsoa_count'],
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

export async function demoSnapshots(db: Db): Promise<Pick<SnapshotRef, 'id' | 'kind'>[]> {
  return db.selectFrom('import_snapshot').select(['id', 'kind']).where('is_demo', '=', true).execute();
}

export async function hasDemoData(db: Db): Promise<boolean> {
  const r = await db.selectFrom('import_snapshot').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  return r !== undefined;
}

export async function insertSnapshot(
  db: Db,
  id: number,
  kind: PoliceDataKind,
  facts: { force: string; month: string; fallsWithin: string | null; rows: number; noLocationRows: number },
  fileName: string,
  by: string,
  isDemo: boolean,
): Promise<void> {
  await db
    .insertInto('import_snapshot')
    .values({
      id, kind, force: facts.force, month: `${facts.month}-01`, file_name: fileName, falls_within: facts.fallsWithin,
      row_count: facts.rows, no_location_rows: facts.noLocationRows, imported_by: by, is_demo: isDemo,
    })
    .execute();
}

export async function deleteSnapshotRecord(db: Db, id: number): Promise<void> {
  await db.deleteFrom('import_snapshot').where('id', '=', id).execute();
}

export async function countRows(db: Db): Promise<number> {
  const r = await db.selectFrom('import_snapshot').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('row_count'), sql<number>`0`).as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
