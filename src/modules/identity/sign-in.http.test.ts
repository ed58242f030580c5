// Sign-in under attack, in-process over HTTP: the account lockout and the address throttle hold
// under parallel guesses, a locked account answers like an unknown name, the address throttle
// sees the client behind a trusted reverse proxy, and a one-time (demo) password must be changed
// before anything else.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { parseTrustedProxies } from '../../platform/client-address.js';
import { asUser, TEST_PASSWORD } from '../../test-support/http.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { createDemoUsers } from '../demo/index.js';
import { createUser, signIn } from './index.js';

const auditKey = Buffer.from('s'.repeat(32));
const cli = { kind: 'cli' as const, name: 'cli:test' };

type App = ReturnType<typeof createApp>;

/** POST /api/auth/login as if from `remote` (the socket's peer), optionally through a proxy header. */
function login(app: App, username: string, password: string, remote: string, forwardedFor?: string) {
  return app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ username, password }),
    },
    { incoming: { socket: { remoteAddress: remote } } },
  );
}

describe('sign-in under attack', () => {
  let t: TestDatabase;
  let app: App;
  let proxied: App;
  let n = 0;
  /** A fresh account (so tests do not share lock state). */
  const account = async (prefix: string) => {
    const username = `${prefix}${++n}`;
    await createUser(t.handle.db, auditKey, cli, { username, role: 'analyst', password: TEST_PASSWORD });
    return username;
  };
  /** A fresh client address (so tests do not share the address throttle). */
  const address = () => `192.0.2.${++n}`;
  const failedAudits = async (username: string) =>
    (await sql<{ details: { username: string; reason?: string; client: string } }>`select details from audit_log where action = 'sign-in-failed' order by id`.execute(t.handle.db)).rows
      .map((r) => r.details)
      .filter((d) => d.username === username);

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    proxied = createApp(t.handle, { auditKey, trustedProxies: parseTrustedProxies('127.0.0.1, 10.0.0.0/8') });
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  describe('the account lockout', () => {
    it('checks at most five of 30 parallel wrong guesses, and then the right password is refused', async () => {
      const name = await account('para');
      const res = await Promise.all(Array.from({ length: 30 }, (_, i) => login(app, name, `wrong guess number ${i}`, address())));
      expect(res.map((r) => r.status)).toEqual(Array(30).fill(401));
      const audits = await failedAudits(name);
      expect(audits).toHaveLength(30);
      // Every refused attempt is audited; only the reserved ones reached the password check.
      expect(audits.filter((a) => a.reason === 'wrong-password')).toHaveLength(5);
      expect(audits.filter((a) => a.reason === 'locked-or-disabled')).toHaveLength(25);
      expect((await login(app, name, TEST_PASSWORD, address())).status).toBe(401);
    });

    it('lets the right password among 30 parallel guesses in only if it was one of the first five checked', async () => {
      const name = await account('race');
      const guesses = Array.from({ length: 30 }, (_, i) => (i === 29 ? TEST_PASSWORD : `wrong guess number ${i}`));
      const res = await Promise.all(guesses.map((p) => login(app, name, p, address())));
      const statuses = res.map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 401)).toBe(true);
      // Failures refused before the check say so; any other failure was a checked wrong password.
      const checkedWrong = (await failedAudits(name)).filter((a) => a.reason !== 'locked-or-disabled').length;
      const signedIn = statuses.filter((s) => s === 200).length;
      expect(checkedWrong + signedIn).toBeLessThanOrEqual(5);
    });

    it('answers a locked account exactly as an unknown name (no enumeration)', async () => {
      const name = await account('lock');
      const from = address();
      for (let i = 0; i < 5; i++) expect((await login(app, name, `wrong ${i} password`, from)).status).toBe(401);
      const locked = await login(app, name, TEST_PASSWORD, from);
      const unknown = await login(app, `${name}-nobody`, TEST_PASSWORD, from);
      expect(locked.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await locked.json()).toEqual(await unknown.json());
    });

    it('starts the count again after a successful sign-in and when a lock runs out', async () => {
      const name = await account('reset');
      let clock = new Date('2026-03-02T09:00:00Z');
      const deps = { db: t.handle.db, auditKey, now: () => clock };
      const attempt = (password: string) => signIn(deps, { username: name, password, client: 'test-reset' }).then(() => 200, (e: { code: string }) => e.code);
      for (let i = 0; i < 4; i++) expect(await attempt('not the password')).toBe('unauthenticated');
      expect(await attempt(TEST_PASSWORD)).toBe(200);
      for (let i = 0; i < 4; i++) expect(await attempt('not the password')).toBe('unauthenticated');
      expect(await attempt(TEST_PASSWORD)).toBe(200);
      for (let i = 0; i < 5; i++) expect(await attempt('not the password')).toBe('unauthenticated');
      expect(await attempt(TEST_PASSWORD)).toBe('unauthenticated'); // locked
      clock = new Date(clock.getTime() + 16 * 60_000); // the lock has run out
      expect(await attempt('not the password')).toBe('unauthenticated');
      expect(await attempt(TEST_PASSWORD)).toBe(200); // one failure after the lock does not lock again
      const row = await t.handle.db.selectFrom('app_user').select(['failed_attempts', 'locked_until']).where('username', '=', name).executeTakeFirstOrThrow();
      expect(row).toEqual({ failed_attempts: 0, locked_until: null });
    });
  });

  describe('the address throttle', () => {
    it('checks 20 of 40 parallel failures from one address and throttles the other 20', async () => {
      const from = address();
      const res = await Promise.all(Array.from({ length: 40 }, (_, i) => login(app, `nobody-${i}`, 'some wrong password', from)));
      const statuses = res.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
      expect((await login(app, await account('after'), TEST_PASSWORD, from)).status).toBe(429);
      expect((await login(app, await account('other'), TEST_PASSWORD, address())).status).toBe(200);
    });

    it('does not count successful sign-ins', async () => {
      const from = address();
      const name = await account('ok');
      for (let i = 0; i < 25; i++) expect((await login(app, name, TEST_PASSWORD, from)).status).toBe(200);
    });

    it('behind a trusted proxy, throttles the client named in X-Forwarded-For, not the proxy', async () => {
      const attacker = '203.0.113.66';
      for (let i = 0; i < 20; i++) expect((await login(proxied, `proxied-${i}`, 'some wrong password', '127.0.0.1', attacker)).status).toBe(401);
      expect((await login(proxied, 'nobody', 'some wrong password', '127.0.0.1', attacker)).status).toBe(429);
      // The attacker cannot escape by sending its own X-Forwarded-For: the proxy appends the real peer.
      expect((await login(proxied, 'nobody', 'some wrong password', '127.0.0.1', `198.51.100.1, ${attacker}`)).status).toBe(429);
      // Everyone else behind the same proxy still signs in.
      expect((await login(proxied, await account('behind'), TEST_PASSWORD, '::ffff:127.0.0.1', '203.0.113.77')).status).toBe(200);
      expect((await failedAudits('proxied-0')).map((a) => a.client)).toEqual([attacker]);
    });

    it('without trusted proxies, ignores X-Forwarded-For (a client cannot pick a fresh address per guess)', async () => {
      const from = address();
      for (let i = 0; i < 20; i++) expect((await login(app, 'nobody', 'some wrong password', from, `198.51.100.${i}`)).status).toBe(401);
      expect((await login(app, 'nobody', 'some wrong password', from, '198.51.100.200')).status).toBe(429);
      // and a peer that is not a configured proxy is not believed either
      const other = address();
      for (let i = 0; i < 20; i++) expect((await login(proxied, 'nobody', 'some wrong password', other, `198.51.100.${i}`)).status).toBe(401);
      expect((await login(proxied, 'nobody', 'some wrong password', other, '198.51.100.201')).status).toBe(429);
    });
  });

  describe('a one-time (demo) password', () => {
    let password: string;
    beforeAll(async () => {
      password = (await createDemoUsers(t.handle.db, auditKey, 'Thanet')).password;
    }, 60_000);

    it('signs in only to choose a new password: everything else is refused until then', async () => {
      const res = await login(app, 'demo-admin', password, address());
      expect(res.status).toBe(200);
      const body = (await res.json()) as { csrfToken: string; mustChangePassword: boolean; demo: boolean };
      expect(body).toMatchObject({ mustChangePassword: true, demo: true });
      const s = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
      const users = await asUser(app, s, '/api/users');
      expect(users.status).toBe(403);
      expect(((await users.json()) as { error: { message: string } }).error.message).toMatch(/Choose a new password first/);
      expect((await asUser(app, s, '/api/incidents/counts?by=month')).status).toBe(403);
      expect(await (await asUser(app, s, '/api/me')).json()).toMatchObject({ username: 'demo-admin', mustChangePassword: true });

      const change = (currentPassword: string, newPassword: string) => asUser(app, s, '/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      const wrong = await change('not the demo password', 'harbour violet nettle drum');
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/^currentPassword: /);
      expect((await change(password, password)).status).toBe(400);
      const weak = await change(password, 'password123');
      expect(weak.status).toBe(400);
      expect(((await weak.json()) as { error: { message: string } }).error.message).toMatch(/^newPassword: /);
      expect((await change(password, 'harbour violet nettle drum')).status).toBe(204);

      expect((await asUser(app, s, '/api/users')).status).toBe(200);
      expect(await (await asUser(app, s, '/api/me')).json()).toMatchObject({ mustChangePassword: false });
      // The printed password was single-use: it no longer signs in; the new one does, with no further step.
      expect((await login(app, 'demo-admin', password, address())).status).toBe(401);
      const again = await login(app, 'demo-admin', 'harbour violet nettle drum', address());
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ mustChangePassword: false });
      const audit = (await sql<{ actor: string; details: unknown }>`select actor, details from audit_log where action = 'password-change'`.execute(t.handle.db)).rows;
      expect(audit).toEqual([{ actor: 'user:demo-admin', details: { wasRequired: true, otherSessionsEnded: 0 } }]);
    });

    it('the other demo accounts still have to choose theirs', async () => {
      const res = await login(app, 'demo-officer', password, address());
      expect(await res.json()).toMatchObject({ mustChangePassword: true });
    });
  });
});
