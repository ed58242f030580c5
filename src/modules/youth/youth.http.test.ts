import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { fixturePerson } from '../../test-support/plan-fixtures.js';
import { youthModule } from './index.js';
import { makeContext } from '../../platform/module/context.js';

const auditKey = Buffer.from('y'.repeat(32));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('youth over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<'admin' | 'analyst' | 'supervisor' | 'officer' | 'partner' | 'auditor', Session>;
  let child: number;
  let doverChild: number;
  const call = async (who: Session, path: string, method = 'GET', body?: unknown) => {
    const res = await asUser(app, who, path, { method, body });
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ['admin', 'analyst', 'supervisor', 'officer', 'partner', 'auditor'] as const) s[role] = await signInAs(app, users[role]);
    child = await fixturePerson(t.handle.db, { givenName: 'Sam', familyName: 'Youth', district: 'Thanet', dateOfBirth: '2011-03-01' });
    doverChild = await fixturePerson(t.handle.db, { givenName: 'Alex', familyName: 'Dover', district: 'Dover', dateOfBirth: '2010-05-05' });
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('starts and completes a workbook, with age at the intervention, sessions and an audited view', async () => {
    const bad = await call(s.officer, '/api/youth/workbooks', 'POST', { personId: child, category: 'Juggling', startedOn: '2025-04-02', district: 'Thanet' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('category');
    const other = await call(s.officer, '/api/youth/workbooks', 'POST', { personId: doverChild, category: 'ASB', startedOn: '2025-04-02', district: 'Dover' });
    expect(other.status).toBe(403);
    const wb = await call(s.officer, '/api/youth/workbooks', 'POST', { personId: child, category: 'knives and weapons', startedOn: '2025-04-02', district: 'Thanet', riskFactors: ['Carrying a blade'] });
    expect(wb.status, JSON.stringify(wb.body)).toBe(201);
    expect(wb.body).toMatchObject({ category: 'Knives and weapons', ageAtStart: 14, status: 'started', officer: 'officer1', riskFactors: ['Carrying a blade'] });
    expect((await call(s.officer, `/api/youth/workbooks/${wb.body.id}/sessions`, 'POST', { heldOn: '2025-04-09', nextSessionOn: '2025-04-16' })).status).toBe(201);
    const early = await call(s.officer, `/api/youth/workbooks/${wb.body.id}/status`, 'POST', { status: 'completed', on: '2025-04-01' });
    expect(early.status).toBe(422);
    expect(early.body.error.findings[0].rule).toBe('youth.workbook.dates');
    const noReason = await call(s.officer, `/api/youth/workbooks/${wb.body.id}/status`, 'POST', { status: 'not_completed', on: '2025-05-01' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.findings[0].message).toBe('Say why the workbook was not completed.');
    const done = await call(s.officer, `/api/youth/workbooks/${wb.body.id}/status`, 'POST', { status: 'completed', on: '2025-05-14' });
    expect(done.status).toBe(200);
    expect((await call(s.officer, `/api/youth/workbooks/${wb.body.id}/status`, 'POST', { status: 'not_completed', on: '2025-05-14', reason: 'x' })).status).toBe(409);
    const view = await call(s.officer, `/api/youth/workbooks/${wb.body.id}`);
    expect(view.body.sessions).toEqual([expect.objectContaining({ heldOn: '2025-04-09' })]);
    const audits = await sql<{ action: string }>`select action from audit_log where record_type = 'youth_workbook' and record_id = ${String(wb.body.id)} order by id`.execute(t.handle.db);
    expect(audits.rows.map((r) => r.action)).toEqual(['create', 'update', 'update', 'view']);
    // the partner's agency has no share of this child: nothing
    expect((await call(s.partner, `/api/youth/workbooks/${wb.body.id}`)).status).toBe(404);
    expect((await call(s.auditor, '/api/youth/workbooks')).status).toBe(403);
  });

  it('checks Reframe eligibility from dated settings', async () => {
    const wrongDrug = await call(s.officer, '/api/youth/referrals', 'POST', { personId: child, programme: 'Reframe', referredOn: '2025-06-01', drugClass: 'A', district: 'Thanet' });
    expect(wrongDrug.status).toBe(422);
    expect(wrongDrug.body.error.findings[0]).toMatchObject({ field: 'drugClass', message: 'Reframe is for Class B or C drugs, not Class A.' });
    const ok = await call(s.officer, '/api/youth/referrals', 'POST', { personId: child, programme: 'reframe', referredOn: '2025-06-01', drugClass: 'b', district: 'Thanet', provider: 'We Are With You' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ programme: 'Reframe', drugClass: 'B', ageAtReferral: 14 });
  });

  it('runs a deferred outcome to Outcome 22 only on completion, and refuses Outcome 22 or an unadmitted community resolution when returned', async () => {
    const d = (await call(s.officer, '/api/youth/deferred', 'POST', { personId: child, offeredOn: '2025-07-01', district: 'Thanet' })).body;
    expect(d.state).toBe('offered');
    expect((await call(s.officer, `/api/youth/deferred/${d.id}/status`, 'POST', { to: 'completed', on: '2025-07-02' })).status).toBe(409);
    expect((await call(s.officer, `/api/youth/deferred/${d.id}/status`, 'POST', { to: 'accepted', on: '2025-07-02' })).status).toBe(200);
    const noProvider = await call(s.officer, `/api/youth/deferred/${d.id}/status`, 'POST', { to: 'activity', on: '2025-07-03' });
    expect(noProvider.status).toBe(422);
    expect(noProvider.body.error.findings.map((f: Json) => f.field)).toEqual(['provider', 'deadline']);
    const act = await call(s.officer, `/api/youth/deferred/${d.id}/status`, 'POST', { to: 'activity', on: '2025-07-03', provider: 'Youth Justice Service', deadline: '2025-09-30', activity: 'Victim awareness' });
    expect(act.body).toMatchObject({ state: 'activity', finalOutcomeCode: null });
    const done = await call(s.officer, `/api/youth/deferred/${d.id}/status`, 'POST', { to: 'completed', on: '2025-09-01' });
    expect(done.body).toMatchObject({ state: 'completed', finalOutcomeCode: '22', finalOutcomeOn: '2025-09-01', completedOn: '2025-09-01' });

    const e = (await call(s.officer, '/api/youth/deferred', 'POST', { personId: child, offeredOn: '2025-07-01', district: 'Thanet' })).body;
    await call(s.officer, `/api/youth/deferred/${e.id}/status`, 'POST', { to: 'accepted', on: '2025-07-02' });
    await call(s.officer, `/api/youth/deferred/${e.id}/status`, 'POST', { to: 'activity', on: '2025-07-03', provider: 'YJS', deadline: '2025-08-01' });
    const as22 = await call(s.officer, `/api/youth/deferred/${e.id}/status`, 'POST', { to: 'not_complied', on: '2025-08-02', outcomeCode: '22' });
    expect(as22.status).toBe(422);
    const cr = await call(s.officer, `/api/youth/deferred/${e.id}/status`, 'POST', { to: 'not_complied', on: '2025-08-02', outcomeCode: '8' });
    expect(cr.body.error.findings[0].message).toBe('A community resolution needs the child to admit the offence.');
    const back = await call(s.officer, `/api/youth/deferred/${e.id}/status`, 'POST', { to: 'not_complied', on: '2025-08-02', outcomeCode: '1' });
    expect(back.body).toMatchObject({ state: 'not_complied', finalOutcomeCode: '1', returnedOn: '2025-08-02' });
  });

  it('imports a lessons export atomically with file:line errors, and counts students reached as the sum of class sizes', async () => {
    const bad = 'School,School type,District,Date,Delivered by,Topic,Class sizes\nHill School,primary,Thanet,2025-05-01,police,Keeping safe,28;30\nHill School,primary,Thanet,31/02/2025,teacher,Knitting,x\n';
    const r = await call(s.supervisor, '/api/youth/import/lessons', 'POST', { csv: bad, fileName: 'lessons.csv' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('lessons.csv:3: date');
    expect(r.body.error.message).toContain('lessons.csv:3: delivered by');
    expect((await call(s.supervisor, '/api/youth/lessons')).body.lessons).toEqual([]);
    const good = 'School,School type,District,Date,Delivered by,Topic,Class sizes\nHill School,primary,Thanet,2025-05-01,police,Keeping safe,28;30\nHill School,,Thanet,02/05/2025,school,wellbeing,25\n';
    const ok = await call(s.supervisor, '/api/youth/import/lessons', 'POST', { csv: good, fileName: 'lessons.csv' });
    expect(ok.body).toMatchObject({ imported: 2, schoolsAdded: 1, studentsReached: 83 });
    const wbBad = 'Person ID,Category,Start date,District,Officer\n999999,ASB,2025-05-01,Thanet,officer1\n';
    const w = await call(s.supervisor, '/api/youth/import/workbooks', 'POST', { csv: wbBad, fileName: 'wb.csv' });
    expect(w.body.error.message).toContain('wb.csv:2: person id: no person 999999');
  });

  it('reports the quarter with provenance, small counts flagged and the follow-up measure', async () => {
    await call(s.officer, '/api/youth/outcomes', 'POST', { personId: child, outcomeCode: '1', offenceOn: '2025-08-01', recordedOn: '2025-08-20' });
    const r = await call(s.analyst, '/api/youth/counts?quarter=2025-26Q1&asOf=2026-12-01');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.period).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(r.body.workbooks.byCategory).toEqual([expect.objectContaining({ category: 'Knives and weapons', completed: { value: 1, small: true } })]);
    expect(r.body.lessons.byDeliverer).toEqual(expect.arrayContaining([expect.objectContaining({ deliverer: 'police', studentsReached: 58 })]));
    const completed = r.body.followup.find((f: Json) => f.cohort === 'completed');
    // workbook completed 2025-05-14: window to 2026-05-14, lag to 2026-11-14, outcome on 2025-08-01 counts
    expect(completed.combined).toMatchObject({ numerator: 1, denominator: 1, stillInWindow: 0, windowMonths: 12, lagMonths: 6, outcomeCodes: ['1', '2', '3'] });
    expect(completed.combined.definition).toContain('first completion');
    expect(r.body.provenance).toMatchObject({ dataCutOff: '2026-12-01', demo: false });
    expect((await call(s.partner, '/api/youth/counts')).status).toBe(403);
  });

  it('lists due sessions and gives a subject access section', async () => {
    const due = await youthModule.due!(makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'districts', districts: ['Thanet'] } }), { asOf: '2025-01-01', until: '2030-01-01' });
    expect(due.every((d) => d.district === 'Thanet')).toBe(true);
    const section = await makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' } }).tx((tx) => youthModule.subjectAccess!(tx, child));
    expect(section).toMatchObject({ workbooks: [expect.objectContaining({ category: 'Knives and weapons' })], programmeReferrals: [expect.objectContaining({ programme: 'Reframe' })] });
  });
});
