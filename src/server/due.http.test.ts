import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../test-support/http.js';
import { createApp } from './app.js';
import type { DueListing } from '../contracts/due.js';

const auditKey = Buffer.from('d'.repeat(32));
const AS_OF = '2026-03-10';

describe('GET /api/due: what is due, from every module, in the caller\'s scope', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<'officer' | 'supervisor' | 'admin' | 'auditor' | 'partner', Session>;

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    await createRoleUsers(t.handle.db, auditKey);
    const db = t.handle.db;
    const id = async (name: string) => Number((await sql<{ id: number }>`select id from app_user where username = ${name}`.execute(db)).rows[0]!.id);
    const officer = await id('officer1');
    const supervisor = await id('supervisor1');
    // Problems: the officer's review overdue, the supervisor's action due in 5 days, one in Dover (outside Thanet), one undated action.
    await sql`insert into problem (id, title, district, statement_type, created_by, owner_id, review_date)
      values (8001, 'Officer problem', 'Thanet', 'place', 'cli:test', ${officer}, '2026-03-01'),
             (8002, 'Supervisor problem', 'Thanet', 'place', 'cli:test', ${supervisor}, null),
             (8003, 'Dover problem', 'Dover', 'place', 'cli:test', ${officer}, '2026-03-12')`.execute(db);
    await sql`insert into problem_action (id, problem_id, description, owner_id, mechanism, status, due_date)
      values (8001, 8002, 'Fit lighting', ${supervisor}, 'situational', 'open', '2026-03-15'),
             (8002, 8002, 'Undated work', ${supervisor}, 'situational', 'open', null),
             (8003, 8002, 'Far off', ${supervisor}, 'situational', 'open', '2026-06-01')`.execute(db);
    // Plans: the officer's active plan with a review due in 3 days and an intervention due in 40.
    await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by) values (8101, 'Due', 'Person', 'Thanet', (select id from partner_agency where name = 'Kent Police'), 'cli:test')`.execute(db);
    await sql`insert into plan (id, person_id, subject_kind, district, owner_id, summary, created_by, status, next_review_due)
      values (8201, 8101, 'repeat_victim', 'Thanet', ${officer}, 'Due plan', 'cli:test', 'active', '2026-03-13')`.execute(db);
    await sql`insert into plan_intervention (id, plan_id, what, mechanism, due_date, created_by) values (8301, 8201, 'Target hardening', 'support', '2026-04-19', 'cli:test')`.execute(db);
    for (const role of ['officer', 'supervisor', 'admin', 'auditor', 'partner'] as const) s[role] = await signInAs(app, `${role}1`);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  const due = async (who: Session, query: string) => {
    const res = await asUser(app, who, `/api/due?${query}`);
    return { status: res.status, body: (await res.json()) as DueListing & { error?: { message: string } } };
  };
  const keys = (l: DueListing) => l.items.map((i) => `${i.source}:${i.kind}:${i.recordId}:${i.itemId ?? '-'}:${i.due}${i.overdue ? `:overdue ${i.daysOverdue}` : ''}`);

  it('an officer gets their own problem reviews and plan work, overdue first, within the horizon; not another district\'s undisclosed work', async () => {
    const { status, body } = await due(s.officer, `asOf=${AS_OF}&horizon=14`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ asOf: AS_OF, until: '2026-03-24', horizonDays: 14 });
    expect(body.sources).toEqual(expect.arrayContaining(['problems', 'plans']));
    // 8003 is the officer's own problem in Dover: the problems list has always shown an owner their own problems.
    expect(keys(body)).toEqual(['problems:review:8001:-:2026-03-01:overdue 9', 'problems:review:8003:-:2026-03-12', 'plans:review:8201:-:2026-03-13']);
    expect(body.items[0]).toMatchObject({ recordType: 'problem', district: 'Thanet', owner: 'officer1', what: expect.stringContaining('Officer problem') });
  });

  it('a longer horizon reaches later work; horizon 0 keeps only what is due today or overdue', async () => {
    expect(keys((await due(s.officer, `asOf=${AS_OF}&horizon=60`)).body)).toContain('plans:intervention:8201:8301:2026-04-19');
    expect(keys((await due(s.officer, `asOf=${AS_OF}&horizon=0`)).body)).toEqual(['problems:review:8001:-:2026-03-01:overdue 9']);
  });

  it('a supervisor also gets the work of everyone in their districts, never undated actions', async () => {
    const { body } = await due(s.supervisor, `asOf=${AS_OF}&horizon=14`);
    expect(keys(body)).toEqual([
      'problems:review:8001:-:2026-03-01:overdue 9',
      'plans:review:8201:-:2026-03-13',
      'problems:action:8002:8001:2026-03-15',
    ]);
  });

  it('roles without case work get an empty list; the listing is audited as a search', async () => {
    expect((await due(s.auditor, `asOf=${AS_OF}`)).body.items).toEqual([]);
    expect((await due(s.partner, `asOf=${AS_OF}`)).body.items).toEqual([]);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'search' and record_type = 'due' and actor = 'user:officer1'`.execute(t.handle.db);
    expect(audited.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('refuses a bad horizon or date with 400 naming the field', async () => {
    for (const q of ['horizon=-1', 'horizon=367', 'horizon=two', 'asOf=2026-02-30', 'asOf=10/03/2026']) {
      const { status, body } = await due(s.officer, q);
      expect(status, q).toBe(400);
      expect(body.error?.message, q).toMatch(/horizon|asOf/);
    }
  });
});
