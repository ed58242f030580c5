// The rank of an act comes from the officer's account (set by an admin, audited), not from what is
// typed; CPN breaches recorded as acts with their rules (ss47, 48, 52(5)).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';

const auditKey = Buffer.from('r'.repeat(32));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const thanet = { district: 'Thanet', lsoaCode: 'E01024000', description: 'Margate seafront' };
const authorisation = (issuer: Json) => ({
  type: 'dispersal_authorisation', occurredAt: '2026-11-20T17:00', startsAt: '2026-11-20T18:00', endsAt: '2026-11-22T18:00', issuer,
  place: thanet, locality: { lsoas: ['E01024000'] }, grounds: 'Groups fighting on the seafront after dark', articles10And11Regard: true,
});

describe('powers: rank from the account, and CPN breaches', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: Session, officer: Session, supervisor: Session, analyst: Session;
  const call = async (who: Session | null, path: string, method = 'GET', body?: unknown) => {
    const res = await asUser(app, who, path, { method, body });
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    admin = await signInAs(app, users.admin);
    officer = await signInAs(app, users.officer);
    supervisor = await signInAs(app, users.supervisor);
    analyst = await signInAs(app, users.analyst);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('an admin sets an account\'s rank (audited); the officer reads their own; bad input is refused naming the field and changes nothing', async () => {
    expect((await call(officer, '/api/powers/ranks/me')).body).toEqual({ username: 'officer1', rank: null });
    expect((await call(officer, '/api/powers/ranks', 'POST', { username: 'officer1', rank: 'superintendent' })).status).toBe(403);
    const bad = await call(admin, '/api/powers/ranks', 'POST', { username: 'officer1', rank: 'commander' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^rank: must be one of constable/);
    expect((await call(admin, '/api/powers/ranks', 'POST', { username: 'nobody', rank: 'sergeant' })).body.error.message).toBe('username: no account nobody');
    expect((await call(admin, '/api/powers/ranks', 'POST', { username: 'partner1', rank: 'sergeant' })).status).toBe(400);
    const set = await call(admin, '/api/powers/ranks', 'POST', { username: 'Officer1', rank: 'sergeant' });
    expect([set.status, set.body]).toEqual([200, { username: 'officer1', rank: 'sergeant' }]);
    expect((await call(officer, '/api/powers/ranks/me')).body).toEqual({ username: 'officer1', rank: 'sergeant' });
    expect((await call(analyst, '/api/powers/ranks')).status).toBe(403);
    expect((await call(admin, '/api/powers/ranks')).body.officers).toEqual([expect.objectContaining({ username: 'officer1', rank: 'sergeant', setBy: 'user:admin1' })]);
    const audit = (await sql<{ details: Json }>`select details from audit_log where action = 'powers.rank_set' order by id`.execute(t.handle.db)).rows;
    expect(audit.map((a) => a.details)).toEqual([{ username: 'officer1', before: null, after: 'sergeant' }]);
  });

  it('a sergeant\'s account cannot authorise a dispersal, nor type inspector to get round it; once the account says inspector it can', async () => {
    const noRank = await call(officer, '/api/powers', 'POST', authorisation({ agency: 'police' }));
    expect(noRank.status).toBe(422);
    expect(noRank.body.error.findings.map((f: Json) => [f.rule, f.field])).toEqual([['dispersal.authoriser_rank', 'issuerRank']]);
    const typed = await call(officer, '/api/powers/check', 'POST', authorisation({ agency: 'police', rank: 'inspector' }));
    expect(typed.status).toBe(400);
    expect(typed.body.error.message).toMatch(/^issuer\.rank: your account records your rank as sergeant, not inspector/);
    const dry = await call(officer, '/api/powers/check', 'POST', authorisation({ agency: 'police' }));
    expect(dry.body.derived).toMatchObject({ issuerRank: 'sergeant', issuerRankFrom: 'account' });
    await call(admin, '/api/powers/ranks', 'POST', { username: 'officer1', rank: 'inspector' });
    const ok = await call(officer, '/api/powers', 'POST', authorisation({ agency: 'police' }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.issuer.rank).toBe('inspector');
    expect(ok.body.details.issuerRankFrom).toBe('account');
    const event = await t.handle.db.selectFrom('power_event').select('issuer_rank').where('record_id', '=', ok.body.id).executeTakeFirstOrThrow();
    expect(event.issuer_rank).toBe('inspector');
  });

  it('an account with no rank may still state one, and the record says it was stated; a local authority issuer has no rank', async () => {
    const stated = await call(supervisor, '/api/powers', 'POST', { type: 's59_warning', occurredAt: '2026-11-21T20:00', issuer: { agency: 'police', rank: 'constable' }, place: thanet, subject: { name: 'Rider C' }, vrm: 'AB12 CDE' });
    expect(stated.status, JSON.stringify(stated.body)).toBe(201);
    expect(stated.body.details.issuerRankFrom).toBe('stated');
    const la = await call(supervisor, '/api/powers/check', 'POST', { type: 'cpw', occurredAt: '2026-11-21T10:00', issuer: { agency: 'local_authority', rank: 'inspector' }, place: thanet, subject: { name: 'Sam Loud', dateOfBirth: '1990-01-01' }, conductCategory: 'Noise', conduct: 'Music', requirements: ['Stop'] });
    expect([la.status, la.body.error.details[0].field]).toEqual([400, 'issuer.rank']);
  });

  it('outside the rules: the recorder\'s rank comes from the account (a typed higher rank is refused)', async () => {
    const late = { type: 'dispersal_direction', occurredAt: '2026-11-25T21:00', exclusionEndsAt: '2026-11-26T21:00', issuer: { agency: 'police' }, place: thanet, subject: { name: 'Adult B', appearsAge: 30 }, inWriting: true, offenceWarningGiven: true };
    await call(admin, '/api/powers/ranks', 'POST', { username: 'supervisor1', rank: 'constable' });
    const pc = await call(supervisor, '/api/powers', 'POST', { ...late, outsideRules: { reason: 'Authorisation lapsed' } });
    expect(pc.body.error.findings.map((f: Json) => f.rule)).toEqual(['dispersal.live_authorisation', 'powers.outside_rules_rank']);
    expect((await call(supervisor, '/api/powers', 'POST', { ...late, outsideRules: { reason: 'Authorisation lapsed', recorderRank: 'sergeant' } })).status).toBe(400);
    await call(admin, '/api/powers/ranks', 'POST', { username: 'supervisor1', rank: 'sergeant' });
    const ok = await call(supervisor, '/api/powers', 'POST', { ...late, outsideRules: { reason: 'Authorisation lapsed' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.outsideRules.recorderRank).toBe('sergeant');
    expect(ok.body.details.recorderRankFrom).toBe('account');
  });

  it('CPN breach: after the notice, remedial action only by the local authority, no prosecution while a fixed penalty can be paid', async () => {
    const subject = { name: 'Pat Noisy', dateOfBirth: '1985-05-05' };
    const base = { issuer: { agency: 'police' }, place: thanet, subject, conductCategory: 'Noise', conduct: 'Amplified music at night', requirements: ['No amplified music after 22:00'] };
    expect((await call(officer, '/api/powers', 'POST', { ...base, type: 'cpw', occurredAt: '2026-10-01T10:00' })).status).toBe(201);
    const cpn = await call(officer, '/api/powers', 'POST', { ...base, type: 'cpn', occurredAt: '2026-11-01T10:00', timeEnoughConfirmed: true });
    expect(cpn.status, JSON.stringify(cpn.body)).toBe(201);
    const breach = (over: Json) => ({ type: 'cpn_breach', parentId: cpn.body.id, occurredAt: '2026-11-19T23:00', issuer: { agency: 'police' }, requirement: 'No amplified music after 22:00', action: 'fixed_penalty', ...over });
    const early = await call(officer, '/api/powers/check', 'POST', breach({ occurredAt: '2026-10-31T23:00' }));
    expect(early.body.findings.map((f: Json) => [f.rule, f.field])).toEqual([['cpn.breach_after_notice', 'occurredAt']]);
    const remedial = await call(officer, '/api/powers', 'POST', breach({ action: 'remedial_action' }));
    expect([remedial.status, remedial.body.error.findings[0].rule]).toEqual([422, 'cpn.remedial_action_agency']);
    const b = await call(officer, '/api/powers', 'POST', breach({}));
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body).toMatchObject({ type: 'cpn_breach', power: 'cpn', stage: 'breached', parentId: cpn.body.id, conductCategory: 'noise', subject: { name: 'Pat Noisy' } });
    const fpn = await call(officer, '/api/powers', 'POST', { type: 'cpn_fpn', parentId: cpn.body.id, occurredAt: '2026-11-20T10:00', failedAt: '2026-11-19T23:00', amountGbp: 100, issuer: { agency: 'police' } });
    expect(fpn.status, JSON.stringify(fpn.body)).toBe(201);
    // The FPN of 20 November: the 14 days following are 21 November to 4 December.
    const soon = await call(officer, '/api/powers/check', 'POST', breach({ occurredAt: '2026-11-19T23:00', action: 'prosecution', actionOn: '2026-12-04' }));
    expect(soon.body.findings).toEqual([expect.objectContaining({ rule: 'cpn.breach_fpn_period', field: 'action', message: 'No proceedings while a fixed penalty can still be paid: its payment period ends on 2026-12-04.' })]);
    const later = await call(officer, '/api/powers/check', 'POST', breach({ action: 'prosecution', actionOn: '2026-12-05' }));
    expect(later.body.valid).toBe(true);
    const shown = await call(officer, `/api/powers/${cpn.body.id}`);
    expect(shown.body.followUps.map((f: Json) => f.type)).toEqual(['cpn_breach', 'cpn_fpn']);
  });
});
