/** SQL of the records module's imports: coverage, replacement, person keys. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { copyInto } from '../../platform/db/kysely-driver.js';
import { addDays } from '../../platform/time/london.js';
import type { RecordKind } from './records.mapping.js';

/** The table and its coverage date column, per kind (crimes and incidents: recorded date; outcomes: outcome date). */
export const KIND_TABLE = {
  crimes: { table: 'records_crime', date: 'recorded_on' },
  incidents: { table: 'records_incident', date: 'recorded_on' },
  outcomes: { table: 'records_outcome', date: 'outcome_on' },
} as const satisfies Record<RecordKind, { table: string; date: string }>;

export async function nextImportId(db: Db): Promise<number> {
  const r = await sql<{ id: number }>`select nextval('records_import_id_seq')::int8 as id`.execute(db);
  return Number(r.rows[0]!.id);
}

/** Serialises imports of one kind until the transaction ends. */
export async function lockKind(db: Db, kind: RecordKind): Promise<void> {
  await sql`select pg_advisory_xact_lock(7245013, hashtext(${kind}))`.execute(db);
}

/** Fingerprints of the records keys real imports were made with. */
export async function keyFingerprints(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('records_import').select('key_fingerprint').distinct()
    .where('is_demo', '=', false).where('key_fingerprint', 'is not', null).execute();
  return rows.map((r) => r.key_fingerprint!);
}

/** Rows of a kind held for the dates [from, to], split into real and demo rows. */
export async function rowsCovered(db: Db, kind: RecordKind, from: string, to: string): Promise<{ real: number; demo: number }> {
  const { table, date } = KIND_TABLE[kind];
  const r = await sql<{ real: number; demo: number }>`
    select count(*) filter (where not i.is_demo)::int8 as real, count(*) filter (where i.is_demo)::int8 as demo
    from ${sql.table(table)} r join records_import i on i.id = r.import_id
    where r.${sql.ref(date)} between ${from}::date and ${to}::date`.execute(db);
  return { real: Number(r.rows[0]?.real ?? 0), demo: Number(r.rows[0]?.demo ?? 0) };
}

/** The person keys the rows of some imports hold (a subquery with one column, k). */
function keysOfImports(ids: readonly number[]) {
  const inIds = sql`import_id in (${sql.join([...ids])})`;
  return sql`select victim_key as k from records_crime where ${inIds} and victim_key is not null
    union select unnest(suspect_keys || offender_keys) from records_crime where ${inIds}
    union select unnest(person_keys) from records_incident where ${inIds}
    union select person_key from records_outcome where ${inIds} and person_key is not null`;
}

/**
 * Removes every demo import (all kinds: rows, coverage and records), and the person keys only
 * they held (with any demo links). Returns the rows removed.
 */
export async function deleteDemoImports(db: Db): Promise<number> {
  const ids = (await db.selectFrom('records_import').select('id').where('is_demo', '=', true).execute()).map((r) => r.id);
  if (!ids.length) return 0;
  const real = (await db.selectFrom('records_import').select('id').where('is_demo', '=', false).execute()).map((r) => r.id);
  await sql`delete from records_person_key where person_key in (
    select k from (${keysOfImports(ids)}) d ${real.length ? sql`where k not in (select k from (${keysOfImports(real)}) r where k is not null)` : sql``})`.execute(db);
  let removed = 0;
  for (const table of ['records_crime', 'records_incident', 'records_outcome']) {
    const r = await sql`delete from ${sql.table(table)} where import_id in (${sql.join(ids)})`.execute(db);
    removed += Number(r.numAffectedRows ?? 0);
  }
  await db.deleteFrom('records_import').where('id', 'in', ids).execute();
  return removed;
}

/** Deletes the rows of a kind dated [from, to] that earlier imports hold. */
export async function deleteCoveredRows(db: Db, kind: RecordKind, from: string, to: string, keepImport: number): Promise<number> {
  const { table, date } = KIND_TABLE[kind];
  const r = await sql`delete from ${sql.table(table)} where ${sql.ref(date)} between ${from}::date and ${to}::date and import_id <> ${keepImport}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Takes [from, to] out of the coverage of earlier imports of a kind: a piece inside it goes, a
 * piece overlapping one end is trimmed, a piece around it is split in two. Returns the ids of the
 * imports whose coverage changed.
 */
export async function subtractCoverage(db: Db, kind: RecordKind, from: string, to: string): Promise<number[]> {
  const pieces = await db.selectFrom('records_coverage').selectAll()
    .where('kind', '=', kind).where('covered_from', '<=', to).where('covered_to', '>=', from).execute();
  for (const p of pieces) {
    const left = p.covered_from < from ? { from: p.covered_from, to: addDays(from, -1) } : null;
    const right = p.covered_to > to ? { from: addDays(to, 1), to: p.covered_to } : null;
    if (!left && !right) {
      await db.deleteFrom('records_coverage').where('id', '=', p.id).execute();
      continue;
    }
    const keep = left ?? right!;
    await db.updateTable('records_coverage').set({ covered_from: keep.from, covered_to: keep.to }).where('id', '=', p.id).execute();
    if (left && right) await db.insertInto('records_coverage').values({ import_id: p.import_id, kind, covered_from: right.from, covered_to: right.to }).execute();
  }
  return [...new Set(pieces.map((p) => p.import_id))];
}

/** Adds the person keys of an import (collected while its rows were converted) not seen before; returns how many were new. */
export async function addPersonKeys(db: Db, keys: ReadonlySet<string>): Promise<number> {
  if (keys.size === 0) return 0;
  await sql`create temp table records_key_in (k text not null)`.execute(db);
  const chunks = function* () {
    let part: string[] = [];
    for (const k of keys) {
      part.push(k);
      if (part.length >= 16_384) {
        yield `${part.join('\n')}\n`;
        part = [];
      }
    }
    if (part.length) yield `${part.join('\n')}\n`;
  };
  await copyInto(db, { table: 'records_key_in', columns: ['k'], chunks: chunks(), format: 'text' });
  const r = await sql`insert into records_person_key (person_key) select k from records_key_in on conflict (person_key) do nothing`.execute(db);
  await sql`drop table records_key_in`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
