// The quick start as a user runs it: `hub serve --demo-if-empty` on an empty database, with no
// HOST set, prints where it listens (this computer only) and a one-time password for the demo
// accounts; the first sign-in must choose a new password; after the first real import
// (`hub import`) no demo account signs in, with the printed password or a changed one.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub, startHubServer, type RunningHub } from '../../test/helpers/cli.js';
import { cityOfLondonStreetFiles } from '../../test/helpers/paths.js';
import { openDatabase } from '../platform/db/database.js';
import { createTestDatabase, type TestDatabaseConfig } from '../../test/helpers/test-db.js';

const login = (url: string, username: string, password: string) =>
  fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

async function stop(server: RunningHub): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 0, signal: null });
}

describe('demo accounts from the console to the first real import', () => {
  let db: TestDatabaseConfig;
  let server: RunningHub | undefined;
  let password = '';
  const changed = 'walnut harbour quill seven';

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await db?.destroy();
  });

  it('serve listens on 127.0.0.1 by default, says so, and prints a one-time demo password', async () => {
    server = await startHubServer({ ...db.env, HOST: '' }, ['--demo-if-empty'], 180_000);
    const { stdout } = server.output();
    expect(stdout).toContain(`Prevention Hub on ${server.url} (`);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout).toMatch(/first sign-in to each account asks for a new password/);
    password = /DEMO one-time password for all of them: (\S+)/.exec(stdout)?.[1] ?? '';
    expect(password).not.toBe('');
  }, 200_000);

  it('the first sign-in with it must choose a new password before anything else', async () => {
    const res = await login(server!.url, 'demo-admin', password);
    expect(res.status).toBe(200);
    const me = (await res.json()) as { csrfToken: string; mustChangePassword: boolean };
    expect(me.mustChangePassword).toBe(true);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await fetch(`${server!.url}/api/users`, { headers: { cookie } })).status).toBe(403);
    const change = await fetch(`${server!.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ currentPassword: password, newPassword: changed }),
    });
    expect(change.status).toBe(204);
    expect((await fetch(`${server!.url}/api/users`, { headers: { cookie } })).status).toBe(200);
    await stop(server!);
    server = undefined;
  });

  it('after the first real import no demo account signs in, and each was disabled in the audit log', async () => {
    const imported = await runHub(['import', ...cityOfLondonStreetFiles(['2021-09'])], db.env);
    expect(imported.code, imported.stderr).toBe(0);
    const handle = await openDatabase({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    try {
      const disabled = (await sql<{ actor: string; details: unknown }>`select actor, details from audit_log where action = 'disable'`.execute(handle.db)).rows;
      expect(disabled.map((a) => (a.details as { username: string }).username).sort()).toEqual(
        ['demo-admin', 'demo-analyst', 'demo-auditor', 'demo-officer', 'demo-partner', 'demo-supervisor'],
      );
      expect(disabled.every((a) => a.actor.startsWith('cli:'))).toBe(true);
      const left = await handle.db.selectFrom('app_user').select('username').where('is_demo', '=', true).where('disabled_at', 'is', null).execute();
      expect(left).toEqual([]);
    } finally {
      await handle.close();
    }
    server = await startHubServer(db.env, [], 120_000);
    expect((await login(server.url, 'demo-admin', changed)).status).toBe(401);
    for (const name of ['demo-admin', 'demo-analyst', 'demo-supervisor', 'demo-officer', 'demo-partner', 'demo-auditor']) {
      expect((await login(server.url, name, password)).status, name).toBe(401);
    }
    await stop(server);
    server = undefined;
  });
});
