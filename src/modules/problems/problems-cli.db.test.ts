import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('hub problems', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('creates, lists, shows, and refuses to close without an assessment (exit 4, saying what is missing)', async () => {
    const run = (args: string[]) => runHub(['problems', ...args], t.env);
    const created = await run(['create', '--title', 'Night-time noise on the harbour arm', '--district', 'Thanet', '--type', 'time', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const p = JSON.parse(created.stdout) as { id: number; stage: string };
    expect(p.stage).toBe('objective');
    expect((await run(['create', '--title', 'Bad', '--district', 'Thanet', '--type', 'weather'])).stderr).toBe('hub: --type: must be one of behaviour, place, persons, time\n');
    const list = await run(['list', '--district', 'Thanet']);
    expect(list.stdout).toMatch(new RegExp(`^\\s*${p.id}\\s+objective\\s+Thanet\\s+Night-time noise on the harbour arm\\n$`));
    const show = await run(['show', String(p.id)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Problem ${p.id}: Night-time noise on the harbour arm`);
    expect(show.stdout).toContain('next (scanning) needs: objective: a measurable target (objectiveTarget)');
    const close = await run(['close', String(p.id)]);
    expect(close.code).toBe(11);
    expect(close.stderr).toContain('Cannot close the problem: missing ');
    expect(close.stderr).toContain('assessment: a computed assessment');
    expect((await run(['show', '99999'])).code).toBe(3);
  }, 120_000);

  it('does the stage work with the API\'s JSON bodies and validation: update, stage, actions, export', async () => {
    const run = (args: string[]) => runHub(['problems', ...args], t.env);
    const p = JSON.parse((await run(['create', '--title', 'Cycle theft at the station', '--district', 'Thanet', '--type', 'place', '--json'])).stdout) as { id: number };
    const id = String(p.id);
    const early = await run(['stage', id, '--data', '{"stage":"scanning"}']);
    expect(early.code).toBe(11);
    expect(early.stderr).toContain('  - Give a measurable target.');
    expect(early.stderr).toContain('objective: a measurable target (objectiveTarget)');
    const objective = { objectiveTarget: 'Reduce cycle theft at the station by 30% in 6 months', baselineFrom: '2024-07', baselineTo: '2024-12', reviewDate: '2026-12-31' };
    expect((await run(['update', id, '--data', JSON.stringify(objective)])).stdout).toBe(`Updated problem ${id} (stage objective).\n`);
    const owner = await run(['update', id, '--data', '{"ownerUsername":"nobody-here"}']);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toBe("hub: ownerUsername: no account 'nobody-here'\n");
    expect((await run(['update', id, '--data', '{not json'])).stderr).toMatch(/^hub: --data: not JSON/);
    expect((await run(['update', id])).stderr).toBe('hub: give the JSON body with --data or --data-file (one of them)\n');
    const action = await run(['action', id, '--data', '{"description":"Secure cycle racks","mechanism":"situational","dueDate":"2026-12-01"}', '--json']);
    expect(action.code, action.stderr).toBe(0);
    const actionId = (JSON.parse(action.stdout) as { id: number }).id;
    const badMechanism = await run(['action', id, '--data', '{"description":"Patrols","mechanism":"magic"}']);
    expect(badMechanism.code).toBe(2);
    expect(badMechanism.stderr).toBe('hub: mechanism: must be one of situational, enforcement, diversion, engagement\n');
    expect((await run(['action-update', id, '--action', String(actionId), '--data', '{"status":"done"}'])).code).toBe(0);
    const shown = JSON.parse((await run(['show', id, '--json'])).stdout) as { objectiveTarget: string; actions: { status: string }[] };
    expect(shown.objectiveTarget).toBe(objective.objectiveTarget);
    expect(shown.actions.map((a) => a.status)).toEqual(['done']);
    const exported = await run(['export', id, '--out', '/dev/null']);
    expect(exported.code).toBe(4);
    expect(exported.stderr).toContain('Only a closed problem can be shared as good practice');
    const preview = await run(['export', id, '--preview']);
    expect(preview.code).toBe(4);
    expect(preview.stderr).toContain('Only a closed problem can be shared as good practice');
    expect((await run(['export', id])).stderr).toBe('hub: --out: is required (a file to write), or give --preview to read the text first\n');
  }, 120_000);
});
