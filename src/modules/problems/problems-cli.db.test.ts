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
    expect(close.code).toBe(4);
    expect(close.stderr).toContain('Cannot close the problem: missing ');
    expect(close.stderr).toContain('assessment: a computed assessment');
    expect((await run(['show', '99999'])).code).toBe(3);
  }, 120_000);
});
