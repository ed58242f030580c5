import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import { homeAgencyId } from '../partners/index.js';
import { DuplicatesFound, type Caller, type DuplicateCandidate } from './caller.js';
import { placeCandidates } from './duplicates.js';
import { assertOwnDistrict, locate } from './location.js';
import { containing } from './person-facts.js';
import { peoplePolicy } from './people.policy.js';
import { newPlaceSchema, placeCheckSchema, searchQuerySchema } from './people.schema.js';
import { sharingOf } from './sharing.service.js';
import { assertVisible, visibleCondition, viewerOf } from './scope.js';
import { parseOrThrow } from '../../platform/validate.js';

const placeColumns = ['id', 'name', 'address', 'postcode', 'lon', 'lat', 'lsoa_code', 'district', 'premises_type', 'merged_into', 'merged_at', 'created_at', 'updated_at'] as const;

type PlaceRow = { id: number; name: string | null; address: string | null; postcode: string | null; lon: number | null; lat: number | null; lsoa_code: string | null; district: string; premises_type: string };
const summary = (r: PlaceRow) => ({
  id: Number(r.id), name: r.name, address: r.address, postcode: r.postcode, lon: r.lon, lat: r.lat, lsoaCode: r.lsoa_code, district: r.district, premisesType: r.premises_type,
});

const keyOf = (p: { address?: string | undefined; postcode?: string | undefined; lon?: number | undefined; lat?: number | undefined }) => ({
  address: p.address ?? null, postcode: p.postcode ?? null, lon: p.lon ?? null, lat: p.lat ?? null,
});

/** POST /api/places/duplicates: places within 25 m or at the same address, among those the caller may see. */
export async function checkPlaceDuplicates(db: Db, auditKey: Buffer, caller: Caller, input: unknown): Promise<DuplicateCandidate[]> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const k = parseOrThrow(placeCheckSchema, input);
  if (k.address === undefined && k.lon === undefined) throw new AppError('validation', 'address: give an address or a point (lon/lat)');
  return db.transaction().execute(async (trx) => {
    const found = await placeCandidates(trx, await viewerOf(trx, caller.principal), keyOf(k));
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'search', recordType: 'place', details: { kind: 'duplicate-check', results: found.length } });
    return found;
  });
}

/** Creates a place; LSOA and district come from the point when given. 409 with candidates unless `confirmNew`. */
export async function createPlace(db: Db, auditKey: Buffer, caller: Caller, input: unknown): Promise<{ id: number; district: string; lsoaCode: string | null }> {
  authorize(peoplePolicy, 'people.write', caller.principal);
  const p = parseOrThrow(newPlaceSchema, input);
  const at = await locate(db, p, 'place');
  assertOwnDistrict(caller.principal, at.district, 'district');
  return db.transaction().execute(async (trx) => {
    if (!p.confirmNew) {
      const found = await placeCandidates(trx, await viewerOf(trx, caller.principal), keyOf(p));
      if (found.length) throw new DuplicatesFound('place', found);
    }
    const row = await trx
      .insertInto('place')
      .values({
        name: p.name ?? null, address: p.address ?? null, postcode: p.postcode ?? null, lon: p.lon ?? null, lat: p.lat ?? null, lsoa_code: at.lsoaCode,
        district: at.district, premises_type: p.premisesType, owning_agency_id: await homeAgencyId(trx), consent_recorded_at: null,
        consent_recorded_by: null, lawful_basis: null, merged_into: null, merged_at: null, created_by: caller.actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'create', recordType: 'place', recordId: String(id), details: { district: at.district, premisesType: p.premisesType } });
    return { id, ...at };
  });
}

/** A place with its occurrences and people linked through them (within scope); a merged place says where it went. */
export async function getPlace(db: Db, auditKey: Buffer, caller: Caller, id: number) {
  authorize(peoplePolicy, 'people.read', caller.principal);
  return db.transaction().execute(async (trx) => {
    const v = await viewerOf(trx, caller.principal);
    await assertVisible(trx, 'place', id, v);
    const p = (await trx.selectFrom('place').select(placeColumns).where('id', '=', id).executeTakeFirst())!;
    if (p.merged_into !== null) {
      await appendAudit(trx, auditKey, { actor: caller.actor, action: 'view', recordType: 'place', recordId: String(id), details: { tombstone: true } });
      return { id, mergedInto: Number(p.merged_into), mergedAt: p.merged_at };
    }
    const occurrences = caller.principal.role === 'partner' ? [] : (
      await sql<{ id: number; person_id: number; role: string; category: string; occurred_on: string; given_name: string; family_name: string }>`
        select o.id, o.person_id, o.role, o.category, o.occurred_on, p.given_name, p.family_name
        from person_occurrence o join person p on p.id = o.person_id
        where o.place_id = ${id} and ${visibleCondition('person', v)} order by o.occurred_on desc`.execute(trx)
    ).rows.map((o) => ({ id: Number(o.id), personId: Number(o.person_id), personName: `${o.given_name} ${o.family_name}`, role: o.role, category: o.category, occurredOn: o.occurred_on }));
    // The occurrences name people: the view is findable by each of them.
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'view', recordType: 'place', recordId: String(id), personIds: occurrences.map((o) => o.personId) });
    return { ...summary(p), mergedInto: null, occurrences, sharing: await sharingOf(trx, 'place', id), createdAt: p.created_at, updatedAt: p.updated_at };
  });
}

/** Searches places by name, address or postcode within scope (audited with the result count). */
export async function searchPlaces(db: Db, auditKey: Buffer, caller: Caller, query: unknown) {
  authorize(peoplePolicy, 'people.read', caller.principal);
  const q = parseOrThrow(searchQuerySchema, query);
  return db.transaction().execute(async (trx) => {
    const v = await viewerOf(trx, caller.principal);
    const w = (q.q ?? '').toLowerCase();
    const text = w ? sql<boolean>`lower(coalesce(p.name, '') || ' ' || coalesce(p.address, '') || ' ' || coalesce(p.postcode, '')) like ${containing(w)}` : sql<boolean>`true`;
    const district = q.district ? sql<boolean>`lower(p.district) = ${q.district.toLowerCase()}` : sql<boolean>`true`;
    const rows = await sql<PlaceRow>`select p.id, p.name, p.address, p.postcode, p.lon, p.lat, p.lsoa_code, p.district, p.premises_type from place p
      where p.merged_into is null and ${visibleCondition('place', v)} and ${text} and ${district} order by p.id desc limit ${q.limit}`.execute(trx);
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'search', recordType: 'place', details: { results: rows.rows.length, filtered: !!w || !!q.district } });
    return rows.rows.map(summary);
  });
}

/** For other modules: a place by id when the principal may see it (following merges), else undefined. */
export async function findPlace(db: Db, caller: Caller, id: number) {
  const v = await viewerOf(db, caller.principal);
  const r = (await sql<PlaceRow & { merged_into: number | null }>`select p.* from place p where p.id = ${id} and ${visibleCondition('place', v)}`.execute(db)).rows[0];
  return r ? { ...summary(r), mergedInto: r.merged_into === null ? null : Number(r.merged_into) } : undefined;
}
