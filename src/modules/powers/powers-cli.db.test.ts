import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const place = { district: 'Thanet', lsoaCode: 'E01024000' };
const auth = { occurredAt: '2026-11-20T17:00', startsAt: '2026-11-20T18:00', endsAt: '2026-11-22T18:00', issuer: { agency: 'police', rank: 'inspector' }, place, locality: { lsoas: ['E01024000'] }, grounds: 'Disorder', articles10And11Regard: true };
const direction = { occurredAt: '2026-11-21T20:00', exclusionEndsAt: '2026-11-22T20:00', issuer: { agency: 'police', rank: 'constable' }, place, subject: { name: 'Child A', dateOfBirth: '2012-02-29' }, inWriting: true, offenceWarningGiven: true };

describe('hub powers', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);
  const run = (args: string[]) => runHub(['powers', ...args], t.env);

  it('adds with the API body, refuses with exit 11 and every finding, checks as JSON, lists and shows', async () => {
    const a = await run(['add', '--type', 'dispersal_authorisation', '--data', JSON.stringify(auth), '--json']);
    expect(a.code, a.stderr).toBe(0);
    const authorisation = JSON.parse(a.stdout) as Json;
    expect(authorisation).toMatchObject({ type: 'dispersal_authorisation', district: 'Thanet', createdBy: expect.stringMatching(/^cli:/) });
    const refused = await run(['add', '--type', 'dispersal_direction', '--data', JSON.stringify({ ...direction, inWriting: false, offenceWarningGiven: false })]);
    expect(refused.code).toBe(11);
    expect(refused.stderr).toContain('\n  - A direction is given in writing: if that was not reasonably practicable, say why. (Anti-social Behaviour, Crime and Policing Act 2014 s35(5))');
    expect(refused.stderr).toContain('\n  - Tell the person that failing to comply');
    const check = await run(['check', '--type', 'dispersal_direction', '--data', JSON.stringify({ ...direction, exclusionEndsAt: '2026-11-24T20:00' }), '--json']);
    expect(check.code).toBe(11);
    const c = JSON.parse(check.stdout) as Json;
    expect(c).toMatchObject({ valid: false, findings: [{ rule: 'dispersal.exclusion_period' }] });
    expect(c.derived.ageAtEvent).toEqual({ age: 14, basis: 'date_of_birth' });
    expect(c.deadlines.map((d: Json) => d.kind)).toEqual(['exclusion_ends', 'home_visit']);
    const ok = await run(['add', '--type', 'dispersal_direction', '--data', JSON.stringify(direction)]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Recorded dispersal_direction \d+\.\n$/);
    const list = JSON.parse((await run(['list', '--type', 'dispersal_direction', '--json'])).stdout) as Json;
    expect(list.records).toEqual([expect.objectContaining({ subjectName: 'Child A', ageAtEvent: 14, ageBasis: 'date_of_birth', parentId: authorisation.id })]);
    const show = await run(['show', String(list.records[0].id)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('task');
    expect(show.stdout).toContain('home_visit due 2026-11-27: open');
    expect((await run(['add', '--type', 'dispersal_direction', '--data', '{not json'])).code).toBe(2);
    expect((await run(['show', '999999'])).code).toBe(3);
  }, 120_000);

  it('lists the rules in force on a day as JSON and sets a new dated value (audited), switching on an uncommenced provision from its date', async () => {
    const before = JSON.parse((await run(['rules', '--at', '2027-04-01', '--json'])).stdout) as Json;
    expect(before.values.find((v: Json) => v.key === 'powers.closure.housing_providers_may_issue')).toMatchObject({ value: null, inForce: false });
    expect(before.rules.length).toBeGreaterThan(30);
    const set = await run(['rules', 'set', 'powers.closure.housing_providers_may_issue', '--value', 'true', '--from', '2027-04-01', '--source', 'Crime and Policing Act 2026 (Commencement) Regulations (test)', '--json']);
    expect(set.code, set.stderr).toBe(0);
    const after = JSON.parse((await run(['rules', '--at', '2027-04-01', '--json'])).stdout) as Json;
    expect(after.values.find((v: Json) => v.key === 'powers.closure.housing_providers_may_issue')).toMatchObject({ value: true, origin: 'local' });
    const day = JSON.parse((await run(['rules', '--at', '2027-03-31', '--json'])).stdout) as Json;
    expect(day.values.find((v: Json) => v.key === 'powers.closure.housing_providers_may_issue').value).toBeNull();
    expect((await run(['rules', 'set', 'plans.x', '--value', '1', '--from', '2027-01-01', '--source', 'x'])).code).toBe(2);
    expect((await run(['rules', '--at', 'soon'])).code).toBe(2);
  }, 120_000);

  it('due and tasks as JSON; a home visit recorded done', async () => {
    const due = JSON.parse((await run(['due', '--as-of', '2026-11-21', '--days', '10', '--json'])).stdout) as Json;
    expect(due.items.map((i: Json) => i.kind)).toEqual(['authorisation_expires', 'exclusion_ends', 'home_visit']);
    const tasks = JSON.parse((await run(['tasks', '--json'])).stdout) as Json;
    const id = tasks.tasks[0].id as number;
    const done = await run(['task', String(id), '--data', JSON.stringify({ visitMadeOn: '2026-11-25', outcome: 'Father seen', done: true }), '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'done', visitMadeOn: '2026-11-25' });
  }, 120_000);
});
