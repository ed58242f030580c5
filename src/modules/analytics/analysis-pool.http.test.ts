// Analyses over HTTP run in the worker pool: the server keeps answering while they run, a client
// that goes away cancels its analysis, and each role's parameter limits give a 400 naming the
// limit and the value sent. Ordering is asserted, never timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createUser } from '../identity/index.js';
import { asUser, signInAs, TEST_PASSWORD, type Session } from '../../test-support/http.js';
import { importFiles, inputsOf } from '../../../test/helpers/inputs.js';
import { kentStreetFiles } from '../../../test/helpers/paths.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import type { Role } from '../../platform/policy.js';
import { analysisPool, closeAnalysisPool } from './compute.service.js';

const auditKey = Buffer.from('p'.repeat(32));
// The widest kernel an analyst may ask for (50 cells): thousands of cells per incident.
const HEAVY = '/api/analytics/hotspots?from=2025-01&to=2025-01&cell=200&bandwidth=10000&cells=nonzero';

async function until(check: () => boolean) {
  for (let i = 0; i < 6000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('analyses in the worker pool', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<string, Session>;

  beforeAll(async () => {
    t = await openTestDatabase();
    await importFiles(t.handle.db, inputsOf(kentStreetFiles()[0]!));
    app = createApp(t.handle, { auditKey, webRoot: '/nonexistent-web-root' });
    const users: [string, Role][] = [['analyst1', 'analyst'], ['analyst2', 'analyst'], ['admin1', 'admin'], ['officer1', 'officer'], ['partner1', 'partner']];
    for (const [username, role] of users) {
      await createUser(t.handle.db, auditKey, { kind: 'cli', name: 'cli:test' },
        { username, role, password: TEST_PASSWORD, ...(role === 'partner' ? { partnerAgency: 'Thanet District Council' } : {}), ...(role === 'officer' ? { districts: ['Thanet'] } : {}) });
      s[username] = await signInAs(app, username);
    }
  }, 300_000);
  afterAll(async () => {
    await closeAnalysisPool();
    await t?.cleanup();
  });

  it('answers /api/health and the incidents page while three hotspot analyses are still running', async () => {
    const before = analysisPool().stats().completed;
    const settled: boolean[] = [false, false, false];
    const runs = ['analyst1', 'analyst2', 'admin1'].map((u, k) =>
      Promise.resolve(asUser(app, s[u]!, HEAVY)).then(async (res) => {
        settled[k] = true;
        return { status: res.status, body: await res.text() };
      }));
    // Wait until the pool holds all three (one or more running, the rest queued).
    await until(() => { const st = analysisPool().stats(); return st.running + st.queued === 3 && st.running >= 1; });
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    const page = await asUser(app, s.officer1!, '/api/incidents?limit=5');
    expect(page.status).toBe(200);
    // Both answered before any analysis finished.
    expect(settled).toEqual([false, false, false]);
    expect(analysisPool().stats().completed).toBe(before);
    const done = await Promise.all(runs);
    for (const r of done) {
      expect(r.status, r.body.slice(0, 200)).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ type: 'FeatureCollection', summary: { method: 'kde' } });
    }
  });

  it('cancels a running analysis when its client goes away, and the next one runs on a fresh worker', async () => {
    const st0 = analysisPool().stats();
    const ac = new AbortController();
    const req = new Request(`http://localhost${HEAVY}`, { headers: { cookie: s.analyst1!.cookie }, signal: ac.signal });
    const res = Promise.resolve(app.request(req)).then((r) => r.status, () => 'aborted');
    await until(() => analysisPool().stats().running === 1);
    ac.abort();
    await until(() => analysisPool().stats().cancelled === st0.cancelled + 1);
    expect(analysisPool().stats()).toMatchObject({ running: 0, terminated: st0.terminated + 1, completed: st0.completed });
    expect([503, 'aborted']).toContain(await res);
    const next = await asUser(app, s.analyst1!, '/api/analytics/hotspots?from=2025-01&to=2025-01&cell=1000');
    expect(next.status).toBe(200);
  });

  it('refuses parameters over the role limits with 400 naming the limit and the value', async () => {
    const cases: [string, string, RegExp][] = [
      ['partner1', '/api/analytics/hotspots?bandwidth=6000&cell=500', /^bandwidth: 6,000 m is over the limit of 5,000 m for your role \(partner\)/],
      ['partner1', '/api/analytics/hotspots?bandwidth=3000&cell=100', /^bandwidth: 30 cells is over the limit of 20 cells for your role \(partner\)/],
      ['officer1', '/api/analytics/hotspots?method=gistar&neighbour=6000&cell=1000', /^neighbour: 6,000 m is over the limit of 5,000 m for your role \(officer\)/],
      ['partner1', '/api/analytics/hotspots?cell=5000', /^bandwidth \(defaulted from the cell\): 15,000 m is over the limit of 5,000 m/],
      ['officer1', '/api/analytics/knox?iterations=5000', /^iterations: 5,000 is over the limit of 999 for your role \(officer\)/],
      ['partner1', '/api/analytics/hotspots?from=2025-01&to=2025-01&cell=10&bandwidth=100', /over the limit of 500,000/],
    ];
    for (const [user, path, message] of cases) {
      const res = await asUser(app, s[user]!, path);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, `${path}: ${body.error.message}`).toBe(400);
      expect(body.error.message, path).toMatch(message);
    }
    // The same cell count is within an analyst's limit.
    const ok = await asUser(app, s.analyst1!, '/api/analytics/hotspots?from=2025-01&to=2025-01&cell=500&bandwidth=6000');
    expect(ok.status).toBe(200);
  });
});
