import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import type { Caller } from './caller.js';
import { assertOwnDistrict, checkDistrict, locate } from './location.js';
import { peoplePolicy } from './people.policy.js';
import * as repo from './people.repository.js';
import { addressSchema, linkSchema, nameSchema, occurrenceSchema, type LinkInput } from './people.schema.js';
import { assertVisible, isVisible, viewerOf } from './scope.js';
import { parseOrThrow } from '../../platform/validate.js';

async function livePerson(trx: Db, caller: Caller, id: number) {
  await assertVisible(trx, 'person', id, await viewerOf(trx, caller.principal));
  const p = (await repo.findPerson(trx, id))!;
  if (p.merged_into !== null) throw new AppError('conflict', `person ${id} was merged into ${p.merged_into}; change the surviving record`);
  return p;
}

export async function addAlias(db: Db, auditKey: Buffer, caller: Caller, personId: number, input: unknown): Promise<void> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const n = parseOrThrow(nameSchema, input);
  await db.transaction().execute(async (trx) => {
    await livePerson(trx, caller, personId);
    await repo.insertAlias(trx, personId, n);
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'update', recordType: 'person', recordId: String(personId), details: { added: 'alias' } });
  });
}

/** Adds an address; its LSOA and district come from the point when one is given. */
export async function addAddress(db: Db, auditKey: Buffer, caller: Caller, personId: number, input: unknown): Promise<{ id: number; district: string; lsoaCode: string | null }> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const a = parseOrThrow(addressSchema, input);
  const at = await locate(db, a, 'address');
  assertOwnDistrict(caller.principal, at.district, 'district');
  return db.transaction().execute(async (trx) => {
    await livePerson(trx, caller, personId);
    const id = await repo.insertAddress(trx, personId, a, at);
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'update', recordType: 'person', recordId: String(personId), details: { added: 'address', located: at.lsoaCode !== null } });
    return { id, ...at };
  });
}

/**
 * For other modules: links a person to one of their records ('problem', 'plan', ...) with a
 * role, inside the caller's transaction, and audits it ('link'). Linking again is a no-op. The
 * link's district makes the person visible to that district's officers. Scope and role checks
 * are the calling module's (it owns the record); the person must exist and not be merged.
 */
export async function linkPerson(trx: Db, auditKey: Buffer, actor: string, input: LinkInput & { personId: number }): Promise<void> {
  const l = parseOrThrow(linkSchema, input);
  const p = await repo.findPerson(trx, input.personId);
  if (!p) throw new AppError('validation', `personId: no person ${input.personId}`);
  if (p.merged_into !== null) throw new AppError('validation', `personId: person ${input.personId} was merged into ${p.merged_into}; link that record`);
  await trx
    .insertInto('person_link')
    .values({ person_id: input.personId, record_type: l.recordType, record_id: l.recordId, role: l.role, district: l.district, created_by: actor })
    .onConflict((oc) => oc.columns(['person_id', 'record_type', 'record_id', 'role']).doNothing())
    .execute();
  await appendAudit(trx, auditKey, { actor, action: 'link', recordType: 'person', recordId: String(input.personId), details: { recordType: l.recordType, recordId: l.recordId } });
}

/** For other modules: removes a person's link to a record (audited as 'unlink'). */
export async function unlinkPerson(trx: Db, auditKey: Buffer, actor: string, input: { personId: number; recordType: string; recordId: string }): Promise<void> {
  await trx.deleteFrom('person_link').where('person_id', '=', input.personId).where('record_type', '=', input.recordType).where('record_id', '=', input.recordId).execute();
  await appendAudit(trx, auditKey, { actor, action: 'unlink', recordType: 'person', recordId: String(input.personId), details: { recordType: input.recordType, recordId: input.recordId } });
}

/** The people linked to a record, with their roles (for other modules' pages; scope is the caller's). */
export async function peopleLinkedTo(db: Db, recordType: string, recordId: string) {
  const rows = await db
    .selectFrom('person_link as l')
    .innerJoin('person as p', 'p.id', 'l.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'l.role', 'l.district'])
    .where('l.record_type', '=', recordType)
    .where('l.record_id', '=', recordId)
    .orderBy('p.family_name')
    .execute();
  return rows.map((r) => ({ personId: Number(r.id), givenName: r.given_name, familyName: r.family_name, role: r.role, district: r.district }));
}

/** POST /api/people/{id}/links: a link made by hand (the person must be visible, the district the caller's). */
export async function addLink(db: Db, auditKey: Buffer, caller: Caller, personId: number, input: unknown): Promise<void> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const l = parseOrThrow(linkSchema, input);
  const district = await checkDistrict(db, l.district, 'district');
  assertOwnDistrict(caller.principal, district, 'district');
  await db.transaction().execute(async (trx) => {
    await livePerson(trx, caller, personId);
    await linkPerson(trx, auditKey, caller.actor, { ...l, district, personId });
  });
}

/** For other modules: records an occurrence (victim or offender) inside the caller's transaction, audited. */
export async function recordOccurrence(trx: Db, auditKey: Buffer, actor: string, personId: number, input: unknown): Promise<number> {
  const o = parseOrThrow(occurrenceSchema, input);
  if (o.placeId !== undefined && !(await trx.selectFrom('place').select('id').where('id', '=', o.placeId).executeTakeFirst())) {
    throw new AppError('validation', `placeId: no place ${o.placeId}`);
  }
  const r = await trx
    .insertInto('person_occurrence')
    .values({ person_id: personId, role: o.role, category: o.category, occurred_on: o.occurredOn, district: o.district, place_id: o.placeId ?? null, source_ref: o.sourceRef ?? null, created_by: actor })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, auditKey, { actor, action: 'create', recordType: 'person_occurrence', recordId: String(r.id), details: { personId } });
  return Number(r.id);
}

/** POST /api/people/{id}/occurrences. */
export async function addOccurrence(db: Db, auditKey: Buffer, caller: Caller, personId: number, input: unknown): Promise<{ id: number }> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const o = parseOrThrow(occurrenceSchema, input);
  const district = await checkDistrict(db, o.district, 'district');
  assertOwnDistrict(caller.principal, district, 'district');
  return db.transaction().execute(async (trx) => {
    await livePerson(trx, caller, personId);
    if (o.placeId !== undefined && !(await isVisible(trx, 'place', o.placeId, await viewerOf(trx, caller.principal)))) {
      throw new AppError('validation', `placeId: no place ${o.placeId} in your scope`);
    }
    return { id: await recordOccurrence(trx, auditKey, caller.actor, personId, { ...o, district }) };
  });
}
