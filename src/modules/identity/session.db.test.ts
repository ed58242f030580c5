// Resolving a session (every signed-in request): the account with its districts in one query; a
// session idle too long or past its end is removed; a disabled account's session answers nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { createUser, resolveSession, signIn } from './index.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './auth.service.js';

const auditKey = Buffer.from('s'.repeat(32));
const PASSWORD = 'granite otter lantern sky';

describe('resolveSession', () => {
  let t: TestDatabase;
  let db: Db;
  const cli = { kind: 'cli' as const, name: 'cli:test' };
  const sessions = async () => Number((await sql<{ n: number }>`select count(*)::int as n from user_session`.execute(db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    await createUser(db, auditKey, cli, { username: 'officer1', role: 'officer', password: PASSWORD, districts: ['Thanet', 'Dover'] });
    await createUser(db, auditKey, cli, { username: 'analyst1', role: 'analyst', password: PASSWORD, displayName: 'Ana Lyst' });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('gives the account, its districts in order and the CSRF token of the session', async () => {
    const s = await signIn({ db, auditKey }, { username: 'officer1', password: PASSWORD, client: 'test' });
    const r = await resolveSession({ db, auditKey }, s.token);
    expect(r).toMatchObject({
      user: { username: 'officer1', role: 'officer', districts: ['Dover', 'Thanet'], partnerAgency: null, isDemo: false },
      csrfToken: s.csrfToken, mustChangePassword: false,
    });
    const a = await signIn({ db, auditKey }, { username: 'analyst1', password: PASSWORD, client: 'test' });
    expect(await resolveSession({ db, auditKey }, a.token)).toMatchObject({ user: { username: 'analyst1', displayName: 'Ana Lyst', districts: [] } });
    expect(await resolveSession({ db, auditKey }, 'not-a-token')).toBeNull();
  });

  it('removes a session idle too long, or past its end', async () => {
    const idle = await signIn({ db, auditKey }, { username: 'analyst1', password: PASSWORD, client: 'test' });
    const before = await sessions();
    const later = new Date(Date.now() + SESSION_IDLE_MS + 60_000);
    expect(await resolveSession({ db, auditKey, now: () => later }, idle.token)).toBeNull();
    expect(await sessions()).toBe(before - 1);
    expect(await resolveSession({ db, auditKey }, idle.token)).toBeNull();

    const ended = await signIn({ db, auditKey }, { username: 'analyst1', password: PASSWORD, client: 'test' });
    await sql`update user_session set last_seen_at = ${new Date(Date.now() + SESSION_ABSOLUTE_MS)} where true`.execute(db);
    expect(await resolveSession({ db, auditKey, now: () => new Date(Date.now() + SESSION_ABSOLUTE_MS + 1000) }, ended.token)).toBeNull();
  });

  it("answers nothing for a disabled account's session, and keeps the session row", async () => {
    const s = await signIn({ db, auditKey }, { username: 'officer1', password: PASSWORD, client: 'test' });
    await sql`update app_user set disabled_at = now() where username = 'officer1'`.execute(db);
    const before = await sessions();
    expect(await resolveSession({ db, auditKey }, s.token)).toBeNull();
    expect(await sessions()).toBe(before);
  });
});
