// `hub vehicles` as an operator runs it. Needs a built dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { createTestDatabase, type TestDatabaseConfig } from '../../../test/helpers/test-db.js';

describe('hub vehicles', () => {
  let db: TestDatabaseConfig;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.destroy());

  it('records a vehicle by normalised VRM, answers a repeat, finds, links a person and shows them', async () => {
    const run = (args: string[]) => runHub(['vehicles', ...args], db.env);
    const added = await run(['add', '--vrm', 'ab12 cde', '--district', 'Thanet', '--make', 'Ford', '--colour', 'Blue', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ id: 1, vrm: 'AB12CDE', existing: false });
    expect((await run(['add', '--vrm', 'AB12CDE', '--district', 'Thanet'])).stdout).toBe('AB12CDE is recorded already as vehicle 1.\n');
    const bad = await run(['add', '--vrm', 'not a plate!', '--district', 'Thanet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^hub: vrm: /);
    expect((await run(['find', '--vrm', '12c'])).stdout).toMatch(/^1 +AB12CDE +Blue Ford +Thanet\n$/);
    const person = await runHub(['people', 'add', '--given', 'Kit', '--family', 'Driver', '--district', 'Thanet', '--json'], db.env);
    expect(person.code, person.stderr).toBe(0);
    expect((await run(['link', '--id', '1', '--person', '1', '--relation', 'driver'])).stdout).toBe('Linked person 1 to vehicle 1.\n');
    const shown = await run(['show', '--id', '1']);
    expect(shown.stdout).toBe('AB12CDE (vehicle 1, Thanet) Blue Ford\n  driver  Kit Driver (person 1)\n');
    const missing = await run(['show', '--id', '99']);
    expect(missing.code).toBe(3);
    expect((await run(['fly'])).code).toBe(2);
  });
});
