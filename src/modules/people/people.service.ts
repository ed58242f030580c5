import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import { homeAgencyId } from '../partners/index.js';
import { DuplicatesFound, type Caller, type DuplicateCandidate } from './caller.js';
import { personCandidates } from './duplicates.js';
import { assertOwnDistrict, checkDistrict, locate, type Located } from './location.js';
import { ageAt, containing, isChildAt, today } from './person-facts.js';
import { peoplePolicy } from './people.policy.js';
import * as repo from './people.repository.js';
import { asOfSchema, breakGlassSchema, duplicateCheckSchema, newPersonSchema, personPatchSchema, searchQuerySchema } from './people.schema.js';
import { sharingOf } from './sharing.service.js';
import { assertVisible, districtFilter, isVisible, personDistricts, visibleCondition, viewerOf } from './scope.js';
import { parseOrThrow } from '../../platform/validate.js';

/** Age and the child flag are computed at `asOf` (default today) on every read, never stored. */
function facts(dob: string | null, asOf: string) {
  return { dateOfBirth: dob, age: ageAt(dob, asOf), isChild: isChildAt(dob, asOf) };
}

/** POST /api/people/duplicates: likely duplicates the caller may see (audited as a search). */
export async function checkPersonDuplicates(db: Db, auditKey: Buffer, caller: Caller, input: unknown): Promise<DuplicateCandidate[]> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const n = parseOrThrow(duplicateCheckSchema, input);
  return db.transaction().execute(async (trx) => {
    const found = await personCandidates(trx, await viewerOf(trx, caller.principal), n);
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'search', recordType: 'person', details: { kind: 'duplicate-check', results: found.length }, personIds: found.map((c) => c.id) });
    return found;
  });
}

/**
 * Creates a person with aliases and addresses. Answers 409 with the likely duplicates unless the
 * request says it has seen them (`confirmNew`). The recorded district defaults to the first
 * address's; officers and supervisors record only within their districts.
 */
