import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('hub operations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    const db = t.handle.db;
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(db);
    await sql`insert into place (id, name, address, lat, lon, district, premises_type, owning_agency_id, created_by)
      values (901, 'The Cli Arms', '1 Test Street', 51.28, 1.08, 'Canterbury', 'licensed_premises', (select id from partner_agency where name = 'Kent Police'), 'cli:test')`.execute(db);
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('creates an operation, adds a deployment, records results, lists and summarises; refusals exit 11, bad input 2', async () => {
    const run = (args: string[]) => runHub(['operations', ...args], t.env);
    const added = await run(['add', '--body', JSON.stringify({ name: 'Pilot', objectives: 'Drug use in licensed premises', districts: ['Canterbury'], startsOn: '2025-06-01' })]);
    expect(added.code, added.stderr).toBe(0);
    const op = JSON.parse(added.stdout) as { id: number };
    const refused = await run(['add-deployment', String(op.id), '--body', JSON.stringify({ deployedOn: '2025-05-01', startTime: '21:00', endTime: '03:00', district: 'Canterbury' })]);
    expect(refused.code).toBe(11);
    expect(refused.stderr).toMatch(/Operation Pilot starts on 2025-06-01/);
    const dep = await run(['add-deployment', String(op.id), '--body', JSON.stringify({ deployedOn: '2025-07-11', startTime: '21:00', endTime: '03:00', district: 'Canterbury', tactics: ['Passive drugs dog'], venues: [901] })]);
    expect(dep.code, dep.stderr).toBe(0);
    const d = JSON.parse(dep.stdout) as { id: number };
    const res = await run(['results', String(d.id), '--body', JSON.stringify({ arrests: 1, stopSearches: 7, outOfCourtResolutions: 3, engagements: 40, intelligenceSubmissions: 2, seizures: 1 })]);
    expect(res.code, res.stderr).toBe(0);
    const list = await run(['list']);
    expect(list.stdout).toMatch(/Operation Pilot \(Canterbury; from 2025-06-01\): 1 deployment\(s\), 1 with results; arrests 1, stop searches 7, out-of-court resolutions 3/);
    const show = await run(['show', String(op.id)]);
    expect(show.stdout).toMatch(/2025-07-11 21:00-03:00 Canterbury \[Passive drugs dog\] at The Cli Arms/);
    const summary = JSON.parse((await run(['summary', '--from', '2025-07-01', '--to', '2025-09-30', '--json'])).stdout) as { operations: { totals: { stopSearches: number } }[] };
    expect(summary.operations[0]!.totals.stopSearches).toBe(7);
    const match = await run(['match', String(op.id)]);
    expect(match.code, match.stderr).toBe(0);
    expect(match.stdout).toMatch(/recorded 7, matched 0 \(0 by operation, 0 by time and place\), not found 7/);
    const bad = await run(['results', 'x', '--body', '{}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('hub: deployment: give a record number\n');
    expect((await run(['summary', '--from', '2025-07-01'])).code).toBe(2);
  });
});
