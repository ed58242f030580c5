import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, TEST_PASSWORD, type Session } from '../../test-support/http.js';
import { createUser } from '../identity/index.js';
import { daysFromToday, fixtureAgency, fixturePerson } from '../../test-support/plan-fixtures.js';

const auditKey = Buffer.from('p'.repeat(32));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('proactive management plans over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<'admin' | 'analyst' | 'supervisor' | 'officer' | 'partner' | 'auditor' | 'dover', Session>;
  let adult: number;
  let child: number;
  let council: number;
  let yot: number;

  const call = async (who: Session, path: string, method = 'GET', body?: unknown) => {
    const res = await asUser(app, who, path, { method, body });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const audit = async (planId: number) =>
    (await sql<{ action: string; actor: string }>`select action, actor from audit_log where record_type = 'plan' and record_id = ${String(planId)} order by id`.execute(t.handle.db)).rows;
  const newPlan = (person: number, extra: Json = {}) => ({ personId: person, subjectKind: 'repeat_offender', district: 'Thanet', summary: 'Reduce shop theft in Margate town centre', ...extra });

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    await createUser(t.handle.db, auditKey, { kind: 'cli', name: 'cli:test' }, { username: 'dover1', role: 'officer', districts: ['Dover'], password: TEST_PASSWORD });
    for (const role of ['admin', 'analyst', 'supervisor', 'officer', 'partner', 'auditor'] as const) s[role] = await signInAs(app, users[role]);
    s.dover = await signInAs(app, 'dover1');
    adult = await fixturePerson(t.handle.db, { givenName: 'Alex', familyName: 'Adult', district: 'Thanet', dateOfBirth: '1990-05-01' });
    child = await fixturePerson(t.handle.db, { givenName: 'Casey', familyName: 'Child', district: 'Thanet', dateOfBirth: daysFromToday(-15 * 365) });
    council = await fixtureAgency(t.handle.db, 'Thanet District Council', 'council');
    yot = await fixtureAgency(t.handle.db, 'Kent Youth Justice Service', 'youth_justice');
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('creates a draft plan, links the person and records the first status', async () => {
    const r = await call(s.officer, '/api/plans', 'POST', newPlan(adult, { riskFactors: [{ factor: 'Drug use', level: 'medium' }] }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', district: 'Thanet', owner: { username: 'officer1' }, person: { id: adult, name: 'Alex Adult', isChild: false } });
    expect(r.body.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'draft', actor: 'user:officer1' })]);
    expect(r.body.rules.activationProblems).toEqual(['interventions: plan at least one intervention', 'nextReviewDue: a next review date is needed']);
    const link = await sql<{ role: string; district: string }>`select role, district from person_link where record_type = 'plan' and record_id = ${String(r.body.id)}`.execute(t.handle.db);
    expect(link.rows).toEqual([{ role: 'offender', district: 'Thanet' }]);
    expect((await audit(r.body.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('answers 400 naming the field, and changes nothing', async () => {
    const before = Number((await sql<{ n: number }>`select count(*)::int8 as n from plan`.execute(t.handle.db)).rows[0]!.n);
    const bad = await call(s.officer, '/api/plans', 'POST', newPlan(adult, { subjectKind: 'burglar' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('subjectKind: must be one of repeat_offender, young_person_at_risk, repeat_victim');
    const noPerson = await call(s.officer, '/api/plans', 'POST', newPlan(999_999));
    expect(noPerson.status).toBe(400);
    expect(noPerson.body.error.message).toBe('personId: no person 999999');
    const past = await call(s.officer, '/api/plans', 'POST', newPlan(adult, { nextReviewDue: '2020-01-01' }));
    expect(past.body.error.message).toBe('nextReviewDue: 2020-01-01 is in the past');
    expect(Number((await sql<{ n: number }>`select count(*)::int8 as n from plan`.execute(t.handle.db)).rows[0]!.n)).toBe(before);
  });

  it('refuses to activate an incomplete plan (422 with findings saying what is missing; 409 for a move the lifecycle does not have), then activates it with full history', async () => {
    const id = (await call(s.officer, '/api/plans', 'POST', newPlan(adult))).body.id as number;
    const refused = await call(s.officer, `/api/plans/${id}/status`, 'POST', { to: 'active' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.findings).toEqual([
      { rule: 'plan.risk_factor_required', field: 'riskFactors', message: 'record at least one risk factor' },
      { rule: 'plan.intervention_required', field: 'interventions', message: 'plan at least one intervention' },
      { rule: 'plan.review_cadence', field: 'nextReviewDue', message: 'a next review date is needed', legalSource: expect.stringContaining('DOMAIN-ANCHORS 3.9') },
    ]);
    expect(refused.body.error.message).toBe(`Cannot make plan ${id} active: record at least one risk factor; plan at least one intervention; a next review date is needed`);
    expect((await call(s.officer, `/api/plans/${id}/risk-factors`, 'POST', { factor: 'Associates with known shoplifters', level: 'high', note: 'Seen with group' })).status).toBe(201);
    const iv = await call(s.officer, `/api/plans/${id}/interventions`, 'POST', { what: 'Referral to drug treatment', mechanism: 'support', agencyId: council, dueDate: daysFromToday(10) });
    expect(iv.status).toBe(201);
    const tooLate = await call(s.officer, `/api/plans/${id}`, 'PATCH', { nextReviewDue: daysFromToday(20) });
    expect(tooLate.status).toBe(200);
    const cadence = await call(s.officer, `/api/plans/${id}/status`, 'POST', { to: 'active' });
    expect(cadence.status).toBe(422);
    expect(cadence.body.error.message).toContain('a high-risk plan is reviewed at least every 14 days');
    expect((await call(s.officer, `/api/plans/${id}`, 'PATCH', { nextReviewDue: daysFromToday(7) })).status).toBe(200);
    const active = await call(s.officer, `/api/plans/${id}/status`, 'POST', { to: 'active' });
    expect(active.status, JSON.stringify(active.body)).toBe(200);
    expect(active.body.status).toBe('active');
    const paused = await call(s.supervisor, `/api/plans/${id}/status`, 'POST', { to: 'paused', reason: 'In custody on remand' });
    expect(paused.body.status).toBe('paused');
    const noReason = await call(s.supervisor, `/api/plans/${id}/status`, 'POST', { to: 'closed' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details).toEqual([{ field: 'reason', message: 'give the reason for closing the plan' }]);
    const closed = await call(s.supervisor, `/api/plans/${id}/status`, 'POST', { to: 'closed', reason: 'Sentenced to custody for 2 years' });
    expect(closed.body).toMatchObject({ status: 'closed', closingReason: 'Sentenced to custody for 2 years' });
    const rows = await sql<{ from_status: string | null; to_status: string; reason: string | null; actor: string }>`
      select from_status, to_status, reason, actor from plan_status_history where plan_id = ${id} order by id`.execute(t.handle.db);
    expect(rows.rows).toEqual([
      { from_status: null, to_status: 'draft', reason: null, actor: 'user:officer1' },
      { from_status: 'draft', to_status: 'active', reason: null, actor: 'user:officer1' },
      { from_status: 'active', to_status: 'paused', reason: 'In custody on remand', actor: 'user:supervisor1' },
      { from_status: 'paused', to_status: 'closed', reason: 'Sentenced to custody for 2 years', actor: 'user:supervisor1' },
    ]);
    const reopen = await call(s.supervisor, `/api/plans/${id}/status`, 'POST', { to: 'active' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error).toMatchObject({ code: 'conflict', message: `Cannot make plan ${id} active: a closed plan cannot become active (a closed plan is final; open a new plan)` });
    expect(reopen.body.error.findings).toBeUndefined();
    expect((await call(s.officer, `/api/plans/${id}/risk-factors`, 'POST', { factor: 'More', level: 'low' })).status).toBe(409);
    // refused changes leave no audit row; each accepted change and view leaves one
    expect((await audit(id)).map((a) => a.action)).toEqual(['create', 'update', 'update', 'update', 'update', 'update', 'update', 'update']);
  });

  it('needs a youth justice or children\'s services action (or a reason) before a child\'s plan runs', async () => {
    const created = await call(s.officer, '/api/plans', 'POST', newPlan(child, { subjectKind: 'young_person_at_risk', nextReviewDue: daysFromToday(20), riskFactors: [{ factor: 'Missing from home', level: 'medium' }] }));
    const id = created.body.id as number;
    expect(created.body.person.isChild).toBe(true);
    const iv = (await call(s.officer, `/api/plans/${id}/interventions`, 'POST', { what: 'Detached youth work sessions', mechanism: 'engagement' })).body.id as number;
    const refused = await call(s.officer, `/api/plans/${id}/status`, 'POST', { to: 'active' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].field).toBe('partnerActions');
    expect(refused.body.error.findings[0]).toMatchObject({ rule: 'plan.child_partner_action', field: 'partnerActions' });
    expect((await call(s.officer, `/api/plans/${id}/partner-actions`, 'POST', { agencyId: council, action: 'Housing check' })).status).toBe(201);
    expect((await call(s.officer, `/api/plans/${id}/status`, 'POST', { to: 'active' })).status).toBe(422);
    const yotAction = await call(s.officer, `/api/plans/${id}/partner-actions`, 'POST', { agencyId: yot, action: 'Prevention assessment by the youth justice service' });
    expect(yotAction.status).toBe(201);
    expect((await call(s.officer, `/api/plans/${id}/status`, 'POST', { to: 'active' })).body.status).toBe('active');
    // a running child's plan keeps its youth justice action and a live intervention
    const cancelYot = await call(s.officer, `/api/plans/${id}/partner-actions/${yotAction.body.id}`, 'PATCH', { status: 'cancelled' });
    expect(cancelYot.status).toBe(422);
    expect(cancelYot.body.error.message).toContain("a plan for a child needs a youth justice or children's services partner action");
    const cancelLast = await call(s.officer, `/api/plans/${id}/interventions/${iv}`, 'PATCH', { status: 'cancelled' });
    expect(cancelLast.status).toBe(422);
    expect(cancelLast.body.error.findings).toEqual([{ rule: 'plan.intervention_required', field: 'interventions', message: 'plan at least one intervention' }]);
    expect((await call(s.officer, `/api/plans/${id}/interventions/${iv}`, 'PATCH', { status: 'in_progress' })).status).toBe(200);
    const plan = (await call(s.officer, `/api/plans/${id}`)).body;
    expect(plan.partnerActions.map((a: Json) => a.status)).toEqual(['planned', 'planned']);
    expect(plan.interventions.map((a: Json) => a.status)).toEqual(['in_progress']);
  });

  it('keeps plans of other districts out of scope (404, not 403) and lets partners read only where their agency works', async () => {
    const dover = await call(s.admin, '/api/plans', 'POST', newPlan(adult, { district: 'Dover', owner: 'dover1' }));
    expect(dover.status).toBe(201);
    const id = dover.body.id as number;
    expect((await call(s.officer, `/api/plans/${id}`)).status).toBe(404);
    expect((await call(s.officer, `/api/plans/${id}`, 'PATCH', { summary: 'Taken over by Thanet' })).status).toBe(404);
    expect((await call(s.officer, `/api/plans/${id}/reviews`, 'POST', { outcome: 'Reviewed from Thanet', nextReviewDue: daysFromToday(3) })).status).toBe(404);
    expect((await call(s.officer, '/api/plans?district=Dover')).body.plans).toEqual([]);
    expect((await call(s.officer, '/api/plans', 'POST', newPlan(adult, { district: 'Dover' }))).status).toBe(403);
    const doverPerson = await fixturePerson(t.handle.db, { givenName: 'Dee', familyName: 'Dover', district: 'Dover', dateOfBirth: null });
    const hidden = await call(s.officer, '/api/plans', 'POST', newPlan(doverPerson));
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.message).toBe(`personId: no person ${doverPerson}`);
    // moving a plan moves the person's link (and so who may see the person)
    const moved = await call(s.admin, `/api/plans/${id}`, 'PATCH', { district: 'Thanet' });
    expect(moved.body.district).toBe('Thanet');
    const links = await sql<{ district: string }>`select district from person_link where record_type = 'plan' and record_id = ${String(id)}`.execute(t.handle.db);
    expect(links.rows).toEqual([{ district: 'Thanet' }]);
    expect((await call(s.officer, `/api/plans/${id}`)).status).toBe(200);
    await call(s.admin, `/api/plans/${id}`, 'PATCH', { district: 'Dover' });
    expect((await call(s.dover, `/api/plans/${id}`)).status).toBe(200);
    expect((await call(s.partner, `/api/plans/${id}`)).status).toBe(404);
    await call(s.admin, `/api/plans/${id}/interventions`, 'POST', { what: 'Council tenancy support', mechanism: 'support', agencyId: council });
    // the agency works on the plan, but the person is not shared with it: the plan stays hidden
    expect((await call(s.partner, `/api/plans/${id}`)).status).toBe(404);
    await sql`update person set sharing_status = 'shared_without_consent', lawful_basis = 'Crime and Disorder Act 1998 s115' where id = ${adult}`.execute(t.handle.db);
    await sql`insert into record_share (record_type, record_id, agency_id, shared_by) values ('person', ${adult}, ${council}, 'cli:test')`.execute(t.handle.db);
    const seen = await call(s.partner, `/api/plans/${id}`);
    expect(seen.status).toBe(200);
    expect((await call(s.partner, `/api/plans/${id}`, 'PATCH', { summary: 'Partner edit attempt' })).status).toBe(403);
    expect((await call(s.partner, '/api/plans')).body.plans.map((p: Json) => p.id)).toContain(id);
    expect((await call(s.auditor, `/api/plans/${id}`)).status).toBe(403);
  });

  it('audits every view and search of a plan', async () => {
    const id = (await call(s.officer, '/api/plans', 'POST', newPlan(adult))).body.id as number;
    await call(s.officer, `/api/plans/${id}`);
    await call(s.supervisor, `/api/plans/${id}`);
    expect(await audit(id)).toEqual([
      { action: 'create', actor: 'user:officer1' }, { action: 'view', actor: 'user:officer1' }, { action: 'view', actor: 'user:supervisor1' },
    ]);
    const before = (await sql<{ n: number }>`select count(*)::int8 as n from audit_log where action = 'search' and record_type = 'plan'`.execute(t.handle.db)).rows[0]!.n;
    await call(s.analyst, '/api/plans?status=draft');
    const after = (await sql<{ n: number }>`select count(*)::int8 as n from audit_log where action = 'search' and record_type = 'plan'`.execute(t.handle.db)).rows[0]!.n;
    expect(Number(after)).toBe(Number(before) + 1);
  });

  it('lists overdue reviews and interventions for owners and supervisors', async () => {
    const created = await call(s.officer, '/api/plans', 'POST', newPlan(adult, { nextReviewDue: daysFromToday(10), riskFactors: [{ factor: 'Alcohol', level: 'medium' }] }));
    const id = created.body.id as number;
    const iv = await call(s.officer, `/api/plans/${id}/interventions`, 'POST', { what: 'Alcohol awareness course', mechanism: 'diversion', dueDate: daysFromToday(5) });
    await call(s.officer, `/api/plans/${id}/status`, 'POST', { to: 'active' });
    const asOf = daysFromToday(12);
    const mine = await call(s.officer, `/api/plans/tasks?asOf=${asOf}`);
    expect(mine.status).toBe(200);
    const forPlan = mine.body.overdue.filter((x: Json) => x.planId === id);
    expect(forPlan).toEqual([
      expect.objectContaining({ kind: 'intervention', itemId: iv.body.id, due: daysFromToday(5), daysOverdue: 7, owner: 'officer1' }),
      expect.objectContaining({ kind: 'review', due: daysFromToday(10), daysOverdue: 2 }),
    ]);
    const sup = await call(s.supervisor, `/api/plans/tasks?asOf=${asOf}`);
    expect(sup.body.overdue.filter((x: Json) => x.planId === id)).toHaveLength(2);
    expect((await call(s.dover, `/api/plans/tasks?asOf=${asOf}`)).body.overdue.filter((x: Json) => x.planId === id)).toEqual([]);
    const today = await call(s.officer, '/api/plans/tasks');
    expect(today.body.overdue.filter((x: Json) => x.planId === id)).toEqual([]);
    expect(today.body.dueSoon.filter((x: Json) => x.planId === id).map((x: Json) => x.kind)).toEqual(['intervention']);
    await call(s.officer, `/api/plans/${id}/interventions/${iv.body.id}`, 'PATCH', { status: 'done' });
    await call(s.officer, `/api/plans/${id}/reviews`, 'POST', { outcome: 'Engaging well; course done', nextReviewDue: daysFromToday(20) });
    expect((await call(s.officer, `/api/plans/tasks?asOf=${asOf}`)).body.overdue.filter((x: Json) => x.planId === id)).toEqual([]);
    expect((await call(s.partner, '/api/plans/tasks')).status).toBe(403);
  });

  it('records reviews within the cadence of the highest risk', async () => {
    const id = (await call(s.officer, '/api/plans', 'POST', newPlan(adult, { riskFactors: [{ factor: 'Weapons', level: 'high' }] }))).body.id as number;
    const late = await call(s.officer, `/api/plans/${id}/reviews`, 'POST', { outcome: 'Reviewed with the sergeant', nextReviewDue: daysFromToday(30) });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('nextReviewDue: a high-risk plan is reviewed at least every 14 days');
    const ok = await call(s.supervisor, `/api/plans/${id}/reviews`, 'POST', { outcome: 'Reviewed with the sergeant', nextReviewDue: daysFromToday(14) });
    expect(ok.status).toBe(201);
    const plan = await call(s.officer, `/api/plans/${id}`);
    expect(plan.body.nextReviewDue).toBe(daysFromToday(14));
    expect(plan.body.reviews).toEqual([expect.objectContaining({ reviewedBy: 'user:supervisor1', outcome: 'Reviewed with the sergeant' })]);
  });
});