export async function createPerson(db: Db, auditKey: Buffer, caller: Caller, input: unknown): Promise<{ id: number }> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const p = parseOrThrow(newPersonSchema, input);
  const located: Located[] = [];
  for (const [i, a] of p.addresses.entries()) {
    const at = await locate(db, a, `addresses.${i}`);
    assertOwnDistrict(caller.principal, at.district, `addresses.${i}.district`);
    located.push(at);
  }
  const district = p.district ? await checkDistrict(db, p.district, 'district') : located[0]?.district;
  if (!district) throw new AppError('validation', 'district: choose the district the person is recorded in (or give an address)');
  assertOwnDistrict(caller.principal, district, 'district');
  const created = await db.transaction().execute(async (trx): Promise<{ id: number } | { duplicates: DuplicateCandidate[] }> => {
    if (!p.confirmNew) {
      const found = await personCandidates(trx, await viewerOf(trx, caller.principal), p);
      if (found.length) {
        // The 409 shows the candidates' names and dates of birth: a disclosure, audited (and committed) before it is answered.
        await appendAudit(trx, auditKey, {
          actor: caller.actor, action: 'search', recordType: 'person',
          details: { kind: 'duplicate-check', on: 'create', results: found.length }, personIds: found.map((c) => c.id),
        });
        return { duplicates: found };
      }
    }
    const row = await trx
      .insertInto('person')
      .values({
        given_name: p.givenName, family_name: p.familyName, date_of_birth: p.dateOfBirth ?? null, recorded_district: district,
        owning_agency_id: await homeAgencyId(trx), consent_recorded_at: null, consent_recorded_by: null, lawful_basis: null,
        merged_into: null, merged_at: null, created_by: caller.actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    for (const a of p.aliases) await repo.insertAlias(trx, id, a);
    for (const [i, a] of p.addresses.entries()) await repo.insertAddress(trx, id, a, located[i]!);
    await appendAudit(trx, auditKey, {
      actor: caller.actor, action: 'create', recordType: 'person', recordId: String(id),
      details: { aliases: p.aliases.length, addresses: p.addresses.length, confirmedNew: p.confirmNew },
    });
    return { id };
  });
  if ('duplicates' in created) throw new DuplicatesFound('person', created.duplicates);
  return created;
}

/** Everything held on a person that the viewer may see; a merged record says where it went. Audited as a view. */
export async function getPerson(db: Db, auditKey: Buffer, caller: Caller, id: number, asOf = today()) {
  authorize(peoplePolicy, 'people.read', caller.principal);
  parseOrThrow(asOfSchema, { asOf });
  // The reads run outside a transaction (each statement sees committed data, as it would inside
  // one at read committed); the view is audited in a short transaction of its own before the record
  // is answered (personRecord). On the embedded database a transaction holds its one connection
  // from begin to commit, so a long one would make every other request wait (issue 11).
  const v = await viewerOf(db, caller.principal);
  await assertVisible(db, 'person', id, v);
  return personRecord(db, auditKey, caller, id, asOf, districtFilter(v), null);
}

/**
 * Break-glass: an officer or supervisor reads a person outside their districts (e.g. someone
 * arrested in their area who lives elsewhere), giving the reason. The whole record is shown and
 * the view is audited with the reason and `breakGlass: true`, so auditors and supervisors can
 * review every use. A person that does not exist still answers 404.
 */
export async function breakGlassPerson(db: Db, auditKey: Buffer, caller: Caller, id: number, input: unknown) {
  authorize(peoplePolicy, 'people.break_glass', caller.principal);
  const { reason } = parseOrThrow(breakGlassSchema, input);
  return db.transaction().execute(async (trx) => {
    if (!(await repo.findPerson(trx, id))) throw new AppError('not_found', `No person ${id}`);
    const inScope = await isVisible(trx, 'person', id, await viewerOf(trx, caller.principal));
    return personRecord(trx, auditKey, caller, id, today(), null, { reason, inScope });
  });
}

async function personRecord(trx: Db, auditKey: Buffer, caller: Caller, id: number, asOf: string, filter: string[] | null, breakGlass: { reason: string; inScope: boolean } | null) {
  const p = (await repo.findPerson(trx, id))!;
  const details = { ...(p.merged_into ? { tombstone: true } : {}), ...(breakGlass ? { breakGlass: true, inScope: breakGlass.inScope } : {}) };
  const view = p.merged_into !== null ? { id, mergedInto: Number(p.merged_into), mergedAt: p.merged_at } : await personView(trx, caller, id, asOf, filter, p);
  // The view is audited after the reads (in the caller's transaction, or in one of its own): the
  // audit append holds the log's lock until the commit, so other audited requests wait only for
  // the append, not for these reads. Nothing is answered unless the entry is committed.
  const event = {
    actor: caller.actor, action: 'view', recordType: 'person', recordId: String(id),
    reason: breakGlass?.reason ?? null, details: Object.keys(details).length ? details : null,
  };
  if (trx.isTransaction) await appendAudit(trx, auditKey, event);
  else await trx.transaction().execute((t) => appendAudit(t, auditKey, event));
  return view;
}

async function personView(trx: Db, caller: Caller, id: number, asOf: string, filter: string[] | null, p: NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>) {
  const partner = caller.principal.role === 'partner';
  const d = await repo.personDetails(trx, id, filter);
  return {
    id, givenName: p.given_name, familyName: p.family_name, ...facts(p.date_of_birth, asOf), asOf,
    recordedDistrict: p.recorded_district, districts: await personDistricts(trx, id), mergedInto: null,
    aliases: d.aliases.map((a) => ({ id: Number(a.id), givenName: a.given_name, familyName: a.family_name, source: a.source })),
    addresses: d.addresses.map((a) => ({ id: Number(a.id), address: a.address, postcode: a.postcode, lon: a.lon, lat: a.lat, lsoaCode: a.lsoa_code, district: a.district })),
    // Partners see the shared person, not the police records the person is linked to.
    links: partner ? [] : d.links.map((l) => ({ id: Number(l.id), recordType: l.record_type, recordId: l.record_id, role: l.role, district: l.district })),
    occurrences: partner ? [] : d.occurrences.map((o) => ({ id: Number(o.id), role: o.role, category: o.category, occurredOn: o.occurred_on, district: o.district, placeId: o.place_id === null ? null : Number(o.place_id), sourceRef: o.source_ref })),
    vehicles: partner ? [] : d.vehicles.map((x) => ({ id: Number(x.id), vrm: x.vrm, make: x.make, model: x.model, colour: x.colour, relation: x.relation })),
    sharing: await sharingOf(trx, 'person', id),
    createdAt: p.created_at, updatedAt: p.updated_at,
  };
}

/** Searches names and aliases (and exact dates of birth) within scope; audited with the result count. */
export async function searchPeople(db: Db, auditKey: Buffer, caller: Caller, query: unknown, asOf = today()) {
  authorize(peoplePolicy, 'people.read', caller.principal);
  const q = parseOrThrow(searchQuerySchema, query);
  return db.transaction().execute(async (trx) => {
    const v = await viewerOf(trx, caller.principal);
    const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const wordConds = words.map((w) =>
      /^\d{4}-\d{2}-\d{2}$/.test(w)
        ? sql<boolean>`p.date_of_birth::text = ${w}`
        : sql<boolean>`(lower(p.given_name || ' ' || p.family_name) like ${containing(w)} or exists (select 1 from person_alias a where a.person_id = p.id and lower(a.given_name || ' ' || a.family_name) like ${containing(w)}))`,
    );
    const districtCond = q.district
      ? sql<boolean>`(lower(p.recorded_district) = ${q.district.toLowerCase()} or exists (select 1 from person_address a where a.person_id = p.id and lower(a.district) = ${q.district.toLowerCase()}))`
      : sql<boolean>`true`;
    const rows = await sql<{ id: number; given_name: string; family_name: string; date_of_birth: string | null; recorded_district: string }>`
      select p.id, p.given_name, p.family_name, p.date_of_birth, p.recorded_district from person p
      where p.merged_into is null and ${visibleCondition('person', v)} and ${districtCond} ${sql.join(wordConds.map((c) => sql`and ${c}`), sql` `)}
      order by lower(p.family_name), lower(p.given_name), p.id limit ${q.limit}`.execute(trx);
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'search', recordType: 'person', details: { results: rows.rows.length, filtered: words.length > 0 || !!q.district }, personIds: rows.rows.map((r) => Number(r.id)) });
    return rows.rows.map((r) => ({ id: Number(r.id), givenName: r.given_name, familyName: r.family_name, ...facts(r.date_of_birth, asOf), recordedDistrict: r.recorded_district }));
  });
}

/** Corrects name or date of birth (the old name is kept as an alias when the name changes). */
export async function updatePerson(db: Db, auditKey: Buffer, caller: Caller, id: number, input: unknown): Promise<void> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const p = parseOrThrow(personPatchSchema, input);
  await db.transaction().execute(async (trx) => {
    await assertVisible(trx, 'person', id, await viewerOf(trx, caller.principal));
    const before = (await repo.findPerson(trx, id))!;
    if (before.merged_into !== null) throw new AppError('conflict', `person ${id} was merged into ${before.merged_into}; change the surviving record`);
    const renamed = (p.givenName && p.givenName !== before.given_name) || (p.familyName && p.familyName !== before.family_name);
    if (renamed) await repo.insertAlias(trx, id, { givenName: before.given_name, familyName: before.family_name });
    await trx
      .updateTable('person')
      .set({
        ...(p.givenName ? { given_name: p.givenName } : {}), ...(p.familyName ? { family_name: p.familyName } : {}),
        ...(p.dateOfBirth !== undefined ? { date_of_birth: p.dateOfBirth } : {}), updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'update', recordType: 'person', recordId: String(id), details: { fields: Object.keys(p), oldNameKeptAsAlias: !!renamed } });
  });
}
