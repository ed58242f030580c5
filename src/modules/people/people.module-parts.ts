/**
 * The people module's parts of the cross-module work the registry drives: records under
 * retention, its section of a person's subject access export, and demo removal.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { aboutPeople, auditRowsWhere } from '../../platform/audit/audit.js';
import { deleteDemoRows } from '../../platform/demo/removal.js';
import type { TxContext } from '../../platform/module/context.js';
import type { RetentionSubject } from '../../platform/module/module.js';

/** People records (migration 0005): the clock starts at the last change; reviewed, never deleted automatically. */
export const peopleRetention: readonly RetentionSubject[] = [
  { recordType: 'person', table: 'person', id: sql`id::text`, clockStart: sql`updated_at`, deletable: false },
  { recordType: 'place', table: 'place', id: sql`id::text`, clockStart: sql`updated_at`, deletable: false },
  { recordType: 'vehicle', table: 'vehicle', id: sql`id::text`, clockStart: sql`updated_at`, deletable: false },
  { recordType: 'person_occurrence', table: 'person_occurrence', id: sql`id::text`, clockStart: sql`occurred_on::timestamptz`, deletable: false },
];

const textIds = (ids: readonly (number | string)[]) => sql.join(ids.length ? ids.map(String) : ['']);

/**
 * A person record's part of its subject access export: the person, records merged into it,
 * aliases, addresses, links to other records, occurrences, vehicles, sharing (agencies and
 * history) and the audit rows about all these. The export checked the person exists and is not
 * merged away.
 */
export async function peopleSubjectAccess(t: TxContext, personId: number): Promise<Record<string, unknown> | null> {
  const trx = t.db;
  const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) return null;
  const merged = await trx.selectFrom('person').selectAll().where('merged_into', '=', personId).execute();
  const ids = [personId, ...merged.map((m) => Number(m.id))];
  const aliases = await trx.selectFrom('person_alias').selectAll().where('person_id', '=', personId).orderBy('id').execute();
  const addresses = await trx.selectFrom('person_address').selectAll().where('person_id', '=', personId).orderBy('id').execute();
  const links = await trx.selectFrom('person_link').selectAll().where('person_id', '=', personId).orderBy('id').execute();
  const occurrences = await trx.selectFrom('person_occurrence').selectAll().where('person_id', '=', personId).orderBy('id').execute();
  const vehicles = await trx
    .selectFrom('vehicle_person as vp')
    .innerJoin('vehicle as v', 'v.id', 'vp.vehicle_id')
    .select(['v.id', 'v.vrm', 'v.make', 'v.model', 'v.colour', 'v.district', 'vp.relation', 'vp.created_at'])
    .where('vp.person_id', '=', personId)
    .execute();
  const shares = await trx.selectFrom('record_share').selectAll().where('record_type', '=', 'person').where('record_id', 'in', ids).execute();
  const sharingHistory = await trx.selectFrom('sharing_event').selectAll().where('record_type', '=', 'person').where('record_id', 'in', ids).orderBy('id').execute();
  const auditEntries = await auditRowsWhere(trx, sql<boolean>`${aboutPeople(ids)}
    or (record_type = 'person_occurrence' and record_id in (${textIds(occurrences.map((o) => o.id))}))
    or (record_type = 'vehicle' and record_id in (${textIds(vehicles.map((v) => v.id))}) and details->>'personId' = ${String(personId)})`);
  return { person, mergedRecords: merged, aliases, addresses, links, occurrences, vehicles, shares, sharingHistory, auditEntries };
}

/** Deletes the links from people to records of another module (they name the record by type and id, no key). */
export async function deleteLinksTo(db: Db, recordType: string, recordIds: readonly string[]): Promise<void> {
  if (!recordIds.length) return;
  await db.deleteFrom('person_link').where('record_type', '=', recordType).where('record_id', 'in', recordIds).execute();
}

/** Removes the demo places and people, with the shares and sharing history that name them. */
export async function removeDemoPeople(t: TxContext): Promise<void> {
  for (const table of ['place', 'person'] as const) {
    const ids = (await deleteDemoRows(t.db, table)).map(Number);
    if (!ids.length) continue;
    await t.db.deleteFrom('record_share').where('record_type', '=', table).where('record_id', 'in', ids).execute();
    await t.db.deleteFrom('sharing_event').where('record_type', '=', table).where('record_id', 'in', ids).execute();
  }
}
