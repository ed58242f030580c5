// `hub powers ranks`: an account's rank set and cleared from the command line (audited), listed,
// and bad input refused with exit 2 changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('hub powers ranks', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);
  const run = (args: string[], input?: string) => runHub(args, t.env, input !== undefined ? { input } : {});

  it('sets, lists and clears a rank; refuses an unknown rank or account with exit 2', async () => {
    const made = await run(['user', 'create', '--username', 'insp.holt', '--role', 'officer', '--district', 'Thanet', '--password-stdin'], 'a long enough password 1\n');
    expect(made.code, made.stderr).toBe(0);
    expect((await run(['powers', 'ranks'])).stdout).toBe('No ranks recorded.\n');
    const bad = await run(['powers', 'ranks', 'set', 'insp.holt', 'commander']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rank: must be one of constable');
    expect((await run(['powers', 'ranks', 'set', 'nobody', 'inspector'])).code).toBe(2);
    expect((await run(['powers', 'ranks', 'set', 'insp.holt'])).code).toBe(2);
    const set = await run(['powers', 'ranks', 'set', 'insp.holt', 'inspector', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ username: 'insp.holt', rank: 'inspector' });
    const list = JSON.parse((await run(['powers', 'ranks', 'list', '--json'])).stdout) as { officers: { username: string; rank: string; setBy: string }[] };
    expect(list.officers).toEqual([expect.objectContaining({ username: 'insp.holt', rank: 'inspector', setBy: expect.stringMatching(/^cli:/) })]);
    expect((await run(['powers', 'ranks', 'set', 'insp.holt', 'none'])).stdout).toBe('insp.holt: no rank.\n');
    expect((await run(['powers', 'ranks'])).stdout).toBe('No ranks recorded.\n');
  });
});
