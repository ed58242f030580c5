import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { createApp } from '../../server/app.js';
import { asUser, signInAs } from '../../test-support/http.js';
import { problemsTestApp } from '../../test-support/test-app.js';

interface Entry {
  id: number;
  actor: string;
  action: string;
  recordType: string | null;
  recordId: string | null;
  details: { personIds?: number[] } | null;
}

/**
 * Every disclosure of a person is audited and findable by that person (DPA 2018 s62): the 409 of
 * a duplicate-blocked create, and pages of problems, plans, vehicles and places (occurrences)
 * that show linked people.
 */
describe('the audit log finds every disclosure of a person by the person', () => {
  let t: TestDatabase;
  let req: Awaited<ReturnType<typeof problemsTestApp>>['req'];
  const body = async (res: Response) => (await res.json()) as Record<string, unknown> & { id: number };
  const byPerson = async (personId: number, extra = '') => {
    const res = await req('auditor', `/api/audit?person=${personId}&limit=1000${extra}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { entries: Entry[] }).entries;
  };
  const lastEntry = async () =>
    (await sql<{ action: string; record_type: string | null; record_id: string | null; details: unknown }>`select action, record_type, record_id, details from audit_log order by id desc limit 1`.execute(t.handle.db)).rows[0]!;
  let sam = 0;
  let robin = 0;

  beforeAll(async () => {
    t = await openTestDatabase();
    ({ req } = await problemsTestApp(t.handle, t.auditKey));
    sam = (await body(await req('officer', '/api/people', 'POST', { givenName: 'Sam', familyName: 'Harbour', dateOfBirth: '2009-02-03', district: 'Thanet' }))).id;
    robin = (await body(await req('officer', '/api/people', 'POST', { givenName: 'Robin', familyName: 'Quay', dateOfBirth: '1980-07-08', district: 'Thanet' }))).id;
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('a create blocked as a likely duplicate (409) is audited with the candidates it shows', async () => {
    const res = await req('officer', '/api/people', 'POST', { givenName: 'Samm', familyName: 'Harbour', dateOfBirth: '2009-02-03', district: 'Thanet' });
    expect(res.status).toBe(409);
    const answer = (await res.json()) as { candidates: { id: number; label: string }[] };
    expect(answer.candidates).toEqual([expect.objectContaining({ id: sam, label: 'Sam Harbour (born 2009-02-03)' })]);
    expect(await lastEntry()).toMatchObject({ action: 'search', record_type: 'person', details: { kind: 'duplicate-check', on: 'create', results: 1, personIds: [sam] } });
    const found = await byPerson(sam);
    expect(found.find((e) => e.action === 'search' && e.actor === 'user:officer1')).toMatchObject({ details: { personIds: [sam] } });
    expect((await byPerson(robin)).some((e) => e.action === 'search' && e.details?.personIds?.includes(sam) && !e.details.personIds.includes(robin))).toBe(false);
  });

  it('problem, plan, vehicle and place pages showing a person are found by that person', async () => {
    const problem = (await body(await req('officer', '/api/problems', 'POST', { title: 'Theft from boats at the quay', district: 'Thanet', statementType: 'persons' }))).id;
    expect((await req('officer', `/api/problems/${problem}/people`, 'POST', { personId: robin, role: 'offender' })).status).toBe(204);
    const shown = await body(await req('officer', `/api/problems/${problem}`));
    expect(shown.people).toEqual([expect.objectContaining({ personId: robin })]);
    expect(await lastEntry()).toMatchObject({ action: 'view', record_type: 'problem', record_id: String(problem), details: { personIds: [robin] } });
    // Changing the problem answers with the page too: that is also a disclosure.
    expect((await req('officer', `/api/problems/${problem}`, 'PATCH', { objectiveTarget: 'Fewer thefts from boats' })).status).toBe(200);
    expect(await lastEntry()).toMatchObject({ action: 'update', record_type: 'problem', details: { personIds: [robin] } });

    const plan = await req('officer', '/api/plans', 'POST', { personId: robin, subjectKind: 'repeat_offender', district: 'Thanet', summary: 'Divert Robin from theft at the quay' });
    expect(plan.status).toBe(201);
    const planId = (await body(plan)).id;
    expect((await req('officer', `/api/plans/${planId}`)).status).toBe(200);
    expect(await lastEntry()).toMatchObject({ action: 'view', record_type: 'plan', record_id: String(planId), details: { personIds: [robin] } });
    expect((await req('officer', '/api/plans')).status).toBe(200);
    expect(await lastEntry()).toMatchObject({ action: 'search', record_type: 'plan', details: { personIds: [robin] } });

    const car = (await body(await req('officer', '/api/vehicles', 'POST', { vrm: 'QY09 ABC', district: 'Thanet' }))).id;
    expect((await req('officer', `/api/vehicles/${car}/people`, 'POST', { personId: sam, relation: 'driver' })).status).toBe(201);
    expect(((await body(await req('officer', `/api/vehicles/${car}`))).people as unknown[])).toHaveLength(1);
    expect(await lastEntry()).toMatchObject({ action: 'view', record_type: 'vehicle', record_id: String(car), details: { personIds: [sam] } });

    const quay = (await body(await req('officer', '/api/places', 'POST', { name: 'Quay steps', address: '1 Quay Road', district: 'Thanet', premisesType: 'other', confirmNew: true }))).id;
    expect((await req('officer', `/api/people/${robin}/occurrences`, 'POST', { role: 'offender', category: 'Theft', occurredOn: '2025-08-01', district: 'Thanet', placeId: quay })).status).toBe(201);
    expect((await req('officer', `/api/people/${sam}/occurrences`, 'POST', { role: 'victim', category: 'Theft', occurredOn: '2025-08-01', district: 'Thanet', placeId: quay })).status).toBe(201);
    expect(((await body(await req('officer', `/api/places/${quay}`))).occurrences as unknown[])).toHaveLength(2);
    expect(await lastEntry()).toMatchObject({ action: 'view', record_type: 'place', record_id: String(quay), details: { personIds: [sam, robin].sort((a, b) => a - b) } });

    expect((await req('officer', '/api/people?q=harbour')).status).toBe(200);
    expect(await lastEntry()).toMatchObject({ action: 'search', record_type: 'person', details: { personIds: [sam] } });

    const forRobin = (await byPerson(robin)).map((e) => `${e.action} ${e.recordType} ${e.recordId ?? ''}`.trim());
    expect(forRobin).toEqual(expect.arrayContaining([
      `view problem ${problem}`, `update problem ${problem}`, `view plan ${planId}`, `create plan ${planId}`, 'search plan', `view place ${quay}`, `create person ${robin}`,
    ]));
    expect(forRobin).not.toContain(`view vehicle ${car}`);
    const forSam = (await byPerson(sam)).map((e) => `${e.action} ${e.recordType} ${e.recordId ?? ''}`.trim());
    expect(forSam).toEqual(expect.arrayContaining([`view vehicle ${car}`, `view place ${quay}`, 'search person']));
    expect(forSam).not.toContain(`view problem ${problem}`);
    // The filter combines with the others.
    expect((await byPerson(robin, '&recordType=plan')).every((e) => e.recordType === 'plan')).toBe(true);
  });

  it('refuses a person filter that is not a record number', async () => {
    const res = await req('auditor', '/api/audit?person=robin');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('person: must be the number of a person record');
  });

  it("the auditor's verify answers 503 audit_key for a key that is not the database's, and checks ID:HASH heads", async () => {
    const right = createApp(t.handle, { auditKey: t.auditKey });
    const session = await signInAs(right, 'auditor1');
    const ok = (await (await asUser(right, session, '/api/audit/verify')).json()) as { ok: boolean; head: number; headMac: string };
    expect(ok).toMatchObject({ ok: true });
    expect(ok.headMac).toMatch(/^[0-9a-f]{64}$/);
    const stale = await asUser(right, session, `/api/audit/verify?expectHead=${ok.head}:${'0'.repeat(64)}`);
    expect(await stale.json()).toMatchObject({ ok: false, reason: expect.stringMatching(/rewritten/) });
    expect((await asUser(right, session, '/api/audit/verify?expectHead=latest')).status).toBe(400);
    const wrong = createApp(t.handle, { auditKey: Buffer.from('w'.repeat(40)) });
    const res = await asUser(wrong, session, '/api/audit/verify');
    expect(res.status).toBe(503);
    const err = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('audit_key');
    expect(err.message).toMatch(/^Wrong audit key/);
  });
});
