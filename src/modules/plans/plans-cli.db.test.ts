import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { TEST_PASSWORD } from '../../test-support/http.js';
import { createUser } from '../identity/index.js';
import { addMeeting, createPanel } from '../panels/index.js';
import { daysFromToday, fixturePerson } from '../../test-support/plan-fixtures.js';

describe('hub plans and hub panels', () => {
  let t: TestDatabase;
  let person: number;
  let panel: number;
  beforeAll(async () => {
    t = await openTestDatabase();
    const db = t.handle.db;
    const key = t.auditKey; // the key the CLI finds: a database has one audit key
    await createUser(db, key, { kind: 'cli', name: 'cli:test' }, { username: 'owner1', role: 'officer', districts: ['Thanet'], password: TEST_PASSWORD });
    person = await fixturePerson(db, { givenName: 'Robin', familyName: 'Repeat', district: 'Thanet', dateOfBirth: '1992-03-04' });
    panel = (await createPanel(db, key, { kind: 'cli', name: 'cli:test' }, { name: 'Thanet DPPSP', kind: 'district_prevention_problem_solving', districts: ['Thanet'] })).id;
    await addMeeting(db, key, { kind: 'cli', name: 'cli:test' }, panel, { heldOn: '2026-10-01', location: 'Margate', attendees: [{ name: 'Chair' }] });
    await sql`select 1`.execute(db);
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('creates, lists and shows a plan; bad input exits 2 naming the option', async () => {
    const run = (args: string[]) => runHub(['plans', ...args], t.env);
    const created = await run(['create', '--person', String(person), '--kind', 'repeat_victim', '--district', 'Thanet', '--owner', 'owner1', '--summary', 'Keep Robin safe at home', '--next-review', daysFromToday(10), '--json']);
    expect(created.code, created.stderr).toBe(0);
    const p = JSON.parse(created.stdout) as { id: number; status: string; owner: { username: string } };
    expect(p).toMatchObject({ status: 'draft', owner: { username: 'owner1' } });
    expect((await run(['create', '--person', String(person), '--kind', 'burglar', '--district', 'Thanet', '--owner', 'owner1', '--summary', 'x'])).stderr)
      .toBe('hub: --kind: must be one of repeat_offender, young_person_at_risk, repeat_victim\n');
    const noOwner = await run(['create', '--person', String(person), '--kind', 'repeat_victim', '--district', 'Thanet', '--owner', 'nobody', '--summary', 'Keep Robin safe']);
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toBe("hub: owner: no active account 'nobody'\n");
    const list = await run(['list', '--status', 'draft']);
    expect(list.stdout).toMatch(new RegExp(`^\\s*${p.id}\\s+draft\\s+Thanet\\s+repeat_victim\\s+review ${daysFromToday(10)}\\s+owner1\\n$`));
    const show = await run(['show', String(p.id)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Plan ${p.id}: Robin Repeat (repeat victim, age `);
    expect(show.stdout).toContain('before it can be active: riskFactors: record at least one risk factor');
    expect((await run(['show', '99999'])).code).toBe(3);
  }, 120_000);

  it('lists and shows panels', async () => {
    const run = (args: string[]) => runHub(['panels', ...args], t.env);
    const list = await run(['list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Thanet DPPSP');
    const show = await run(['show', String(panel)]);
    expect(show.stdout).toBe(`Panel ${panel}: Thanet DPPSP (district prevention problem solving; Thanet)\n  meeting 2026-10-01 at Margate (1 attended)\n`);
    expect((await run(['show'])).code).toBe(2);
  }, 120_000);

  it('does the plan and panel work with the API\'s JSON bodies: risk, intervention, activation, agenda', async () => {
    const plans = (args: string[]) => runHub(['plans', ...args], t.env);
    const panels = (args: string[]) => runHub(['panels', ...args], t.env);
    const p = JSON.parse((await plans(['create', '--person', String(person), '--kind', 'repeat_offender', '--district', 'Thanet', '--owner', 'owner1', '--summary', 'Divert Robin from shop theft', '--next-review', daysFromToday(7), '--json'])).stdout) as { id: number };
    const id = String(p.id);
    const early = await plans(['status', id, '--data', '{"to":"active"}']);
    expect(early.code).toBe(11);
    expect(early.stderr).toContain('record at least one risk factor');
    expect((await plans(['risk', id, '--data', '{"factor":"Drug use","level":"high"}'])).stdout).toBe(`Added a risk factor to plan ${id}.\n`);
    const badLevel = await plans(['risk', id, '--data', '{"factor":"Debt","level":"extreme"}']);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toMatch(/^hub: level: /);
    expect((await plans(['intervention', id, '--data', '{"what":"Substance misuse referral","mechanism":"support"}'])).code).toBe(0);
    expect((await plans(['status', id, '--data', '{"to":"active"}'])).stdout).toBe(`Changed the status of plan ${id} (active).\n`);
    expect((await plans(['risk-update', id, '--data', '{"level":"medium"}'])).stderr).toBe('hub: --item: give the id (a number)\n');

    const created = await panels(['create', '--data', '{"name":"Thanet youth panel","kind":"youth_diversion","districts":["Thanet"]}', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const panelId = String((JSON.parse(created.stdout) as { id: number }).id);
    const meeting = JSON.parse((await panels(['meeting', panelId, '--data', '{"heldOn":"2026-11-20"}', '--json'])).stdout) as { id: number };
    expect((await panels(['agenda', panelId, '--meeting', String(meeting.id), '--data', JSON.stringify({ planId: p.id, note: 'Reviewed: referral made' })])).code).toBe(0);
    expect((await panels(['show', panelId])).stdout).toContain('Reviewed: referral made');
  }, 120_000);
});
