import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('hub training and hub engagement', () => {
  let t: TestDatabase;
  let officer = 0;
  beforeAll(async () => {
    t = await openTestDatabase();
    const r = await sql<{ id: number }>`insert into app_user (username, display_name, role, password_hash) values ('pc.cli', 'PC Cli', 'officer', 'x') returning id`.execute(t.handle.db);
    officer = Number(r.rows[0]!.id);
    await sql`insert into user_district (user_id, district) values (${officer}, 'Swale')`.execute(t.handle.db);
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('sets a refresher interval, records a session and attendance, lists refreshers due and coverage', async () => {
    const run = (args: string[]) => runHub(['training', ...args], t.env);
    const courses = await run(['courses', '--json']);
    expect(courses.code, courses.stderr).toBe(0);
    const nrm = (JSON.parse(courses.stdout) as { id: number; name: string }[]).find((c) => c.name === 'NRM training')!;
    expect((await run(['update-course', String(nrm.id), '--body', JSON.stringify({ refresherMonths: 24 })])).code).toBe(0);
    const made = await run(['add-session', '--body', JSON.stringify({ courseId: nrm.id, heldOn: '2024-02-29', trainer: 'DS Trainer', district: 'Swale' })]);
    expect(made.code, made.stderr).toBe(0);
    const session = JSON.parse(made.stdout) as { id: number };
    const att = await run(['attend', String(session.id), '--body', JSON.stringify({ attendees: [{ userId: officer, team: 'Sittingbourne CCPT' }] })]);
    expect(att.code, att.stderr).toBe(0);
    const due = await run(['refreshers', '--as-of', '2026-02-20', '--days', '30']);
    expect(due.code, due.stderr).toBe(0);
    // 29 Feb 2024 + 24 months: 28 Feb 2026 (no 29 February in 2026).
    expect(due.stdout).toMatch(/^Refreshers due up to 2026-03-22 \(as of 2026-02-20\)\n {2}2026-02-28 {2}PC Cli \(officer, Swale\): NRM training, last attended 2024-02-29\n/);
    const cov = await run(['coverage', '--as-of', '2026-03-01', '--course', String(nrm.id)]);
    expect(cov.stdout).toMatch(/NRM training \| Swale \| officer: 1\/1 trained, 0 current, 1 due/);
    const delivered = await run(['delivered', '--from', '2024-01-01', '--to', '2024-03-31']);
    expect(delivered.stdout).toMatch(/Total: 1 session\(s\), 1 attendance\(s\), 1 officer\(s\)/);
    const bad = await run(['update-course', String(nrm.id), '--body', JSON.stringify({ refresherMonths: 1.5 })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('hub: refresherMonths: must be a whole number of months\n');
    const noId = await run(['session', 'x']);
    expect(noId.code).toBe(2);
  });

  it('records a campaign, an event and consented feedback; the summary quotes only what may be published', async () => {
    const run = (args: string[]) => runHub(['engagement', ...args], t.env);
    const c = await run(['add-campaign', '--body', JSON.stringify({ name: 'Ask for Angela', origin: 'national', channel: 'Posters', startsOn: '2025-12-01' })]);
    expect(c.code, c.stderr).toBe(0);
    const e = await run(['add-event', '--body', JSON.stringify({ title: 'Swale Police Open Day', kind: 'open_day', district: 'Swale', heldOn: '2025-08-16', attendance: 400 })]);
    expect(e.code, e.stderr).toBe(0);
    expect((await run(['add-feedback', '--body', JSON.stringify({ kind: 'compliment', receivedOn: '2025-08-18', district: 'Swale', quote: 'Commended the initiative.', attribution: 'the High Sheriff', consent: { toPublish: true, recordedOn: '2025-08-20', how: 'letter' } })])).code).toBe(0);
    expect((await run(['add-feedback', '--body', JSON.stringify({ kind: 'feedback', receivedOn: '2025-08-19', district: 'Swale', quote: 'Not for publication.' })])).code).toBe(0);
    const s = await run(['summary', '--from', '2025-07-01', '--to', '2025-09-30']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/Campaigns running: 0\n/);
    expect(s.stdout).toMatch(/Open day \| Swale: 1 event\(s\), attendance 400 \(1 counted\)/);
    expect(s.stdout).toMatch(/Quotes with consent to publish: 1\n {2}"Commended the initiative\." \(the High Sheriff, Swale, 2025-08-18\)/);
    expect(s.stdout).not.toMatch(/Not for publication/);
    const refused = await run(['add-campaign', '--body', JSON.stringify({ name: 'X', origin: 'local', channel: 'Radio', startsOn: '2025-07-01' })]);
    expect(refused.code).toBe(11);
    expect(refused.stderr).toMatch(/a local campaign needs its district/);
    const unknown = await run(['nothing']);
    expect(unknown.code).toBe(2);
  });
});
