import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { daysFromToday, fixtureAgency, fixturePerson, fixtureProblem } from '../../test-support/plan-fixtures.js';
import { reviewsOfProblem } from './index.js';

const auditKey = Buffer.from('q'.repeat(32));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('panels over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<'admin' | 'analyst' | 'supervisor' | 'officer' | 'partner' | 'auditor', Session>;
  let council: number;
  let thanetProblem: number;
  let doverProblem: number;
  let planId: number;

  const call = async (who: Session, path: string, method = 'GET', body?: unknown) => {
    const res = await asUser(app, who, path, { method, body });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const auditOf = async (id: number) =>
    (await sql<{ action: string }>`select action from audit_log where record_type = 'panel' and record_id = ${String(id)} order by id`.execute(t.handle.db)).rows.map((r) => r.action);

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ['admin', 'analyst', 'supervisor', 'officer', 'partner', 'auditor'] as const) s[role] = await signInAs(app, users[role]);
    council = await fixtureAgency(t.handle.db, 'Thanet District Council', 'council');
    thanetProblem = await fixtureProblem(t.handle.db, 'ASB at Margate station', 'Thanet');
    doverProblem = await fixtureProblem(t.handle.db, 'Shop theft on Dover high street', 'Dover');
    const person = await fixturePerson(t.handle.db, { givenName: 'Pat', familyName: 'Person', district: 'Thanet', dateOfBirth: '1985-01-01' });
    planId = (await call(s.officer, '/api/plans', 'POST', { personId: person, subjectKind: 'repeat_victim', district: 'Thanet', summary: 'Protect a repeat victim of ASB' })).body.id;
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('lets a supervisor set up a panel for their district only', async () => {
    const bad = await call(s.supervisor, '/api/panels', 'POST', { name: 'Kent wide', kind: 'district_prevention_problem_solving', districts: ['Thanet', 'Dover'] });
    expect(bad.status).toBe(403);
    expect(bad.body.error.message).toContain('not Dover');
    const missing = await call(s.supervisor, '/api/panels', 'POST', { name: 'Thanet DPPSP', kind: 'district_prevention_problem_solving', districts: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('districts: choose at least one district');
    const ok = await call(s.supervisor, '/api/panels', 'POST', { name: 'Thanet DPPSP', kind: 'district_prevention_problem_solving', districts: ['Thanet'], chair: 'Insp. Example', memberAgencyIds: [council] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Thanet DPPSP', districts: ['Thanet'], memberAgencies: [{ id: council, name: 'Thanet District Council' }], meetings: [] });
    expect((await call(s.admin, '/api/panels', 'POST', { name: 'Thanet DPPSP', kind: 'other', districts: ['Thanet'] })).status).toBe(409);
    expect((await call(s.officer, '/api/panels', 'POST', { name: 'Officer panel', kind: 'other', districts: ['Thanet'] })).status).toBe(403);
  });

  it('records a meeting with an agenda item about a problem, a decision and an action, shown on the problem', async () => {
    const panel = (await call(s.supervisor, '/api/panels')).body.panels.find((p: Json) => p.name === 'Thanet DPPSP');
    const meeting = await call(s.supervisor, `/api/panels/${panel.id}/meetings`, 'POST', { heldOn: daysFromToday(-1), location: 'Margate police station', attendees: [{ name: 'Insp. Example' }, { name: 'Council ASB lead', agencyId: council }] });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    const m = meeting.body.id as number;
    const noSubject = await call(s.supervisor, `/api/panels/${panel.id}/meetings/${m}/agenda`, 'POST', { note: 'x' });
    expect(noSubject.body.error.message).toBe('problemId: give either a problem or a plan (one of them)');
    const dover = await call(s.supervisor, `/api/panels/${panel.id}/meetings/${m}/agenda`, 'POST', { problemId: doverProblem });
    expect(dover.status).toBe(400);
    expect(dover.body.error.message).toBe(`problemId: no problem ${doverProblem}`);
    const item = await call(s.supervisor, `/api/panels/${panel.id}/meetings/${m}/agenda`, 'POST', { problemId: thanetProblem, note: 'Analysis is thin: add the temporal profile' });
    expect(item.status).toBe(201);
    const planItem = await call(s.supervisor, `/api/panels/${panel.id}/meetings/${m}/agenda`, 'POST', { planId });
    expect(planItem.status).toBe(201);
    const decision = await call(s.supervisor, `/api/panels/${panel.id}/meetings/${m}/decisions`, 'POST', { text: 'Fund extra CCTV at the station', agendaItemId: item.body.id });
    expect(decision.status).toBe(201);
    const action = await call(s.supervisor, `/api/panels/${panel.id}/meetings/${m}/actions`, 'POST', { description: 'Get CCTV quote', ownerName: 'Council ASB lead', ownerAgencyId: council, dueDate: daysFromToday(14), agendaItemId: item.body.id, decisionId: decision.body.id });
    expect(action.status).toBe(201);
    expect((await call(s.supervisor, `/api/panels/${panel.id}/actions/${action.body.id}`, 'PATCH', { status: 'done' })).status).toBe(200);

    const detail = await call(s.officer, `/api/panels/${panel.id}`);
    expect(detail.status).toBe(200);
    const mt = detail.body.meetings[0];
    expect(mt.attendees.map((a: Json) => a.name)).toEqual(['Insp. Example', 'Council ASB lead']);
    expect(mt.agenda).toEqual([
      expect.objectContaining({ position: 1, problem: { id: thanetProblem, title: 'ASB at Margate station', district: 'Thanet', stage: 'objective' }, plan: null }),
      expect.objectContaining({ position: 2, problem: null, plan: expect.objectContaining({ id: planId, district: 'Thanet' }) }),
    ]);
    expect(mt.actions[0]).toMatchObject({ description: 'Get CCTV quote', status: 'done', ownerAgency: { id: council } });

    const stored = await sql<{ problem_id: number }>`select problem_id from panel_agenda_item where id = ${item.body.id}`.execute(t.handle.db);
    expect(Number(stored.rows[0]!.problem_id)).toBe(thanetProblem);
    const reviews = await reviewsOfProblem(t.handle.db, thanetProblem);
    expect(reviews).toEqual([{
      agendaItemId: item.body.id, panel: { id: panel.id, name: 'Thanet DPPSP', kind: 'district_prevention_problem_solving' }, meeting: { id: m, heldOn: daysFromToday(-1) },
      note: 'Analysis is thin: add the temporal profile', decisions: [{ id: decision.body.id, text: 'Fund extra CCTV at the station' }],
      actions: [{ id: action.body.id, description: 'Get CCTV quote', ownerName: 'Council ASB lead', dueDate: daysFromToday(14), status: 'done' }],
    }]);
    const api = await call(s.analyst, `/api/panels/reviews?problem=${thanetProblem}`);
    expect(api.body).toEqual({ problemId: thanetProblem, reviews });
    expect((await call(s.analyst, `/api/panels/reviews?problem=${doverProblem}`)).body.reviews).toEqual([]);
    expect((await call(s.analyst, '/api/panels/reviews?problem=abc')).status).toBe(400);
    expect(await auditOf(panel.id)).toEqual(['create', 'update', 'update', 'update', 'update', 'update', 'update', 'view']);
  });

  it('keeps panels to their scope: other districts 404, partners where their agency sits', async () => {
    const dover = await call(s.admin, '/api/panels', 'POST', { name: 'Dover CSP', kind: 'community_safety_partnership', districts: ['Dover'] });
    expect(dover.status).toBe(201);
    expect((await call(s.officer, `/api/panels/${dover.body.id}`)).status).toBe(404);
    expect((await call(s.supervisor, `/api/panels/${dover.body.id}/meetings`, 'POST', { heldOn: daysFromToday(3) })).status).toBe(404);
    expect((await call(s.officer, '/api/panels')).body.panels.map((p: Json) => p.name)).toEqual(['Thanet DPPSP']);
    expect((await call(s.partner, '/api/panels')).body.panels.map((p: Json) => p.name)).toEqual(['Thanet DPPSP']);
    expect((await call(s.partner, `/api/panels/${dover.body.id}`)).status).toBe(404);
    expect((await call(s.analyst, '/api/panels')).body.panels.map((p: Json) => p.name)).toEqual(['Dover CSP', 'Thanet DPPSP']);
    expect((await call(s.auditor, '/api/panels')).status).toBe(403);
    expect((await call(s.analyst, `/api/panels/${dover.body.id}/meetings`, 'POST', { heldOn: daysFromToday(3) })).status).toBe(403);
  });
});
