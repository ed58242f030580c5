import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/policy.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { createApp } from '../../server/app.js';
import { makeContext } from '../../platform/module/context.js';
import { engagementModule } from './index.js';
import { engagementSection } from './engagement.report.js';

const auditKey = Buffer.from('e'.repeat(32));
const Q3 = { quarter: '2025Q3', from: '2025-07-01', to: '2025-09-30', previousYear: { from: '2024-07-01', to: '2024-09-30' }, asOf: '2026-12-06' };

describe('engagement over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<Role, Session>;
  const ids = {} as Record<string, number>;
  const call = (role: Role, path: string, method = 'GET', body?: unknown) => asUser(app, s[role], path, { method, ...(body !== undefined ? { body } : {}) });
  const j = async <T = Record<string, unknown>>(r: Response) => (await r.json()) as T;
  const msg = async (r: Response) => (await j<{ error: { message: string } }>(r)).error.message;
  const cli = (districts: string[] | null) => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: districts ? { kind: 'districts', districts } : { kind: 'all' } });
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.handle.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ROLES) s[role] = await signInAs(app, users[role]);
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police'), ('Thanet District Council', 'council') on conflict (name) do nothing`.execute(t.handle.db);
    await sql`insert into user_district (user_id, district) select id, 'Dover' from app_user where username = 'analyst1'`.execute(t.handle.db); // Dover becomes a known district
    ids.council = Number((await sql<{ id: number }>`select id from partner_agency where name = 'Thanet District Council'`.execute(t.handle.db)).rows[0]!.id);
    await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by) values (71, 'Rita', 'Resident', 'Thanet', (select id from partner_agency where name = 'Kent Police'), 'cli:test')`.execute(t.handle.db);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('campaigns: national force-wide (supervisor or admin) or local in your district; figures need their source', async () => {
    expect((await call('officer', '/api/engagement/campaigns', 'POST', { name: 'Ask for Angela', origin: 'national', channel: 'Posters', startsOn: '2025-07-01' })).status).toBe(403);
    const nat = await call('supervisor', '/api/engagement/campaigns', 'POST', { name: 'Clock it, Check it, Change it', origin: 'national', channel: 'Social media', startsOn: '2025-06-15', endsOn: '2025-08-31', audience: 'Young people' });
    expect(nat.status).toBe(201);
    ids.national = (await j<{ id: number }>(nat)).id;
    const noDistrict = await call('officer', '/api/engagement/campaigns', 'POST', { name: 'Local', origin: 'local', channel: 'Radio', startsOn: '2025-07-01' });
    expect(noDistrict.status).toBe(403);
    const local = await call('officer', '/api/engagement/campaigns', 'POST', { name: 'Margate safer streets', origin: 'local', district: 'Thanet', channel: 'Leaflets', startsOn: '2025-09-01' });
    expect(local.status).toBe(201);
    ids.local = (await j<{ id: number }>(local)).id;
    expect((await call('officer', '/api/engagement/campaigns', 'POST', { name: 'Dover', origin: 'local', district: 'Dover', channel: 'Radio', startsOn: '2025-07-01' })).status).toBe(403);
    const before = await count('engagement_campaign');
    const unsourced = await call('admin', '/api/engagement/campaigns', 'POST', { name: 'X', origin: 'national', channel: 'TV', startsOn: '2025-07-01', reach: 100 });
    expect(unsourced.status).toBe(422);
    expect((await j<{ error: { findings: { rule: string }[] } }>(unsourced)).error.findings.map((f) => f.rule)).toEqual(['engagement.figures_sourced']);
    const badDates = await call('admin', '/api/engagement/campaigns', 'POST', { name: 'X', origin: 'national', channel: 'TV', startsOn: '2025-07-01', endsOn: '2025-06-30' });
    expect(badDates.status).toBe(422);
    const badOrigin = await call('admin', '/api/engagement/campaigns', 'POST', { name: 'X', origin: 'regional', channel: 'TV', startsOn: '2025-07-01' });
    expect(badOrigin.status).toBe(400);
    expect(await msg(badOrigin)).toBe('origin: must be national or local');
    expect(await count('engagement_campaign')).toBe(before);
    // Officers may not change a force-wide campaign's figures; supervisors may.
    const figures = { reach: 18400, engagements: 1260, figuresSource: 'Platform analytics export', figuresAsOf: '2025-09-01' };
    expect((await call('officer', `/api/engagement/campaigns/${ids.national}`, 'PATCH', figures)).status).toBe(403);
    const upd = await call('supervisor', `/api/engagement/campaigns/${ids.national}`, 'PATCH', figures);
    expect(upd.status).toBe(200);
    expect(await j(upd)).toMatchObject({ reach: 18400, engagements: 1260 });
    expect((await call('supervisor', `/api/engagement/campaigns/${ids.national}`, 'PATCH', { figuresSource: null })).status).toBe(422);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'engagement_campaign'`.execute(t.handle.db);
    expect(audits.rows[0]!.n).toBe(3);
  });

  it('events: attendance and partners; attendance not before the day; district scope', async () => {
    const ev = await call('officer', '/api/engagement/events', 'POST', { title: 'Margate police open day', kind: 'open_day', district: 'Thanet', heldOn: '2025-08-16', venue: 'Margate station', attendance: 350, partnerIds: [ids.council], otherPartners: 'Kent Fire and Rescue' });
    expect(ev.status).toBe(201);
    const e = await j<{ id: number; partners: { name: string }[] }>(ev);
    expect(e.partners.map((p) => p.name)).toEqual(['Thanet District Council']);
    ids.event = e.id;
    const school = await j<{ id: number }>(await call('officer', '/api/engagement/events', 'POST', { title: 'School talk', kind: 'school_visit', district: 'Thanet', heldOn: '2025-09-10', campaignId: ids.national }));
    ids.school = school.id;
    expect((await call('officer', '/api/engagement/events', 'POST', { title: 'Future', kind: 'stall', district: 'Thanet', heldOn: '2099-01-01', attendance: 5 })).status).toBe(422);
    const badPartner = await call('officer', '/api/engagement/events', 'POST', { title: 'X', kind: 'stall', district: 'Thanet', heldOn: '2025-09-01', partnerIds: [999999] });
    expect(badPartner.status).toBe(400);
    expect(await msg(badPartner)).toBe('partnerIds.0: no partner agency 999999');
    const badKind = await call('officer', '/api/engagement/events', 'POST', { title: 'X', kind: 'party', district: 'Thanet', heldOn: '2025-09-01' });
    expect(await msg(badKind)).toMatch(/^kind: must be one of open_day/);
    const dover = await j<{ id: number }>(await call('admin', '/api/engagement/events', 'POST', { title: 'Dover stall', kind: 'stall', district: 'Dover', heldOn: '2025-07-20', attendance: 40 }));
    ids.dover = dover.id;
    expect((await call('officer', `/api/engagement/events/${dover.id}`)).status).toBe(404);
    expect((await call('officer', `/api/engagement/events/${dover.id}`, 'PATCH', { attendance: 1 })).status).toBe(404);
    const upd = await call('officer', `/api/engagement/events/${ids.school}`, 'PATCH', { attendance: 180 });
    expect(await j(upd)).toMatchObject({ attendance: 180, campaign: 'Clock it, Check it, Change it' });
    expect((await call('partner', '/api/engagement/events')).status).toBe(403);
    expect((await call('auditor', '/api/engagement/events')).status).toBe(403);
  });

  it('feedback: consent to publish recorded (day and how), names only in the audited single view; withdrawal', async () => {
    const noHow = await call('officer', '/api/engagement/feedback', 'POST', { kind: 'compliment', receivedOn: '2025-08-17', district: 'Thanet', quote: 'A brilliant day.', consent: { toPublish: true } });
    expect(noHow.status).toBe(422);
    const ok = await call('officer', '/api/engagement/feedback', 'POST', {
      kind: 'compliment', receivedOn: '2025-08-17', district: 'Thanet', eventId: ids.event, fromName: 'Rita Resident', personId: 71, attribution: 'a resident',
      quote: 'A brilliant day. My children loved meeting the officers.', consent: { toPublish: true, recordedOn: '2025-08-18', how: 'email' },
    });
    expect(ok.status).toBe(201);
    ids.fb = (await j<{ id: number }>(ok)).id;
    const quiet = await j<{ id: number }>(await call('officer', '/api/engagement/feedback', 'POST', { kind: 'feedback', receivedOn: '2025-08-20', district: 'Thanet', fromName: 'Sam Private', quote: 'More parking please.' }));
    ids.quiet = quiet.id;
    await call('admin', '/api/engagement/feedback', 'POST', { kind: 'compliment', receivedOn: '2025-07-21', district: 'Dover', quote: 'Dover thanks you.', attribution: 'a shopkeeper', consent: { toPublish: true, recordedOn: '2025-07-21', how: 'signed form' } });
    const list = await j<{ feedback: Record<string, unknown>[] }>(await call('officer', '/api/engagement/feedback'));
    expect(list.feedback).toHaveLength(2);
    expect(list.feedback.every((f) => !('fromName' in f))).toBe(true);
    const one = await j<{ fromName: string; event: string }>(await call('officer', `/api/engagement/feedback/${ids.fb}`));
    expect(one).toMatchObject({ fromName: 'Rita Resident', event: 'Margate police open day' });
    const views = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'engagement_feedback' and action = 'view' and record_id = ${String(ids.fb)}`.execute(t.handle.db);
    expect(views.rows[0]!.n).toBeGreaterThanOrEqual(1);
    expect((await call('officer', `/api/engagement/feedback/${ids.quiet}/consent`, 'POST', { toPublish: false })).status).toBe(422);
    expect((await call('officer', '/api/engagement/feedback', 'POST', { kind: 'compliment', receivedOn: '2025-08-17', district: 'Thanet', quote: 'x', personId: 99999 })).status).toBe(400);
    // Subject access: the person's feedback.
    const sar = await cli(null).tx((tx) => engagementModule.subjectAccess!(tx, 71));
    expect(sar).toEqual({ feedback: [expect.objectContaining({ fromName: 'Rita Resident', consentToPublish: true })] });
    expect(await cli(null).tx((tx) => engagementModule.subjectAccess!(tx, 72))).toBeNull();
  });

  it('the quarterly report: campaigns and events of the quarter, and only consented quotes (withdrawal respected)', async () => {
    const sec = await engagementSection(cli(['Thanet']), Q3);
    expect(sec.figures.map((f) => [f.id, f.count])).toEqual([['campaigns', 2], ['compliments', 1], ['feedback', 1]]);
    const events = sec.tables.find((x) => x.id === 'events')!;
    expect([events.rows, events.cols, events.cells]).toEqual([['Open day', 'School visit'], ['Thanet'], [[1], [1]]]);
    expect(sec.tables.find((x) => x.id === 'event-attendance')!.cells).toEqual([[350], [180]]);
    expect(sec.tables.find((x) => x.id === 'campaign-figures')!.cells).toEqual([[18400, 1260]]);
    const quotes = sec.notes.filter((n) => n.startsWith('"'));
    expect(quotes).toEqual(['"A brilliant day. My children loved meeting the officers." (a resident, Thanet, 2025-08-17; published with consent)']);
    expect(sec.notes.join(' ')).not.toMatch(/Rita|Sam Private|parking/);
    const all = await engagementSection(cli(null), Q3);
    expect(all.notes.filter((n) => n.startsWith('"'))).toHaveLength(2);
    // Withdrawn consent keeps the quote out.
    const w = await call('officer', `/api/engagement/feedback/${ids.fb}/consent`, 'POST', { toPublish: false, recordedOn: '2025-10-02', how: 'phone call' });
    expect(w.status).toBe(200);
    expect((await engagementSection(cli(['Thanet']), Q3)).notes.filter((n) => n.startsWith('"'))).toEqual([]);
    const api = await j<{ quotes: unknown[]; events: unknown[] }>(await call('analyst', '/api/engagement/summary?from=2025-07-01&to=2025-09-30'));
    expect(api.quotes).toHaveLength(1);
    expect(api.events).toHaveLength(3);
    const empty = await engagementSection(cli(null), { ...Q3, quarter: '2024Q1', from: '2024-01-01', to: '2024-03-31' });
    expect(empty).toEqual({ figures: [], tables: [], notes: ['No engagement campaigns are recorded for the quarter.', 'No engagement events are recorded for the quarter.'] });
  });

  it('demo records in the demo district: seeded and removed', async () => {
    const ctx = makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'demo' }, scope: { kind: 'all' }, now: () => new Date('2026-12-06T12:00:00Z') });
    await ctx.tx((tx) => engagementModule.demo!.seed!(tx, { district: 'Demoshire' }));
    const section = await engagementSection(cli(['Demoshire']), { quarter: '2026Q4', from: '2026-10-01', to: '2026-12-31', previousYear: { from: '2025-10-01', to: '2025-12-31' }, asOf: '2026-12-06' });
    expect(section.figures.find((f) => f.id === 'campaigns')!.count).toBe(2);
    expect(section.notes.filter((n) => n.startsWith('"'))).toHaveLength(1);
    await ctx.tx((tx) => engagementModule.demo!.remove(tx));
    for (const table of ['engagement_campaign', 'engagement_event', 'engagement_feedback']) {
      expect(Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where created_by = 'demo'`.execute(t.handle.db)).rows[0]!.n), table).toBe(0);
    }
  });
});
