import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('hub offenders', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    const db = t.handle.db;
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(db);
    await sql`insert into person (id, given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by)
      values (501, 'Casey', 'Cli', '2009-05-01', 'Thanet', (select id from partner_agency where name = 'Kent Police'), 'cli:test')`.execute(db);
    await sql`insert into person_occurrence (person_id, role, category, occurred_on, district, created_by) values (501, 'offender', 'Shoplifting', '2026-01-10', 'Thanet', 'cli:test')`.execute(db);
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('adds a tag, refuses a child\'s allocation without a parent (exit 11), allocates, lists, ranks and counts', async () => {
    const run = (args: string[]) => runHub(['offenders', ...args], t.env);
    const added = await run(['add-tag', '--body', JSON.stringify({ serial: 'CLI-1', type: 'alcohol', funder: 'VRU', district: 'Thanet' })]);
    expect(added.code, added.stderr).toBe(0);
    const tag = JSON.parse(added.stdout) as { id: number };
    const refused = await run(['allocate', String(tag.id), '--body', JSON.stringify({ personId: 501, allocatedOn: '2026-02-01', consent: { subject: true } })]);
    expect(refused.code).toBe(11);
    expect(refused.stderr).toMatch(/parent's or carer's consent/);
    const ok = await run(['allocate', String(tag.id), '--body', JSON.stringify({ personId: 501, allocatedOn: '2026-02-01', consent: { subject: true, parentOrCarer: true, parentOrCarerName: 'Parent' } })]);
    expect(ok.code, ok.stderr).toBe(0);
    const list = await run(['tags']);
    expect(list.stdout).toMatch(/CLI-1\s+alcohol\s+VRU\s+allocated\s+Thanet\s+-> Casey Cli since 2026-02-01/);
    const top = await run(['top', '--district', 'Thanet', '--to', '2026-06-30']);
    expect(top.code, top.stderr).toBe(0);
    expect(top.stdout).toMatch(/^Top 20 in Thanet, 2025-07-01 to 2026-06-30\n\s+1\. Casey Cli \(person 501\)/);
    expect(top.stdout).toMatch(/VRU alcohol tag since 2026-02-01/);
    const counts = JSON.parse((await run(['counts', '--as-of', '2026-03-01'])).stdout) as { tagsInUseByFunder: unknown[] };
    expect(counts.tagsInUseByFunder).toEqual([{ funder: 'VRU', type: 'alcohol', count: 1 }]);
    const bad = await run(['allocate', 'x', '--body', '{}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('hub: tag: give a record number\n');
  });
});
