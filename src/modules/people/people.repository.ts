import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { AddressInput } from './people.schema.js';
import type { Located } from './location.js';

export const personColumns = [
  'id', 'given_name', 'family_name', 'date_of_birth', 'recorded_district', 'owning_agency_id', 'sharing_status', 'consent_recorded_at',
  'consent_recorded_by', 'lawful_basis', 'merged_into', 'merged_at', 'created_by', 'created_at', 'updated_at',
] as const;

export async function findPerson(db: Db, id: number) {
  return db.selectFrom('person').select(personColumns).where('id', '=', id).executeTakeFirst();
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export async function insertAddress(trx: Db, personId: number, a: AddressInput, at: Located): Promise<number> {
  const r = await trx
    .insertInto('person_address')
    .values({ person_id: personId, address: a.address, postcode: a.postcode ?? null, lon: a.lon ?? null, lat: a.lat ?? null, lsoa_code: at.lsoaCode, district: at.district })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function insertAlias(trx: Db, personId: number, n: { givenName: string; familyName: string }, source: 'alias' | 'merged' = 'alias') {
  await trx.insertInto('person_alias').values({ person_id: personId, given_name: n.givenName, family_name: n.familyName, source }).execute();
}

/** The details of a person, optionally limited to some districts (lower case) for a scoped viewer. */
export async function personDetails(db: Db, id: number, districts: string[] | null) {
  const inScope = (col: string) => (districts ? sql<boolean>`lower(${sql.ref(col)}) in (${sql.join(districts)})` : sql<boolean>`true`);
  const aliases = await db.selectFrom('person_alias').select(['id', 'given_name', 'family_name', 'source']).where('person_id', '=', id).orderBy('id').execute();
  const addresses = await db
    .selectFrom('person_address')
    .select(['id', 'address', 'postcode', 'lon', 'lat', 'lsoa_code', 'district', 'created_at'])
    .where('person_id', '=', id)
    .where(inScope('district'))
    .orderBy('id')
    .execute();
  const links = await db
    .selectFrom('person_link')
    .select(['id', 'record_type', 'record_id', 'role', 'district', 'created_at'])
    .where('person_id', '=', id)
    .where(inScope('district'))
    .orderBy('id')
    .execute();
  const occurrences = await db
    .selectFrom('person_occurrence')
    .select(['id', 'role', 'category', 'occurred_on', 'district', 'place_id', 'source_ref'])
    .where('person_id', '=', id)
    .where(inScope('district'))
    .orderBy('occurred_on', 'desc')
    .execute();
  const vehicles = await db
    .selectFrom('vehicle_person as vp')
    .innerJoin('vehicle as v', 'v.id', 'vp.vehicle_id')
    .select(['v.id', 'v.vrm', 'v.make', 'v.model', 'v.colour', 'vp.relation', 'v.district'])
    .where('vp.person_id', '=', id)
    .where(inScope('v.district'))
    .orderBy('v.vrm')
    .execute();
  return { aliases, addresses, links, occurrences, vehicles };
}
