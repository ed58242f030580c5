// ASB complaints and the case review early warning over the database: district scope, the same
// incident to two agencies counted once, the threshold in force on the day, due items, audit.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, type Scope } from '../../../platform/module/context.js';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { addComplaint, caseReviewDue, caseReviewWarning, listComplaints } from './complaints.service.js';

const auditKey = Buffer.from('c'.repeat(32));

describe('ASB complaints and the case review early warning', () => {
  let t: TestDatabase;
  let person = 0;
  const ctx = (scope: Scope) => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope, now: () => new Date('2026-03-31T12:00:00Z') });
  const thanet = () => ctx({ kind: 'districts', districts: ['Thanet'] });
  beforeAll(async () => {
    t = await openTestDatabase();
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(t.handle.db);
    person = Number((await sql<{ id: number }>`insert into person (given_name, family_name, recorded_district, owning_agency_id, created_by) select 'Ada', 'Victim', 'Thanet', id, 'cli:test' from partner_agency where name = 'Kent Police' returning id`.execute(t.handle.db)).rows[0]!.id);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('records complaints in the reader’s districts only, with clear refusals', async () => {
    const base = { behaviourOn: '2026-01-05', agency: 'police', personId: person, district: 'Thanet', summary: 'Neighbours playing loud music at night' };
    await addComplaint(thanet(), { ...base, receivedOn: '2026-01-06', incidentRef: 'INC-1' });
    await addComplaint(thanet(), { ...base, receivedOn: '2026-01-07', incidentRef: 'INC-1', agency: 'local_authority' });
    await addComplaint(thanet(), { ...base, receivedOn: '2026-02-10', behaviourOn: '2026-02-09', location: '12 Harbour Street' });
    await expect(addComplaint(thanet(), { ...base, receivedOn: '2026-01-06', district: 'Dover' })).rejects.toThrow(/Dover is not one of them/);
    await expect(addComplaint(thanet(), { ...base, receivedOn: '2026-01-04' })).rejects.toThrow(/on or after the day of the behaviour/);
    await expect(addComplaint(thanet(), { ...base, personId: undefined, receivedOn: '2026-01-06' })).rejects.toThrow(/who complained .* or where/);
    await expect(addComplaint(thanet(), { ...base, personId: 999999, receivedOn: '2026-01-06' })).rejects.toThrow(/no person record 999999/);
    expect((await listComplaints(thanet(), {})).complaints).toHaveLength(3);
    expect((await listComplaints(ctx({ kind: 'districts', districts: ['Dover'] }), {})).complaints).toHaveLength(0);
  });

  it('warns one complaint before the threshold and meets it on the third distinct incident', async () => {
    const w = await caseReviewWarning(thanet(), { asOf: '2026-03-31' });
    expect(w.byVictim).toEqual([expect.objectContaining({ key: `person:${person}`, status: 'alert', qualifying: 2 })]);
    expect(w.notCounted.map((n) => n.reason)).toEqual([expect.stringMatching(/same incident as complaint/)]);
    expect(w.versionIds).toHaveLength(5);
    expect(await caseReviewDue(thanet(), { asOf: '2026-03-31', until: '2026-04-14' })).toEqual([]);
    await addComplaint(thanet(), { behaviourOn: '2026-03-20', receivedOn: '2026-03-21', agency: 'housing_provider', personId: person, district: 'Thanet', summary: 'Music again' });
    const after = await caseReviewWarning(thanet(), { asOf: '2026-03-31' });
    expect(after.byVictim[0]).toMatchObject({ status: 'met', qualifying: 3 });
    const due = await caseReviewDue(thanet(), { asOf: '2026-03-31', until: '2026-04-14' });
    expect(due).toEqual([expect.objectContaining({ kind: 'asb_case_review', district: 'Thanet', legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s104' })]);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'asb_complaint'`.execute(t.handle.db);
    expect(audits.rows[0]!.n).toBeGreaterThanOrEqual(8);
  });
});
