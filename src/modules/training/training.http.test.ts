import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/policy.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { createApp } from '../../server/app.js';
import { makeContext } from '../../platform/module/context.js';
import { trainingModule } from './index.js';
import { trainingSection } from './training.report.js';
import { subjectAccessExport } from '../privacy/index.js';

const auditKey = Buffer.from('t'.repeat(32));

describe('training over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<Role, Session>;
  const ids = {} as Record<string, number>;
  const call = (role: Role, path: string, method = 'GET', body?: unknown) => asUser(app, s[role], path, { method, ...(body !== undefined ? { body } : {}) });
  const j = async <T = Record<string, unknown>>(r: Response) => (await r.json()) as T;
  const cli = (districts: string[] | null) => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: districts ? { kind: 'districts', districts } : { kind: 'all' } });

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ROLES) s[role] = await signInAs(app, users[role]);
    for (const u of ['supervisor1', 'officer1', 'partner1']) ids[u] = Number((await t.handle.db.selectFrom('app_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id);
    for (const [name, role, district] of [['Dora Dover', 'officer', 'Dover'], ['Tess Thanet', 'officer', 'Thanet'], ['Gone Away', 'officer', 'Thanet']] as const) {
      const r = await sql<{ id: number }>`insert into app_user (username, display_name, role, password_hash) values (${name.toLowerCase().replace(' ', '.')}, ${name}, ${role}, 'x') returning id`.execute(t.handle.db);
      ids[name] = Number(r.rows[0]!.id);
      await sql`insert into user_district (user_id, district) values (${ids[name]}, ${district})`.execute(t.handle.db);
    }
    await sql`update app_user set disabled_at = now() where id = ${ids['Gone Away']}`.execute(t.handle.db);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('lists the report\'s courses (seeded, no refresher set); admin adds and edits courses with a refresher interval', async () => {
    const list = await j<{ courses: { name: string; refresherMonths: number | null }[] }>(await call('officer', '/api/training/courses'));
    expect(list.courses.map((c) => c.name)).toEqual(expect.arrayContaining(['Community Resolution training', 'PREVENT Training', 'NRM training', 'Outcome 22', 'Intervention workbooks', 'Proactive Management Plans (PMPs) and OSARA']));
    expect(list.courses).toHaveLength(11);
    expect(list.courses.every((c) => c.refresherMonths === null)).toBe(true);
    const prevent = (await j<{ courses: { id: number; name: string }[] }>(await call('admin', '/api/training/courses'))).courses.find((c) => c.name === 'PREVENT Training')!;
    ids.prevent = prevent.id;
    const upd = await call('admin', `/api/training/courses/${prevent.id}`, 'PATCH', { refresherMonths: 12 });
    expect(upd.status).toBe(200);
    expect(await j(upd)).toMatchObject({ refresherMonths: 12 });
    const made = await call('admin', '/api/training/courses', 'POST', { name: 'Stalking awareness', refresherMonths: 6 });
    expect(made.status).toBe(201);
    ids.stalking = (await j<{ id: number }>(made)).id;
    expect((await call('admin', '/api/training/courses', 'POST', { name: 'prevent training' })).status).toBe(409);
    const bad = await call('admin', '/api/training/courses', 'POST', { name: 'X', refresherMonths: 0 });
    expect(bad.status).toBe(400);
    expect((await j<{ error: { message: string } }>(bad)).error.message).toBe('refresherMonths: must be at least 1 month');
    expect((await call('admin', `/api/training/courses/${prevent.id}`, 'PATCH', {})).status).toBe(400);
    expect((await call('supervisor', '/api/training/courses', 'POST', { name: 'Y' })).status).toBe(403);
    expect((await call('partner', '/api/training/courses')).status).toBe(403);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'training_course' and record_id = ${String(prevent.id)} and action = 'update'`.execute(t.handle.db);
    expect(audited.rows[0]!.n).toBe(1);
  });

  it('sessions in the supervisor\'s district only; attendance per officer and team, all or nothing', async () => {
    expect((await call('supervisor', '/api/training/sessions', 'POST', { courseId: ids.prevent, heldOn: '2025-02-28', trainer: 'PC Trainer', district: 'Dover' })).status).toBe(403);
    const badDate = await call('supervisor', '/api/training/sessions', 'POST', { courseId: ids.prevent, heldOn: '2025-02-29', trainer: 'PC Trainer', district: 'Thanet' });
    expect(badDate.status).toBe(400);
    expect((await j<{ error: { message: string } }>(badDate)).error.message).toBe('heldOn: must be a date (YYYY-MM-DD)');
    const made = await call('supervisor', '/api/training/sessions', 'POST', { courseId: ids.prevent, heldOn: '2025-02-28', trainer: 'PC Trainer', district: 'thanet', venue: 'Margate station' });
    expect(made.status).toBe(201);
    const session = await j<{ id: number; district: string }>(made);
    expect(session.district).toBe('Thanet');
    ids.session = session.id;
    const dover = await j<{ id: number }>(await call('admin', '/api/training/sessions', 'POST', { courseId: ids.prevent, heldOn: '2025-03-31', trainer: 'PC Other', district: 'Dover' }));
    ids.doverSession = dover.id;

    const before = Number((await sql<{ n: number }>`select count(*)::int as n from training_attendance`.execute(t.handle.db)).rows[0]!.n);
    // One bad attendee (from another district) refuses the whole list.
    const wrong = await call('supervisor', `/api/training/sessions/${session.id}/attendance`, 'POST', { attendees: [{ userId: ids.officer1, team: 'Margate NHT' }, { userId: ids['Dora Dover'], team: 'Dover CSU' }] });
    expect(wrong.status).toBe(400);
    expect((await j<{ error: { message: string } }>(wrong)).error.message).toMatch(/^attendees\.1\.userId: no account \d+ working in your districts$/);
    const disabled = await call('supervisor', `/api/training/sessions/${session.id}/attendance`, 'POST', { attendees: [{ userId: ids['Gone Away'], team: 'T' }] });
    expect((await j<{ error: { message: string } }>(disabled)).error.message).toMatch(/is disabled/);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from training_attendance`.execute(t.handle.db)).rows[0]!.n)).toBe(before);

    const ok = await call('supervisor', `/api/training/sessions/${session.id}/attendance`, 'POST', { attendees: [{ userId: ids.officer1, team: 'Margate NHT' }, { userId: ids.supervisor1, team: 'Margate NHT' }] });
    expect(ok.status).toBe(200);
    const detail = await j<{ attendees: number; attendance: { userId: number; team: string; role: string }[] }>(ok);
    expect(detail.attendees).toBe(2);
    expect(detail.attendance).toEqual(expect.arrayContaining([expect.objectContaining({ userId: ids.officer1, team: 'Margate NHT', role: 'officer' })]));
    expect((await call('supervisor', `/api/training/sessions/${session.id}/attendance`, 'POST', { attendees: [{ userId: ids.officer1, team: 'Margate NHT' }] })).status).toBe(409);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'training_attendance' and action = 'create'`.execute(t.handle.db);
    expect(audits.rows[0]!.n).toBe(2);
    await call('admin', `/api/training/sessions/${dover.id}/attendance`, 'POST', { attendees: [{ userId: ids['Dora Dover'], team: 'Dover CSU' }] });

    // A session in the future takes no attendance yet.
    const future = await j<{ id: number }>(await call('admin', '/api/training/sessions', 'POST', { courseId: ids.stalking, heldOn: '2099-01-01', trainer: 'T', district: 'Thanet' }));
    const early = await call('admin', `/api/training/sessions/${future.id}/attendance`, 'POST', { attendees: [{ userId: ids.officer1, team: 'T' }] });
    expect(early.status).toBe(422);
    expect((await j<{ error: { findings: { rule: string }[] } }>(early)).error.findings[0]!.rule).toBe('training.attendance_after_session');

    // District scope on reads.
    expect((await call('officer', `/api/training/sessions/${dover.id}`)).status).toBe(404);
    const seen = await j<{ sessions: { id: number }[] }>(await call('officer', '/api/training/sessions'));
    expect(seen.sessions.map((x) => x.id)).not.toContain(dover.id);
    expect((await j<{ sessions: { id: number }[] }>(await call('analyst', '/api/training/sessions'))).sessions.map((x) => x.id)).toContain(dover.id);
    expect((await call('officer', '/api/training/sessions', 'POST', { courseId: ids.prevent, heldOn: '2025-02-28', trainer: 'X', district: 'Thanet' })).status).toBe(403);
  });

  it('coverage by district and role, and who is due or overdue a refresher (an officer: their own)', async () => {
    const cov = await j<{ cells: { course: string; district: string; role: string; staff: number; trained: number; current: number; due: number }[] }>(await call('supervisor', '/api/training/coverage?asOf=2026-02-27&course=' + ids.prevent));
    expect(cov.cells).toEqual([
      expect.objectContaining({ course: 'PREVENT Training', district: 'Thanet', role: 'officer', staff: 2, trained: 1, current: 1, due: 0 }),
      expect.objectContaining({ course: 'PREVENT Training', district: 'Thanet', role: 'supervisor', staff: 1, trained: 1, current: 1, due: 0 }),
    ]);
    const onDue = await j<{ cells: { role: string; due: number }[] }>(await call('supervisor', '/api/training/coverage?asOf=2026-02-28&course=' + ids.prevent));
    expect(onDue.cells.map((c) => c.due)).toEqual([1, 1]);
    // 28 Feb 2025 + 12 months = 28 Feb 2026; Dover's 31 Mar 2025 = 31 Mar 2026.
    const ref = await j<{ refreshers: { name: string; dueOn: string; overdue: boolean }[] }>(await call('admin', '/api/training/refreshers?asOf=2026-03-01&days=30'));
    expect(ref.refreshers.map((r) => [r.dueOn, r.overdue])).toEqual([['2026-02-28', true], ['2026-02-28', true], ['2026-03-31', false]]);
    const mine = await j<{ refreshers: { userId: number }[] }>(await call('officer', '/api/training/refreshers?asOf=2026-03-01&days=30'));
    expect(mine.refreshers.map((r) => r.userId)).toEqual([ids.officer1]);
    const sup = await j<{ refreshers: { userId: number }[] }>(await call('supervisor', '/api/training/refreshers?asOf=2026-03-01&days=30&overdueOnly=true'));
    expect(sup.refreshers.map((r) => r.userId).sort()).toEqual([ids.supervisor1, ids.officer1].sort());
    expect((await call('admin', '/api/training/refreshers?asOf=2026-02-30')).status).toBe(400);
    // The same feed "My tasks" (HubModule.due).
    const due = await trainingModule.due!(cli(['Dover']), { asOf: '2026-03-01', until: '2026-04-01' });
    expect(due).toEqual([expect.objectContaining({ source: 'training', kind: 'training_refresher', recordId: ids.prevent, itemId: ids['Dora Dover'], district: 'Dover', due: '2026-03-31', owner: 'Dora Dover' })]);
    const dueApi = await j<{ items: { source: string; itemId: number; overdue: boolean }[] }>(await call('officer', '/api/due?asOf=2026-03-01&days=30'));
    expect(dueApi.items.filter((i) => i.source === 'training')).toEqual([expect.objectContaining({ itemId: ids.officer1, overdue: true })]);
  });

  it('an officer\'s record (audited view); removing an attendance needs a reason', async () => {
    const rec = await j<{ courses: { course: string; status: string; dueOn: string }[]; sessions: unknown[] }>(await call('officer', `/api/training/officers/${ids.officer1}?asOf=2026-01-01`));
    expect(rec.courses).toEqual([expect.objectContaining({ course: 'PREVENT Training', status: 'current', dueOn: '2026-02-28' })]);
    expect((await call('officer', `/api/training/officers/${ids['Dora Dover']}`)).status).toBe(404);
    const views = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'training_officer' and record_id = ${String(ids.officer1)} and action = 'view'`.execute(t.handle.db);
    expect(views.rows[0]!.n).toBe(1);
    expect((await call('supervisor', `/api/training/sessions/${ids.session}/attendance/${ids.supervisor1}`, 'DELETE')).status).toBe(400);
    const gone = await call('supervisor', `/api/training/sessions/${ids.session}/attendance/${ids.supervisor1}?reason=${encodeURIComponent('Recorded against the wrong session')}`, 'DELETE');
    expect(gone.status).toBe(200);
    expect((await j<{ attendees: number }>(gone)).attendees).toBe(1);
    const staff = await j<{ staff: { name: string }[] }>(await call('supervisor', '/api/training/staff'));
    expect(staff.staff.map((x) => x.name)).not.toContain('Dora Dover');
    expect(staff.staff.map((x) => x.name)).toContain('Tess Thanet');
  });

  it('a staff subject access export lists the account\'s training', async () => {
    const out = await subjectAccessExport(t.handle.db, 'officer1', 'SAR-2026-001', async () => {});
    expect(out.training).toEqual([expect.objectContaining({ course: 'PREVENT Training', heldOn: '2025-02-28', district: 'Thanet', team: 'Margate NHT', trainer: 'PC Trainer' })]);
  });

  it('training delivered for the quarterly report, by course and district', async () => {
    const d = await j<{ totals: { sessions: number; attendances: number; officers: number } }>(await call('analyst', '/api/training/delivered?from=2025-01-01&to=2025-03-31'));
    expect(d.totals).toEqual({ sessions: 2, attendances: 2, officers: 2 });
    const section = await trainingSection(cli(null), { quarter: '2025Q1', from: '2025-01-01', to: '2025-03-31', previousYear: { from: '2024-01-01', to: '2024-03-31' }, asOf: '2026-12-06' });
    expect(section.figures.map((f) => [f.id, f.count])).toEqual([['training-sessions', 2], ['training-officers', 2]]);
    const table = section.tables.find((x) => x.id === 'training-sessions-by-course')!;
    expect([table.rows, table.cols, table.cells]).toEqual([['PREVENT Training'], ['Dover', 'Thanet'], [[1, 1]]]);
    expect(table.source.dataCutoff).toBe('2025-03-31');
    const thanet = await trainingSection(cli(['Thanet']), { quarter: '2025Q1', from: '2025-01-01', to: '2025-03-31', previousYear: { from: '2024-01-01', to: '2024-03-31' }, asOf: '2026-12-06' });
    expect(thanet.figures[0]!.count).toBe(1);
    const empty = await trainingSection(cli(null), { quarter: '2024Q1', from: '2024-01-01', to: '2024-03-31', previousYear: { from: '2023-01-01', to: '2023-03-31' }, asOf: '2026-12-06' });
    expect(empty).toEqual({ figures: [], tables: [], notes: ['No training sessions are recorded between 2024-01-01 and 2024-03-31.'] });
  });

  it('demo records in the demo district: seeded with a refresher coming due, and removed', async () => {
    await sql`insert into app_user (username, display_name, role, password_hash, is_demo) values ('demo-officer-t', 'Demo officer', 'officer', 'x', true)`.execute(t.handle.db);
    await sql`insert into user_district (user_id, district) select id, 'Demoshire' from app_user where username = 'demo-officer-t'`.execute(t.handle.db);
    const ctx = makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'demo' }, scope: { kind: 'all' }, now: () => new Date('2026-12-06T12:00:00Z') });
    await ctx.tx((tx) => trainingModule.demo!.seed!(tx, { district: 'Demoshire' }));
    const sessions = await sql<{ held_on: string; district: string }>`select held_on::text as held_on, district from training_session where created_by = 'demo' order by held_on`.execute(t.handle.db);
    expect(sessions.rows).toEqual([{ held_on: '2025-12-26', district: 'Demoshire' }, { held_on: '2026-11-15', district: 'Demoshire' }]);
    const due = await trainingModule.due!(cli(['Demoshire']), { asOf: '2026-12-06', until: '2026-12-31' });
    expect(due).toEqual([expect.objectContaining({ due: '2026-12-26', owner: 'Demo officer' })]);
    await ctx.tx((tx) => trainingModule.demo!.remove(tx));
    expect((await sql<{ n: number }>`select count(*)::int as n from training_session where created_by = 'demo'`.execute(t.handle.db)).rows[0]!.n).toBe(0);
    expect((await sql<{ n: number }>`select count(*)::int as n from training_course where created_by = 'demo'`.execute(t.handle.db)).rows[0]!.n).toBe(0);
    expect((await sql<{ n: number }>`select count(*)::int as n from training_course`.execute(t.handle.db)).rows[0]!.n).toBe(12);
  });
});
