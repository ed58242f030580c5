import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('personal fields are marked in the schema', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('lists the columns commented as personal', async () => {
    const r = await sql<{ col: string }>`
      select c.relname || '.' || a.attname as col
      from pg_description d
      join pg_class c on c.oid = d.objoid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid
      where d.description like 'personal:%'
      order by 1`.execute(t.handle.db);
    const cols = r.rows.map((x) => x.col);
    expect(cols).toEqual(expect.arrayContaining(['app_user.display_name', 'app_user.username', 'audit_log.actor', 'sign_in_failure.client']));
    // people records (migration 0005)
    expect(cols).toEqual(expect.arrayContaining([
      'person.given_name', 'person.family_name', 'person.date_of_birth', 'person_alias.family_name', 'person_address.address',
      'person_address.postcode', 'person_link.role', 'person_occurrence.category', 'place.address', 'vehicle.vrm', 'sharing_event.recorded_by',
    ]));
    // the password hash is a secret, not something to disclose: it is deliberately not listed
    expect(cols).not.toContain('app_user.password_hash');
  });
});
