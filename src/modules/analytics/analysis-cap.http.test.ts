// The per-user cap on analyses over HTTP (issue 11 item 1): while a user has two analyses queued or
// running, a third from the same user is refused with 429 naming the cap; another user still gets
// in. Asserted on statuses and messages, never on timings: each analysis is the widest kernel an
// analyst may ask for (seconds of work), so the first two are still running when the third asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createUser } from '../identity/index.js';
import { asUser, signInAs, TEST_PASSWORD, type Session } from '../../test-support/http.js';
import { importFiles, inputsOf } from '../../../test/helpers/inputs.js';
import { kentStreetFiles } from '../../../test/helpers/paths.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';

const auditKey = Buffer.from('q'.repeat(32));
const HEAVY = '/api/analytics/hotspots?from=2025-01&to=2025-01&cell=200&bandwidth=10000&cells=nonzero';

describe('analyses: at most two at a time per user', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<string, Session>;

  beforeAll(async () => {
    t = await openTestDatabase();
    await importFiles(t.handle.db, inputsOf(kentStreetFiles()[0]!));
    app = createApp(t.handle, { auditKey, webRoot: '/nonexistent-web-root' });
    for (const username of ['analyst1', 'analyst2']) {
      await createUser(t.handle.db, auditKey, { kind: 'cli', name: 'cli:test' }, { username, role: 'analyst', password: TEST_PASSWORD });
      s[username] = await signInAs(app, username);
    }
  }, 300_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it("refuses a user's third analysis with 429 naming the cap, while another user's analysis runs", async () => {
    const ask = (user: string) => Promise.resolve(asUser(app, s[user]!, HEAVY)).then(async (res) => ({ user, status: res.status, body: await res.text() }));
    const mine = [ask('analyst1'), ask('analyst1'), ask('analyst1')];
    const theirs = ask('analyst2');
    const done = await Promise.all([...mine, theirs]);
    const refused = done.filter((r) => r.status === 429);
    expect(refused.map((r) => r.user), JSON.stringify(done.map((r) => [r.user, r.status]))).toEqual(['analyst1']);
    expect((JSON.parse(refused[0]!.body) as { error: { message: string } }).error.message)
      .toMatch(/^analyses: you already have 2 analyses running \(the limit is 2 at a time\)/);
    for (const r of done.filter((x) => x.status !== 429)) {
      expect(r.status, r.body.slice(0, 200)).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ type: 'FeatureCollection', summary: { method: 'kde' } });
    }
    // Once the first two have finished, the user may ask again.
    const again = await asUser(app, s.analyst1!, '/api/analytics/hotspots?from=2025-01&to=2025-01&cell=1000');
    expect(again.status).toBe(200);
  });
});
