import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { createUser } from '../identity/index.js';
import { cliCaller, mergePeople, mergePlaces } from './index.js';

const key = Buffer.from('q'.repeat(32));
const caller = cliCaller('cli:test');
const id = (r: { rows: { id: number }[] }) => Number(r.rows[0]!.id);

describe('merging follows the records of other modules', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('moves a plan about the merged person to the survivor, and problem places (keeping one where both were linked)', async () => {
    const db = t.handle.db;
    const owner = (await createUser(db, key, { kind: 'cli', name: 'cli:test' }, { username: 'owner1', role: 'analyst', password: 'granite otter lantern sky' })).id;
    const police = id(await sql<{ id: number }>`select id from partner_agency where name = 'Kent Police'`.execute(db));
    const person = async (given: string) =>
      id(await sql<{ id: number }>`insert into person (given_name, family_name, recorded_district, owning_agency_id, created_by) values (${given}, 'Merge', 'Thanet', ${police}, 'cli:test') returning id`.execute(db));
    const place = async (address: string) =>
      id(await sql<{ id: number }>`insert into place (address, district, premises_type, owning_agency_id, created_by) values (${address}, 'Thanet', 'shop', ${police}, 'cli:test') returning id`.execute(db));
    const [from, into] = [await person('Jon'), await person('John')];
    const plan = id(await sql<{ id: number }>`insert into plan (person_id, subject_kind, district, owner_id, summary, created_by)
      values (${from}, 'repeat_offender', 'Thanet', ${owner}, 'Plan about the duplicate', 'cli:test') returning id`.execute(db));
    const problem = async (title: string) =>
      id(await sql<{ id: number }>`insert into problem (title, district, statement_type, created_by) values (${title}, 'Thanet', 'place', 'cli:test') returning id`.execute(db));
    const [p1, p2] = [await problem('Both linked'), await problem('Only the duplicate')];
    const [shopA, shopB] = [await place('1 High Street'), await place('1 High St')];
    for (const [pr, pl] of [[p1, shopA], [p1, shopB], [p2, shopA]] as const) {
      await sql`insert into problem_place (problem_id, place_id, created_by) values (${pr}, ${pl}, 'cli:test')`.execute(db);
    }

    await mergePeople(db, key, caller, from, { into });
    expect(Number((await sql<{ person_id: number }>`select person_id from plan where id = ${plan}`.execute(db)).rows[0]!.person_id)).toBe(into);

    await mergePlaces(db, key, caller, shopA, { into: shopB });
    const links = await sql<{ problem_id: number; place_id: number }>`select problem_id, place_id from problem_place order by problem_id, place_id`.execute(db);
    expect(links.rows.map((r) => [Number(r.problem_id), Number(r.place_id)])).toEqual([[p1, shopB], [p2, shopB]]);

    const audit = await sql<{ details: Record<string, unknown> }>`select details from audit_log where action = 'merge' and details ? 'into' order by id`.execute(db);
    expect(audit.rows.map((r) => r.details)).toEqual([
      expect.objectContaining({ into, moved: expect.objectContaining({ 'plan.person_id': 1 }) }),
      { into: shopB, moved: { 'problem_place.place_id': 1 } },
    ]);
  });
});
