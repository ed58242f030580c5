import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/policy.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { createApp } from '../../server/app.js';
import { offendersModule } from './index.js';
import { makeContext } from '../../platform/module/context.js';
import { offendersSection } from './offenders.report.js';

const auditKey = Buffer.from('o'.repeat(32));
const POLICE = sql`(select id from partner_agency where name = 'Kent Police')`;

describe('offender management over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<Role, Session>;
  const call = (role: Role, path: string, method = 'GET', body?: unknown) => asUser(app, s[role], path, { method, ...(body !== undefined ? { body } : {}) });
  const person = async (id: number, given: string, family: string, dob: string | null, district = 'Thanet') => {
    await sql`insert into person (id, given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by) values (${id}, ${given}, ${family}, ${dob}, ${district}, ${POLICE}, 'cli:test')`.execute(t.handle.db);
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ROLES) s[role] = await signInAs(app, users[role]);
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(t.handle.db);
    await sql`insert into user_district (user_id, district) select id, 'Dover' from app_user where username = 'analyst1'`.execute(t.handle.db);
    await person(1, 'Zoë', 'Adult', '1990-04-01');
    await person(2, 'Chelsea', 'Young', '2010-08-20'); // 15 in 2026
    await person(3, 'Rory', 'Twentyfive', '2000-12-10'); // 25 until 2026-12-09
    await person(4, 'Dana', 'Elsewhere', '1995-01-01', 'Dover');
    const occ = (pid: number, cat: string, on: string) => sql`insert into person_occurrence (person_id, role, category, occurred_on, district, created_by) values (${pid}, 'offender', ${cat}, ${on}, 'Thanet', 'cli:test')`.execute(t.handle.db);
    for (const on of ['2026-01-05', '2026-01-20', '2026-02-10', '2026-02-25']) await occ(2, 'Shoplifting', on);
    await occ(2, 'Public order', '2026-02-27');
    await occ(2, 'Shoplifting', '2026-04-02');
    await occ(1, 'Robbery', '2026-10-01');
    await occ(1, 'Shoplifting', '2026-11-01');
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  let iom = 0;
  let vru = 0;
  it('adds tags to the inventory (funder from the configured list; serials unique)', async () => {
    const a = await call('supervisor', '/api/offenders/tags', 'POST', { serial: 'BUD-001', type: 'gps', funder: 'iom', district: 'Thanet' });
    expect(a.status).toBe(201);
    const tag = await a.json() as { id: number; funder: string; status: string };
    expect(tag).toMatchObject({ funder: 'IOM', status: 'available' });
    iom = tag.id;
    vru = (await (await call('admin', '/api/offenders/tags', 'POST', { serial: 'BUD-ALC-1', type: 'alcohol', funder: 'VRU', district: 'Thanet' })).json() as { id: number }).id;
    expect((await call('admin', '/api/offenders/tags', 'POST', { serial: 'bud-001', type: 'gps', funder: 'IOM', district: 'Thanet' })).status).toBe(409);
    const bad = await call('admin', '/api/offenders/tags', 'POST', { serial: 'X', type: 'gps', funder: 'Lottery', district: 'Thanet' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^funder: 'Lottery' is not a tag funder/);
    expect((await call('officer', '/api/offenders/tags', 'POST', { serial: 'Y', type: 'gps', funder: 'IOM', district: 'Thanet' })).status).toBe(403);
    expect((await call('supervisor', '/api/offenders/tags', 'POST', { serial: 'Z', type: 'gps', funder: 'IOM', district: 'Dover' })).status).toBe(403);
  });

  it('refuses a child\'s allocation without a named parent or carer (422 with findings), then allocates', async () => {
    const body = { personId: 2, allocatedOn: '2026-03-01', monitoringUntil: '2026-08-31', consent: { subject: true } };
    const r = await call('officer', `/api/offenders/tags/${vru}/allocate`, 'POST', body);
    expect(r.status).toBe(422);
    const e = (await r.json()) as { error: { findings: { rule: string; field: string }[] } };
    expect(e.error.findings.map((f) => f.rule)).toEqual(['tag.child_parent_consent']);
    const ok = await call('officer', `/api/offenders/tags/${vru}/allocate`, 'POST', { ...body, consent: { subject: true, parentOrCarer: true, parentOrCarerName: 'Mrs Young' } });
    expect(ok.status).toBe(200);
    const tag = await ok.json() as { status: string; allocations: { ageAtAllocation: number; eligibilityVersion: string }[] };
    expect(tag.status).toBe('allocated');
    expect(tag.allocations[0]).toMatchObject({ ageAtAllocation: 15, eligibilityVersion: 'default:offenders.tag_funder_age_limits@1' });
  });

  it('a tag cannot be allocated twice at once; the same request again changes nothing', async () => {
    const again = await call('officer', `/api/offenders/tags/${vru}/allocate`, 'POST', { personId: 1, allocatedOn: '2026-03-02', consent: { subject: true } });
    expect(again.status).toBe(409);
    const audits = async () => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'offender_tag_allocation'`.execute(t.handle.db)).rows[0]!.n);
    const before = await audits();
    expect((await call('officer', `/api/offenders/tags/${vru}/allocate`, 'POST', { personId: 2, allocatedOn: '2026-03-01', consent: { subject: true, parentOrCarer: true, parentOrCarerName: 'Mrs Young' } })).status).toBe(200);
    expect(await audits()).toBe(before);
    await expect(sql`insert into offender_tag_allocation (tag_id, person_id, allocated_on, consent_subject, funder, allocated_by) values (${vru}, 1, '2026-03-03', true, 'VRU', 'x')`.execute(t.handle.db)).rejects.toThrow();
  });

  it('VRU tags: 25 on the day is eligible (inclusive bound), 26 is not; IOM tags have no age limit', async () => {
    const v2 = (await (await call('admin', '/api/offenders/tags', 'POST', { serial: 'VRU-2', type: 'gps', funder: 'VRU', district: 'Thanet' })).json() as { id: number }).id;
    const old = await call('officer', `/api/offenders/tags/${v2}/allocate`, 'POST', { personId: 1, allocatedOn: '2026-03-01', consent: { subject: true } });
    expect(old.status).toBe(422);
    expect(((await old.json()) as { error: { findings: { rule: string; message: string }[] } }).error.findings[0]).toMatchObject({ rule: 'tag.funder_eligibility', message: expect.stringMatching(/up to and including 25: the person is 35/) });
    expect((await call('officer', `/api/offenders/tags/${v2}/allocate`, 'POST', { personId: 3, allocatedOn: '2025-12-09', consent: { subject: true } })).status).toBe(200);
    expect((await call('officer', `/api/offenders/tags/${iom}/allocate`, 'POST', { personId: 1, allocatedOn: '2026-10-15', consent: { subject: true } })).status).toBe(200);
  });

  it('alerts and notes on the allocation, then return; a returned tag is made available before reuse', async () => {
    expect((await call('officer', `/api/offenders/tags/${vru}/events`, 'POST', { kind: 'alert', occurredOn: '2026-03-15', text: 'Alcohol reading' })).status).toBe(200);
    expect((await call('officer', `/api/offenders/tags/${vru}/events`, 'POST', { kind: 'alert', occurredOn: '2026-02-01', text: 'Before' })).status).toBe(400);
    const ret = await call('officer', `/api/offenders/tags/${vru}/return`, 'POST', { endedOn: '2026-08-31', reason: 'Monitoring period ended' });
    expect(ret.status).toBe(200);
    expect(((await ret.json()) as { status: string }).status).toBe('returned');
    expect((await call('officer', `/api/offenders/tags/${vru}/allocate`, 'POST', { personId: 3, allocatedOn: '2026-09-01', consent: { subject: true } })).status).toBe(409);
    expect((await call('supervisor', `/api/offenders/tags/${vru}/status`, 'POST', { to: 'available' })).status).toBe(200);
    const tag = await (await call('analyst', `/api/offenders/tags/${vru}`)).json() as { allocations: { events: unknown[]; endedOn: string }[] };
    expect(tag.allocations[0]).toMatchObject({ endedOn: '2026-08-31', events: [expect.objectContaining({ kind: 'alert', text: 'Alcohol reading' })] });
  });

  let cohort = 0;
  let membership = 0;
  it('cohorts: type from the configured list, memberships with reasons, no overlap, de-selection; reviews are due items', async () => {
    expect((await call('supervisor', '/api/offenders/cohorts', 'POST', { name: 'X', type: 'ViSOR', district: 'Thanet' })).status).toBe(422);
    const c = await call('supervisor', '/api/offenders/cohorts', 'POST', { name: 'Thanet IOM', type: 'iom fixed', district: 'Thanet' });
    expect(c.status).toBe(201);
    cohort = ((await c.json()) as { id: number; type: string }).id;
    const m = await call('officer', `/api/offenders/cohorts/${cohort}/members`, 'POST', { personId: 1, selectedOn: '2026-09-01', selectionReason: 'Robbery and shoplifting', nextReviewDue: '2026-11-01' });
    expect(m.status).toBe(201);
    const detail = (await m.json()) as { memberships: { id: number; reviewOverdue: boolean }[]; members: number };
    membership = detail.memberships[0]!.id;
    expect((await call('officer', `/api/offenders/cohorts/${cohort}/members`, 'POST', { personId: 1, selectedOn: '2026-10-01', selectionReason: 'again' })).status).toBe(422);
    expect((await call('officer', `/api/offenders/cohorts/${cohort}/members`, 'POST', { personId: 4, selectedOn: '2026-10-01', selectionReason: 'Dover person' })).status).toBe(400);
    const due = await offendersModule.due!(makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'districts', districts: ['Thanet'] } }), { asOf: '2026-12-05', until: '2026-12-19' });
    expect(due).toEqual([expect.objectContaining({ source: 'offenders', kind: 'cohort_review', recordId: cohort, itemId: membership, due: '2026-11-01' })]);
    const bad = await call('officer', `/api/offenders/cohorts/${cohort}/members/${membership}`, 'PATCH', { deselectedOn: '2026-08-01', deselectionReason: 'x' });
    expect(bad.status).toBe(422);
  });

  it('scope: a Thanet officer does not see a Dover cohort; partners and auditors see nothing', async () => {
    const dover = (await (await call('admin', '/api/offenders/cohorts', 'POST', { name: 'Dover PN', type: 'Priority nominals', district: 'Dover' })).json() as { id: number }).id;
    expect((await call('officer', `/api/offenders/cohorts/${dover}`)).status).toBe(404);
    const list = (await (await call('officer', '/api/offenders/cohorts')).json()) as { cohorts: { id: number }[] };
    expect(list.cohorts.map((x) => x.id)).toEqual([cohort]);
    expect((await call('partner', '/api/offenders/tags')).status).toBe(403);
    expect((await call('auditor', '/api/offenders/cohorts')).status).toBe(403);
  });

  it('before/after: equal windows around the tag, with the regression warning; the view is audited', async () => {
    const person = (await (await call('officer', '/api/offenders/people/2')).json()) as { allocations: { id: number }[] };
    const r = await call('officer', `/api/offenders/people/2/before-after?allocation=${person.allocations[0]!.id}&windowDays=60`);
    expect(r.status).toBe(200);
    const b = (await r.json()) as { windows: { before: { from: string } }; byType: unknown[]; warnings: string[]; provenance: { limits: string[] } };
    expect(b.windows.before.from).toBe('2025-12-31');
    expect(b.byType).toEqual([
      { kind: 'incident', type: 'Shoplifting', before: 4, after: 1, change: -3 },
      { kind: 'incident', type: 'Public order', before: 1, after: 0, change: -1 },
    ]);
    expect(b.warnings[0]).toMatch(/regression to the mean/);
    expect(b.provenance.limits[0]).toMatch(/Outcomes/);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'person' and record_id = '2' and action = 'view'`.execute(t.handle.db);
    expect(audited.rows[0]!.n).toBeGreaterThan(0);
    expect((await call('officer', '/api/offenders/people/2/before-after')).status).toBe(400);
  });

  it('case study: the pseudonym replaces the person\'s names, carers are removed, the export is audited', async () => {
    const person = (await (await call('officer', '/api/offenders/people/2')).json()) as { allocations: { id: number }[] };
    const body = { pseudonym: 'Chloe', allocation: person.allocations[0]!.id, background: 'Chelsea Young was drinking in the park; Mrs Young asked for help.', benefits: ['Chelsea stopped shoplifting'], format: 'html' };
    const r = await call('officer', '/api/offenders/people/2/case-study', 'POST', body);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const html = await r.text();
    expect(html, html).toContain('Chloe was drinking in the park; [name removed] asked for help.');
    expect(html).toContain('<li>Chloe stopped shoplifting</li>');
    expect(html).toMatch(/Chloe was 15 when a VRU-funded Alcohol tag was fitted voluntarily/);
    expect(html).not.toMatch(/Chelsea|Young/);
    const preview = (await (await call('officer', '/api/offenders/people/2/case-study', 'POST', { ...body, format: 'preview' })).json()) as { redactions: number };
    expect(preview.redactions).toBeGreaterThan(0);
    expect((await call('officer', '/api/offenders/people/2/case-study', 'POST', { ...body, pseudonym: 'Chelsea' })).status).toBe(400);
    const exported = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'person' and record_id = '2' and action = 'export'`.execute(t.handle.db);
    expect(exported.rows[0]!.n).toBe(1);
  });

  it.runIf(fs.existsSync(process.env.HUB_CHROMIUM ?? '/usr/bin/chromium'))('case study as PDF (Chromium)', async () => {
    const person = (await (await call('officer', '/api/offenders/people/2')).json()) as { allocations: { id: number }[] };
    const r = await call('officer', '/api/offenders/people/2/case-study', 'POST', { pseudonym: 'Chloe', allocation: person.allocations[0]!.id, benefits: ['Attendance at school improved'], format: 'pdf' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.OFFENDERS_PDF_OUT) fs.writeFileSync(process.env.OFFENDERS_PDF_OUT, bytes);
  }, 60_000);

  it('top N: ranked by recency-frequency-gravity with parameters stated and current interventions beside', async () => {
    const r = await call('analyst', '/api/offenders/top?district=Thanet&to=2026-12-01&n=5');
    expect(r.status).toBe(200);
    const top = (await r.json()) as { people: { personId: number; rank: number; interventions: string[] }[]; provenance: { scoring: string; limits: string[] } };
    expect(top.people.map((p) => p.personId)).toEqual([1, 2]);
    expect(top.people[0]!.interventions.join(' ')).toMatch(/Cohort: Thanet IOM.*IOM GPS tag since 2026-10-15|IOM GPS tag since 2026-10-15.*Cohort/);
    expect(top.provenance.scoring).toMatch(/harm index: Shoplifting 2/);
    expect((await call('officer', '/api/offenders/top?district=Dover')).status).toBe(403);
    expect((await call('officer', '/api/offenders/top')).status).toBe(400);
  });

  it('top N: the powers register\'s enforcement in the period beside each person (through the powers module), none outside it', async () => {
    const cpw = { type: 'cpw', issuer: { agency: 'police', rank: 'constable' }, place: { district: 'Thanet' }, subject: { personId: 1 }, conductCategory: 'Harassment', conduct: 'Abuse of shop staff', requirements: ['Do not enter the Westwood Cross shops'] };
    const added = await call('admin', '/api/powers', 'POST', { ...cpw, occurredAt: '2026-11-10T10:00' });
    expect(added.status, await added.clone().text()).toBe(201);
    const old = await call('admin', '/api/powers', 'POST', { type: 's59_warning', issuer: { agency: 'police' }, place: { district: 'Thanet' }, subject: { personId: 2 }, vrm: 'KX10 ABC', occurredAt: '2024-01-10T10:00' });
    expect(old.status, await old.clone().text()).toBe(201);
    const top = (await (await call('analyst', '/api/offenders/top?district=Thanet&to=2026-12-01&n=5')).json()) as { people: { personId: number; enforcement: { type: string; on: string; what: string }[] }[]; provenance: { enforcement: string; limits: string[] } };
    expect(top.people.find((p) => p.personId === 1)!.enforcement).toEqual([expect.objectContaining({ type: 'cpw', on: '2026-11-10', what: 'Community protection warning (harassment) on 2026-11-10' })]);
    expect(top.people.find((p) => p.personId === 2)!.enforcement).toEqual([]);
    expect(top.provenance.enforcement).toMatch(/^Acts recorded in the ASB powers register against each person from \d{4}-\d{2}-\d{2} to 2026-12-01/);
    expect(top.provenance.limits.join(' ')).not.toMatch(/no powers register/);
  });

  it('counts for the report: tags in use by funder on a day, inventory, cohort sizes', async () => {
    const c = (await (await call('admin', '/api/offenders/counts?asOf=2026-03-15')).json()) as { tagsInUseByFunder: unknown[]; cohortSizes: unknown[]; provenance: { demo: boolean } };
    expect(c.tagsInUseByFunder).toEqual([{ funder: 'VRU', type: 'alcohol', count: 1 }, { funder: 'VRU', type: 'gps', count: 1 }]);
    const later = (await (await call('admin', '/api/offenders/counts?asOf=2026-11-01')).json()) as { tagsInUseByFunder: unknown[]; cohortSizes: unknown[] };
    expect(later.tagsInUseByFunder).toEqual([{ funder: 'IOM', type: 'gps', count: 1 }, { funder: 'VRU', type: 'gps', count: 1 }]);
    expect(later.cohortSizes).toEqual(expect.arrayContaining([{ type: 'IOM fixed', district: 'Thanet', members: 1 }]));
    expect(c.provenance.demo).toBe(false);
    // The report section takes the same counts on the quarter's last day.
    const ctx = makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' } });
    const q4 = await offendersSection(ctx, { quarter: '2026Q1', from: '2026-01-01', to: '2026-03-31', previousYear: { from: '2025-01-01', to: '2025-03-31' }, asOf: '2026-12-05' });
    const tags = q4.tables.find((x) => x.id === 'tags-in-use')!;
    const onDay = (await (await call('admin', '/api/offenders/counts?asOf=2026-03-31')).json()) as { tagsInUseByFunder: { count: number }[] };
    expect(tags.cells.flat().reduce((a, b) => a + b, 0)).toBe(onDay.tagsInUseByFunder.reduce((n, r) => n + r.count, 0));
    expect(tags.title).toBe('Tags in use on 2026-03-31, by funder and type');
  });

  it('subject access lists the memberships and allocations of a person', async () => {
    const out = await makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' } }).tx((tx) => offendersModule.subjectAccess!(tx, 2));
    expect(out).toMatchObject({ tagAllocations: [expect.objectContaining({ funder: 'VRU', consent: expect.objectContaining({ parentOrCarerName: 'Mrs Young' }) })] });
    expect(await makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' } }).tx((tx) => offendersModule.subjectAccess!(tx, 4))).toBeNull();
  });
  it('demo records: seeded in the demo district (labelled demo), counted as demo, removed again', async () => {
    await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by) values (90, 'Demo', 'Person', 'Thanet', ${POLICE}, 'demo')`.execute(t.handle.db);
    const ctx = makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' } });
    await ctx.tx((tx) => offendersModule.demo!.seed!(tx, { district: 'Thanet' }));
    const tags = (await (await call('admin', '/api/offenders/tags?funder=IOM')).json()) as { tags: { serial: string; note: string; current: { personId: number } | null }[] };
    expect(tags.tags.filter((x) => x.serial.startsWith('DEMO-')).map((x) => [x.serial, x.note, x.current?.personId ?? null])).toEqual([['DEMO-IOM-GPS-01', 'Demo record', 90], ['DEMO-IOM-GPS-02', 'Demo record', null]]);
    expect(((await (await call('admin', '/api/offenders/counts')).json()) as { provenance: { demo: boolean } }).provenance.demo).toBe(true);
    await ctx.tx((tx) => offendersModule.demo!.remove(tx));
    const left = await sql<{ n: number }>`select (select count(*) from offender_tag where created_by = 'demo') + (select count(*) from offender_cohort where created_by = 'demo') + (select count(*) from offender_tag_allocation where person_id = 90) as n`.execute(t.handle.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
