/** Test fixtures for the route matrix: people, places, a vehicle and agencies with fixed ids (tests only). */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** Fixed ids far above what tests create through the sequences. */
export const MATRIX = { agency: 9001, person: 9001, mergeFrom: 9002, mergeInto: 9003, place: 9001, placeFrom: 9002, placeInto: 9003, vehicle: 9001 } as const;

/**
 * Records in Thanet (the district of the test officer and supervisor); person and place MATRIX.person /
 * MATRIX.place are shared with the test partner's agency ('Thanet District Council') so every
 * role allowed to read them gets 200.
 */
export async function seedPeopleMatrix(db: Db): Promise<void> {
  await sql`insert into partner_agency (id, name, kind) values (${MATRIX.agency}, 'Matrix Sharing Agency', 'other') on conflict do nothing`.execute(db);
  await sql`insert into partner_agency (name, kind) values ('Thanet District Council', 'council') on conflict (name) do nothing`.execute(db);
  const council = Number((await sql<{ id: number }>`select id from partner_agency where name = 'Thanet District Council'`.execute(db)).rows[0]!.id);
  const police = Number((await sql<{ id: number }>`select id from partner_agency where name = 'Kent Police'`.execute(db)).rows[0]!.id);
  for (const [id, given] of [[MATRIX.person, 'Matrix'], [MATRIX.mergeFrom, 'Merge'], [MATRIX.mergeInto, 'Survivor']] as const) {
    await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by) values (${id}, ${given}, 'Fixture', 'Thanet', ${police}, 'cli:test')`.execute(db);
  }
  for (const id of [MATRIX.place, MATRIX.placeFrom, MATRIX.placeInto]) {
    await sql`insert into place (id, address, district, premises_type, owning_agency_id, created_by) values (${id}, ${`${id} Fixture Road`}, 'Thanet', 'shop', ${police}, 'cli:test')`.execute(db);
  }
  for (const type of ['person', 'place']) {
    await sql`update ${sql.table(type)} set sharing_status = 'shared_without_consent', lawful_basis = 'Crime and Disorder Act 1998 s115' where id = 9001`.execute(db);
    await sql`insert into record_share (record_type, record_id, agency_id, shared_by) values (${type}, 9001, ${council}, 'cli:test')`.execute(db);
  }
  await sql`insert into vehicle (id, vrm, district, created_by) values (${MATRIX.vehicle}, 'MX01FIX', 'Thanet', 'cli:test')`.execute(db);
}
