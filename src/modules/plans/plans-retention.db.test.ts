import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { createUser } from '../identity/index.js';
import { personSubjectAccessExport, reviewDue } from '../privacy/index.js';
import { retentionSubjects, subjectAccessSections } from '../composition.js';
import { fixturePerson } from '../../test-support/plan-fixtures.js';
import { plansAboutPeople } from './index.js';

describe('retention and subject access of plans and panel minutes', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('puts plans closed six years ago and old panel meetings up for review, not open plans', async () => {
    const db = t.handle.db;
    const owner = (await createUser(db, Buffer.from('r'.repeat(32)), { kind: 'cli', name: 'cli:test' }, { username: 'owner9', role: 'analyst', password: 'granite otter lantern sky' })).id;
    const person = await fixturePerson(db, { givenName: 'Old', familyName: 'Case', district: 'Thanet', dateOfBirth: null });
    const plan = (cols: string) => sql<{ id: number }>`insert into plan (person_id, subject_kind, district, owner_id, summary, created_by, status, closing_reason, closed_at, created_at)
      values (${person}, 'repeat_victim', 'Thanet', ${owner}, 'Old plan', 'cli:test', ${sql.raw(cols)}) returning id`.execute(db);
    const oldClosed = Number((await plan(`'closed', 'Moved away', '2019-05-01', '2018-01-01'`)).rows[0]!.id);
    await plan(`'closed', 'Objectives met', '2024-05-01', '2018-01-01'`);
    await plan(`'active', null, null, '2015-01-01'`);
    const panel = Number((await sql<{ id: number }>`insert into panel (name, kind, created_by) values ('Old panel', 'other', 'cli:test') returning id`.execute(db)).rows[0]!.id);
    const meeting = Number((await sql<{ id: number }>`insert into panel_meeting (panel_id, held_on, created_by) values (${panel}, '2019-03-01', 'cli:test') returning id`.execute(db)).rows[0]!.id);
    await sql`insert into panel_meeting (panel_id, held_on, created_by) values (${panel}, '2025-03-01', 'cli:test')`.execute(db);
    const due = await reviewDue(db, new Date('2026-11-24T00:00:00Z'), retentionSubjects());
    const of = (type: string) => due.find((g) => g.rule.recordType === type);
    expect(of('plan')).toMatchObject({ count: 1, sampleIds: [String(oldClosed)], rule: { keepMonths: 72, action: 'review' } });
    expect(of('panel_meeting')).toMatchObject({ count: 1, sampleIds: [String(meeting)] });
    // a subject access export gathers every plan about the person, closed ones included
    const plans = await plansAboutPeople(db, [person], '2026-11-24');
    expect(plans.map((p) => [p.status, p.person.name])).toEqual([['closed', 'Old Case'], ['closed', 'Old Case'], ['active', 'Old Case']]);
    // ... and the person's subject access export includes them
    const audited: string[] = [];
    const sar = await personSubjectAccessExport(db, person, 'SAR-2026-0099', async (_trx, e) => {
      audited.push(`${e.action}:${e.recordType}:${String(e.details.plans)}`);
    }, subjectAccessSections());
    expect((sar.plans as { id: number }[]).map((p) => p.id)).toEqual(plans.map((p) => p.id));
    expect(audited).toEqual(['export:person:3']);
  });
});
