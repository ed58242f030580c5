import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../platform/module/context.js';
import { createApp } from '../../server/app.js';
import { powersModule } from './index.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';

const auditKey = Buffer.from('p'.repeat(32));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const inspector = { agency: 'police', rank: 'inspector', name: 'Insp Holt' };
const constable = { agency: 'police', rank: 'constable', name: 'PC Amis' };
const thanet = { district: 'Thanet', lsoaCode: 'E01024000', description: 'Margate seafront' };
const authorisation = {
  type: 'dispersal_authorisation', occurredAt: '2026-11-20T17:00', startsAt: '2026-11-20T18:00', endsAt: '2026-11-22T18:00', issuer: inspector,
  place: thanet, locality: { lsoas: ['E01024000', 'E01024001'] }, grounds: 'Groups fighting on the seafront after dark', articles10And11Regard: true,
};
const direction = (over: Json = {}) => ({
  type: 'dispersal_direction', occurredAt: '2026-11-21T20:15', exclusionEndsAt: '2026-11-23T20:15', issuer: constable, place: thanet,
  subject: { name: 'Child A', appearsAge: 15 }, inWriting: true, offenceWarningGiven: true, excludedArea: 'Marine Terrace to the Lido', ...over,
});

describe('/api/powers: the ASB powers register', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: Session, officer: Session, supervisor: Session, analyst: Session, partner: Session;
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
    partner = await signInAs(app, users.partner);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('records an authorisation and a direction to a child: one event each with the age at the event, the rule versions, a home visit task and the deadlines', async () => {
    const a = await call(officer, '/api/powers', 'POST', authorisation);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ type: 'dispersal_authorisation', stage: 'authorised', district: 'Thanet', endsAt: '2026-11-22T18:00:00.000Z', outsideRules: null });
    const d = await call(officer, '/api/powers', 'POST', direction());
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body).toMatchObject({ type: 'dispersal_direction', power: 'dispersal', stage: 'directed', parentId: a.body.id, subject: { ageAtEvent: 15, ageBasis: 'appears' } });
    expect(d.body.ruleVersions).toContain('default:powers.dispersal.max_hours@1');
    const shown = await call(officer, `/api/powers/${d.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.tasks).toEqual([expect.objectContaining({ kind: 'home_visit', due: '2026-11-27', status: 'open' })]);
    expect(shown.body.deadlines).toEqual([expect.objectContaining({ kind: 'exclusion_ends', due: '2026-11-23', at: '2026-11-23T20:15:00.000Z' })]);
    expect(shown.body.parent).toMatchObject({ id: a.body.id, type: 'dispersal_authorisation' });
    const events = await t.handle.db.selectFrom('power_event').selectAll().orderBy('id').execute();
    expect(events.map((e) => [e.power, e.stage, e.subject_age, e.subject_age_basis, e.district, e.lsoa_code])).toEqual([
      ['dispersal', 'authorised', null, 'not_applicable', 'Thanet', 'E01024000'], ['dispersal', 'directed', 15, 'appears', 'Thanet', 'E01024000']]);
    const audit = (await sql<{ action: string }>`select action from audit_log where action like 'powers.%' order by id`.execute(t.handle.db)).rows;
    expect(audit.map((x) => x.action)).toEqual(['powers.add', 'powers.add', 'powers.view']);
  });

  it('refuses a direction that breaks the rules with every finding (422), and the dry run says the same without saving', async () => {
    const bad = direction({ subject: { appearsAge: 9 }, exclusionEndsAt: '2026-11-24T20:15', inWriting: false });
    const r = await call(officer, '/api/powers', 'POST', bad);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('rule_refused');
    expect(r.body.error.findings.map((f: Json) => [f.rule, f.field])).toEqual([
      ['dispersal.min_age', 'subject.appearsAge'], ['dispersal.exclusion_period', 'exclusionEndsAt'], ['dispersal.in_writing', 'notInWritingReason']]);
    expect(r.body.error.findings[0].legalSource).toBe('CPS guidance on the dispersal power (Anti-social Behaviour, Crime and Policing Act 2014 s35)');
    const check = await call(officer, '/api/powers/check', 'POST', bad);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valid: false, district: 'Thanet' });
    expect(check.body.findings).toHaveLength(3);
    expect(check.body.deadlines.map((d: Json) => d.kind)).toEqual(['exclusion_ends', 'home_visit']);
    expect(Number((await t.handle.db.selectFrom('power_record').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(2);
  });

  it('refuses a local time that did not happen at the spring clock change (400 naming the field)', async () => {
    const r = await call(officer, '/api/powers/check', 'POST', direction({ occurredAt: '2026-03-29T01:30' }));
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^occurredAt: 2026-03-29 01:30 did not happen in the UK/);
    expect((await call(officer, '/api/powers/check', 'POST', { ...direction(), type: 'banning_order' })).status).toBe(400);
    const noProblem = await call(officer, '/api/powers/check', 'POST', direction({ problemId: 987654 }));
    expect([noProblem.status, noProblem.body.error.message]).toEqual([400, 'problemId: no problem 987654']);
  });

  it('records an act done outside the rules (sergeant or above, with a reason): flagged, counted apart, and a review task only a supervisor completes', async () => {
    const late = direction({ occurredAt: '2026-11-25T21:00', exclusionEndsAt: '2026-11-26T21:00', subject: { name: 'Adult B', appearsAge: 30 } });
    expect((await call(officer, '/api/powers', 'POST', late)).status).toBe(422);
    const pc = await call(officer, '/api/powers', 'POST', { ...late, outsideRules: { reason: 'Authorisation lapsed; direction given in error', recorderRank: 'constable' } });
    expect(pc.status).toBe(422);
    expect(pc.body.error.findings.map((f: Json) => f.rule)).toEqual(['dispersal.live_authorisation', 'powers.outside_rules_rank']);
    const ok = await call(officer, '/api/powers', 'POST', { ...late, outsideRules: { reason: 'Authorisation lapsed; direction given in error', recorderRank: 'sergeant' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.outsideRules).toMatchObject({ reason: 'Authorisation lapsed; direction given in error', recorderRank: 'sergeant', findings: [expect.objectContaining({ rule: 'dispersal.live_authorisation' })] });
    const flagged = await call(officer, '/api/powers?outsideRules=true');
    expect(flagged.body.records.map((x: Json) => x.id)).toEqual([ok.body.id]);
    const tasks = await call(officer, '/api/powers/tasks?kind=outside_rules_review');
    const review = tasks.body.tasks[0];
    expect(review).toMatchObject({ recordId: ok.body.id, status: 'open' });
    expect((await call(officer, `/api/powers/tasks/${review.id}`, 'POST', { outcome: 'Seen', done: true })).status).toBe(403);
    expect((await call(supervisor, `/api/powers/tasks/${review.id}`, 'POST', { done: true })).status).toBe(400);
    const done = await call(supervisor, `/api/powers/tasks/${review.id}`, 'POST', { outcome: 'Briefed the team on checking authorisations', done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', completedBy: 'user:supervisor1' });
    expect((await call(supervisor, `/api/powers/tasks/${review.id}`, 'POST', { outcome: 'again' })).status).toBe(409);
    const meets = await call(officer, '/api/powers', 'POST', { ...direction({ occurredAt: '2026-11-21T21:00', exclusionEndsAt: '2026-11-22T21:00' }), outsideRules: { reason: 'x', recorderRank: 'sergeant' } });
    expect(meets.status).toBe(400);
  });

  it('CPW then CPN: refused without a prior warning (s43(5)); with one, the time since is shown, differences flagged, the appeal deadline set', async () => {
    const subject = { name: 'Dan Noisy', dateOfBirth: '1990-02-28' };
    const cpn = { type: 'cpn', occurredAt: '2026-11-30T11:00', issuer: constable, place: thanet, subject, conductCategory: 'Noise', conduct: 'Amplified music at night', requirements: ['No amplified music after 22:00'], timeEnoughConfirmed: true };
    const refused = await call(officer, '/api/powers', 'POST', cpn);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('A CPN needs a prior written warning to this person for this conduct: none found.');
    expect(refused.body.error.findings[0].legalSource).toBe('Anti-social Behaviour, Crime and Policing Act 2014 s43(5)');
    const cpw = await call(officer, '/api/powers', 'POST', { ...cpn, type: 'cpw', occurredAt: '2026-11-02T10:00', requirements: ['No amplified music after 23:00'], timeEnoughConfirmed: undefined });
    expect(cpw.status, JSON.stringify(cpw.body)).toBe(201);
    const dry = await call(officer, '/api/powers/check', 'POST', { ...cpn, timeEnoughConfirmed: false });
    expect(dry.body.valid).toBe(false);
    expect(dry.body.derived).toMatchObject({ cpwId: cpw.body.id, daysSinceCpw: 28 });
    expect(dry.body.findings[0].message).toContain('since the written warning of 2026-11-02 (28 days ago)');
    const issued = await call(officer, '/api/powers', 'POST', cpn);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({ parentId: cpw.body.id, conductCategory: 'noise', subject: { ageAtEvent: 36, ageBasis: 'date_of_birth' } });
    expect(issued.body.notices[0].rule).toBe('cpn.requirements_differ');
    expect(issued.body.check.deadlines).toEqual([expect.objectContaining({ kind: 'cpn_appeal', due: '2026-12-20' })]);
    const fpn = await call(officer, '/api/powers', 'POST', { type: 'cpn_fpn', parentId: issued.body.id, occurredAt: '2026-12-03T10:00', failedAt: '2026-12-02T23:00', amountGbp: 500, issuer: constable });
    expect(fpn.status).toBe(422);
    expect(fpn.body.error.findings[0]).toMatchObject({ rule: 'cpn.fpn_amount', field: 'amountGbp' });
    const ok = await call(officer, '/api/powers', 'POST', { type: 'cpn_fpn', parentId: issued.body.id, occurredAt: '2026-12-03T10:00', failedAt: '2026-12-02T23:00', amountGbp: 100, issuer: constable });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ stage: 'fixed_penalty', rulesAt: '2026-12-02T23:00:00.000Z', subject: { name: 'Dan Noisy' } });
    expect(ok.body.check.deadlines[0]).toMatchObject({ kind: 'fpn_payment', due: '2026-12-17' });
  });

  it('s59: a seizure before 29 June 2026 needs a warning; after, none; warnings stay recordable', async () => {
    const seizure = { type: 's59_seizure', occurredAt: '2026-06-28T22:00', issuer: constable, place: thanet, subject: { name: 'Rider C', appearsAge: 19 }, vrm: 'ab12 cde', warnedThisOccasion: false };
    const before = await call(officer, '/api/powers/check', 'POST', seizure);
    expect(before.body.findings.map((f: Json) => f.rule)).toEqual(['s59.warning_before_seizure']);
    const after = await call(officer, '/api/powers', 'POST', { ...seizure, occurredAt: '2026-06-29T01:00' });
    expect(after.status).toBe(201);
    expect(after.body).toMatchObject({ vehicleVrm: 'AB12CDE', details: { warningRequired: false } });
    expect(after.body.ruleVersions).toContain('default:powers.s59.warning_required_before_seizure@2');
    expect((await call(officer, '/api/powers', 'POST', { type: 's59_warning', occurredAt: '2026-07-02T20:00', issuer: constable, place: thanet, subject: { name: 'Rider C' }, vrm: 'AB12CDE' })).status).toBe(201);
    const warned = await call(officer, '/api/powers', 'POST', { type: 's59_warning', occurredAt: '2026-05-02T20:00', issuer: constable, place: thanet, subject: { name: 'Rider D' }, vrm: 'XY99XYZ' });
    expect(warned.status).toBe(201);
    const seized = await call(officer, '/api/powers', 'POST', { ...seizure, subject: { name: 'rider d' }, vrm: 'QQ11QQQ', occurredAt: '2026-06-01T20:00' });
    expect(seized.status, JSON.stringify(seized.body)).toBe(201);
    expect(seized.body.details).toMatchObject({ exception: 'warned_previously', priorWarningId: warned.body.id });
  });

  it('closure at Christmas: a superintendent\'s 48-hour notice disregards Christmas Day; extension; order capped at 3 months', async () => {
    const notice = { type: 'closure_notice', occurredAt: '2025-12-24T10:00', issuer: { agency: 'police', rank: 'superintendent' }, place: thanet, periodHours: 48, premises: 'Flat 2, 10 High Street', hearingAt: '2025-12-27T09:30', licensedPremises: false };
    const n = await call(officer, '/api/powers', 'POST', notice);
    expect(n.status, JSON.stringify(n.body)).toBe(201);
    expect(n.body.endsAt).toBe('2025-12-27T10:00:00.000Z');
    expect(n.body.details.hearingBy).toBe('2025-12-27T10:00:00.000Z');
    const insp = await call(officer, '/api/powers', 'POST', { ...notice, issuer: { agency: 'police', rank: 'inspector' } });
    expect(insp.body.error.findings.map((f: Json) => f.rule)).toEqual(['closure.notice_period']);
    const order = await call(officer, '/api/powers', 'POST', { type: 'closure_order', parentId: n.body.id, occurredAt: '2025-12-27T09:45', endsOn: '2026-03-28', issuer: { agency: 'police', rank: 'inspector' } });
    expect(order.body.error.findings[0]).toMatchObject({ rule: 'closure.order_period', message: expect.stringContaining('ends by 2026-03-27') });
    const made = await call(officer, '/api/powers', 'POST', { type: 'closure_order', parentId: n.body.id, occurredAt: '2025-12-27T09:45', endsOn: '2026-03-27', issuer: { agency: 'police', rank: 'inspector' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const ext = await call(officer, '/api/powers', 'POST', { type: 'closure_order_extension', parentId: made.body.id, occurredAt: '2026-03-20T10:00', endsOn: '2026-06-27', issuer: { agency: 'police', rank: 'inspector' } });
    expect(ext.status, JSON.stringify(ext.body)).toBe(201);
    const shown = await call(officer, `/api/powers/${made.body.id}`);
    expect(shown.body.deadlines).toEqual([expect.objectContaining({ kind: 'closure_order_ends', due: '2026-03-27', superseded: true })]);
    expect(shown.body.followUps.map((f: Json) => f.type)).toEqual(['closure_order_extension']);
  });

  it('keeps to role and district: another district is forbidden to add and invisible to read; partners have no access', async () => {
    const medway = await call(admin, '/api/powers', 'POST', { ...authorisation, place: { district: 'Medway' }, locality: { lsoas: ['E01016000'] } });
    expect(medway.status, JSON.stringify(medway.body)).toBe(201);
    expect((await call(officer, '/api/powers', 'POST', { ...authorisation, place: { district: 'Medway' } })).status).toBe(403);
    expect((await call(officer, `/api/powers/${medway.body.id}`)).status).toBe(404);
    expect((await call(officer, '/api/powers')).body.records.some((r: Json) => r.district === 'Medway')).toBe(false);
    expect((await call(analyst, '/api/powers')).body.records.some((r: Json) => r.district === 'Medway')).toBe(true);
    expect((await call(analyst, '/api/powers', 'POST', authorisation)).status).toBe(403);
    expect((await call(partner, '/api/powers')).status).toBe(403);
    expect((await call(null, '/api/powers')).status).toBe(401);
  });

  it('lists the rules in force on a day; admins add a dated version, which applies from its date and not before', async () => {
    const r = await call(officer, '/api/powers/rules?at=2026-06-29');
    expect(r.status).toBe(200);
    expect(r.body.values.find((v: Json) => v.key === 'powers.cpn.fpn_max_gbp_2026')).toMatchObject({ value: null, inForce: false });
    expect(r.body.rules.find((x: Json) => x.id === 'cpn.prior_cpw')).toMatchObject({ legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s43(5)' });
    const set = { key: 'powers.cpn.fpn_max_gbp_2026', value: 500, effectiveFrom: '2026-12-03', source: 'Crime and Policing Act 2026 commencement (test)' };
    expect((await call(officer, '/api/powers/rules', 'POST', set)).status).toBe(403);
    expect((await call(admin, '/api/powers/rules', 'POST', { ...set, key: 'problems.something' })).status).toBe(400);
    expect((await call(admin, '/api/powers/rules', 'POST', set)).status).toBe(201);
    const cpn = (await call(officer, '/api/powers?type=cpn')).body.records[0];
    const fpn = (failedAt: string) => call(officer, '/api/powers/check', 'POST', { type: 'cpn_fpn', parentId: cpn.id, occurredAt: '2026-12-04T10:00', failedAt, amountGbp: 500, issuer: constable });
    expect((await fpn('2026-12-02T23:59')).body.valid).toBe(false);
    expect((await fpn('2026-12-03T00:00')).body).toMatchObject({ valid: true, derived: { maximumGbp: 500 } });
  });

  it('due: expiries, appeal deadlines and open home visits in scope (overdue first)', async () => {
    const due = await call(officer, '/api/powers/due?asOf=2026-11-22&days=30');
    expect(due.status).toBe(200);
    const kinds = due.body.items.map((i: Json) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['authorisation_expires', 'exclusion_ends', 'home_visit', 'cpn_appeal', 'fpn_payment']));
    expect(due.body.items.every((i: Json) => i.district === 'Thanet')).toBe(true);
    const later = await call(officer, '/api/powers/due?asOf=2026-12-01&days=1');
    expect(later.body.items[0]).toMatchObject({ kind: 'home_visit', overdue: true });
    const visit = (await call(officer, '/api/powers/tasks?kind=home_visit')).body.tasks[0];
    expect((await call(officer, `/api/powers/tasks/${visit.id}`, 'POST', { letterSentOn: '2026-11-23', visitMadeOn: '2026-11-26', outcome: 'Mother seen; youth service referral', done: true })).body).toMatchObject({ status: 'done', visitMadeOn: '2026-11-26' });
    expect((await call(officer, '/api/powers/due?asOf=2026-12-01&days=1')).body.items.some((i: Json) => i.kind === 'home_visit')).toBe(false);
  });

  it('takes the subject\'s date of birth from a linked person record (29 February birthday), and lists by person', async () => {
    const person = await call(officer, '/api/people', 'POST', { givenName: 'Leap', familyName: 'Year', dateOfBirth: '2008-02-29', district: 'Thanet', confirmNew: true });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const cpw = { type: 'cpw', issuer: constable, place: thanet, subject: { personId: person.body.id }, conductCategory: 'Vehicles', conduct: 'Revving engines in the car park', requirements: ['Do not gather in the car park after 21:00'] };
    const before = await call(officer, '/api/powers/check', 'POST', { ...cpw, occurredAt: '2024-02-28T12:00' });
    expect(before.body.findings.map((f: Json) => [f.rule, f.field])).toEqual([['cpn.recipient_age', 'subject.dateOfBirth']]);
    const r = await call(officer, '/api/powers', 'POST', { ...cpw, occurredAt: '2024-02-29T12:00' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.subject).toMatchObject({ personId: person.body.id, name: 'Leap Year', dateOfBirth: '2008-02-29', ageAtEvent: 16, ageBasis: 'date_of_birth' });
    const listed = await call(officer, `/api/powers?person=${person.body.id}`);
    expect(listed.body.records.map((x: Json) => x.id)).toEqual([r.body.id]);
    expect((await call(officer, '/api/powers/check', 'POST', { ...cpw, occurredAt: '2024-02-29T12:00', subject: { personId: 99999999 } })).status).toBe(404);
    const ctx = makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' } });
    const sar = await ctx.tx((tx) => powersModule.subjectAccess!(tx, person.body.id));
    expect(sar).toEqual({ powers: [expect.objectContaining({ id: r.body.id, type: 'cpw', conductCategory: 'vehicles' })] });
    expect(await ctx.tx((tx) => powersModule.subjectAccess!(tx, 99999999))).toBeNull();
  });
});
