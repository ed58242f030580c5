import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import type { Caller } from './caller.js';
import { peoplePolicy } from './people.policy.js';
import { mergeSchema } from './people.schema.js';
import type { ShareableType } from './people.tables.js';
import { assertVisible, viewerOf } from './scope.js';
import { repointReferences } from './merge-references.js';
import { parseOrThrow } from '../../platform/validate.js';

export interface MergeResult {
  merged: number;
  into: number;
  alreadyMerged: boolean;
}

/** Locks both records and checks they can merge; says when `id` already went into `into` (a repeated request). */
async function prepare(trx: Db, caller: Caller, type: ShareableType, id: number, into: number): Promise<boolean> {
  if (id === into) throw new AppError('validation', 'into: a record cannot be merged into itself');
  const v = await viewerOf(trx, caller.principal);
  await assertVisible(trx, type, id, v);
  await assertVisible(trx, type, into, v);
  const rows = await sql<{ id: number; merged_into: number | null }>`
    select id, merged_into from ${sql.table(type)} where id in (${id}, ${into}) order by id for update`.execute(trx);
  const from = rows.rows.find((r) => Number(r.id) === id)!;
  const to = rows.rows.find((r) => Number(r.id) === into)!;
  if (from.merged_into !== null && Number(from.merged_into) === into) return true;
  if (from.merged_into !== null) throw new AppError('conflict', `${type} ${id} was already merged into ${from.merged_into}`);
  if (to.merged_into !== null) throw new AppError('conflict', `into: ${type} ${into} was itself merged into ${to.merged_into}; merge into that record`);
  return false;
}

async function audit(trx: Db, auditKey: Buffer, caller: Caller, type: ShareableType, id: number, into: number, moved: Record<string, number>) {
  await appendAudit(trx, auditKey, { actor: caller.actor, action: 'merge', recordType: type, recordId: String(id), details: { into, moved } });
  await appendAudit(trx, auditKey, { actor: caller.actor, action: 'merge', recordType: type, recordId: String(into), details: { mergedFrom: id } });
}

const count = (r: { numUpdatedRows?: bigint; numInsertedOrUpdatedRows?: bigint }[]) => Number(r.reduce((s, x) => s + (x.numUpdatedRows ?? x.numInsertedOrUpdatedRows ?? 0n), 0n));

/**
 * Merges person `id` into `into` in one transaction: the merged name becomes an alias of the
 * survivor, and aliases, addresses, links, occurrences and vehicles move across (a date of birth
 * fills the survivor's when it has none), and other modules' references (plans) follow. The merged
 * record stays as a tombstone pointing at the survivor; both ids are audited. Repeating a finished merge answers the same result.
 */
export async function mergePeople(db: Db, auditKey: Buffer, caller: Caller, id: number, input: unknown): Promise<MergeResult> {
  authorize(peoplePolicy, 'people.merge', caller.principal);
  const { into } = parseOrThrow(mergeSchema, input);
  return db.transaction().execute(async (trx) => {
    if (await prepare(trx, caller, 'person', id, into)) return { merged: id, into, alreadyMerged: true };
    const from = await trx.selectFrom('person').select(['given_name', 'family_name', 'date_of_birth']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx.insertInto('person_alias').values({ person_id: into, given_name: from.given_name, family_name: from.family_name, source: 'merged' }).execute();
    const aliases = count(await trx.updateTable('person_alias').set({ person_id: into }).where('person_id', '=', id).execute());
    const addresses = count(await trx.updateTable('person_address').set({ person_id: into }).where('person_id', '=', id).execute());
    const occurrences = count(await trx.updateTable('person_occurrence').set({ person_id: into }).where('person_id', '=', id).execute());
    const links = (await sql`insert into person_link (person_id, record_type, record_id, role, district, created_by, created_at)
      select ${into}, record_type, record_id, role, district, created_by, created_at from person_link where person_id = ${id}
      on conflict (person_id, record_type, record_id, role) do nothing`.execute(trx)).numAffectedRows ?? 0n;
    await trx.deleteFrom('person_link').where('person_id', '=', id).execute();
    const vehicles = (await sql`insert into vehicle_person (vehicle_id, person_id, relation, created_at)
      select vehicle_id, ${into}, relation, created_at from vehicle_person where person_id = ${id}
      on conflict (vehicle_id, person_id) do nothing`.execute(trx)).numAffectedRows ?? 0n;
    await trx.deleteFrom('vehicle_person').where('person_id', '=', id).execute();
    if (from.date_of_birth) await trx.updateTable('person').set({ date_of_birth: from.date_of_birth }).where('id', '=', into).where('date_of_birth', 'is', null).execute();
    await trx.updateTable('person').set({ updated_at: new Date() }).where('id', '=', into).execute();
    const references = await repointReferences(trx, 'person', id, into);
    await trx.updateTable('person').set({ merged_into: into, merged_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await audit(trx, auditKey, caller, 'person', id, into, { aliases: aliases + 1, addresses, occurrences, links: Number(links), vehicles: Number(vehicles), ...references });
    return { merged: id, into, alreadyMerged: false };
  });
}

/** Merges place `id` into `into`: whatever refers to it (occurrences, problems) moves across; the merged place stays as a tombstone. */
export async function mergePlaces(db: Db, auditKey: Buffer, caller: Caller, id: number, input: unknown): Promise<MergeResult> {
  authorize(peoplePolicy, 'people.merge', caller.principal);
  const { into } = parseOrThrow(mergeSchema, input);
  return db.transaction().execute(async (trx) => {
    if (await prepare(trx, caller, 'place', id, into)) return { merged: id, into, alreadyMerged: true };
    const references = await repointReferences(trx, 'place', id, into); // occurrences, problems, ...
    await trx.updateTable('place').set({ updated_at: new Date() }).where('id', '=', into).execute();
    await trx.updateTable('place').set({ merged_into: into, merged_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await audit(trx, auditKey, caller, 'place', id, into, references);
    return { merged: id, into, alreadyMerged: false };
  });
}

/** The record a (possibly merged) person or place id now lives in: follows tombstones to the survivor. */
export async function survivorOf(db: Db, type: ShareableType, id: number): Promise<number | null> {
  let current = id;
  for (let hops = 0; hops < 50; hops++) {
    const r = (await sql<{ merged_into: number | null }>`select merged_into from ${sql.table(type)} where id = ${current}`.execute(db)).rows[0];
    if (!r) return null;
    if (r.merged_into === null) return current;
    current = Number(r.merged_into);
  }
  throw new AppError('internal', `${type} ${id}: merge chain too long`);
}

/** A person record and the records merged into it (their ids), for exports about the person. */
export async function recordIdsOfPerson(db: Db, personId: number): Promise<number[]> {
  const merged = await db.selectFrom('person').select('id').where('merged_into', '=', personId).orderBy('id').execute();
  return [personId, ...merged.map((m) => Number(m.id))];
}
