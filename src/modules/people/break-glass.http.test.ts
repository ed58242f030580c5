import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, TEST_PASSWORD, type Session } from '../../test-support/http.js';
import { createUser } from '../identity/index.js';
import { createApp } from '../../server/app.js';

const auditKey = Buffer.from('b'.repeat(32));

describe('break-glass: reading a person outside your districts, with a reason', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<'admin' | 'analyst' | 'officer' | 'partner', Session>;
  let doverId = 0;

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ['admin', 'analyst', 'officer', 'partner'] as const) s[role] = await signInAs(app, users[role]);
    // staff working in Dover make it a known district before any data is imported
    await createUser(t.handle.db, auditKey, { kind: 'cli', name: 'cli:test' }, { username: 'officer-dover', role: 'officer', districts: ['Dover'], password: TEST_PASSWORD });
    const created = await asUser(app, s.admin, '/api/people', {
      method: 'POST', body: { givenName: 'Robin', familyName: 'Elsewhere', district: 'Dover', addresses: [{ address: '1 Cliff Road, Dover', district: 'Dover' }], confirmNew: true },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    doverId = ((await created.json()) as { id: number }).id;
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  const breakGlass = (who: Session, id: number, reason?: string) =>
    asUser(app, who, `/api/people/${id}/break-glass`, { method: 'POST', body: reason === undefined ? {} : { reason } });

  it('refuses without a reason (400, nothing written) and keeps the record hidden from a plain read', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.handle.db)).rows[0]!.n;
    expect((await asUser(app, s.officer, `/api/people/${doverId}`)).status).toBe(404);
    const none = await breakGlass(s.officer, doverId);
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/reason/);
    expect((await breakGlass(s.officer, doverId, 'because')).status).toBe(400);
    // the plain 404 read is not audited as a view; the refused break-glass requests wrote nothing
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.handle.db)).rows[0]!.n).toBe(before);
  });

  it('shows the whole record to an officer who gives a reason, and audits the view with it', async () => {
    const res = await breakGlass(s.officer, doverId, 'Arrested in Margate, custody ref CU/123/25');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: number; familyName: string; addresses: { address: string }[] };
    expect(body).toMatchObject({ id: doverId, familyName: 'Elsewhere' });
    expect(body.addresses.map((a) => a.address)).toEqual(['1 Cliff Road, Dover']);
    const row = (await sql<{ actor: string; reason: string; details: unknown }>`
      select actor, reason, details from audit_log where action = 'view' and record_type = 'person' and record_id = ${String(doverId)} order by id desc limit 1`.execute(t.handle.db)).rows[0]!;
    const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
    expect(row).toMatchObject({ actor: 'user:officer1', reason: 'Arrested in Margate, custody ref CU/123/25' });
    expect(details).toEqual({ breakGlass: true, inScope: false });
  });

  it('is for scoped roles only, and a person that does not exist is still 404', async () => {
    expect((await breakGlass(s.analyst, doverId, 'Analysts see everything anyway')).status).toBe(403);
    expect((await breakGlass(s.partner, doverId, 'Partners rely on sharing instead')).status).toBe(403);
    expect((await breakGlass(s.officer, 987654, 'Looking for someone who is not there')).status).toBe(404);
  });
});
