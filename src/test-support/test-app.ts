import type { DatabaseHandle } from '../platform/db/database.js';
import { createApp } from '../server/app.js';
import { asUser, createRoleUsers, signInAs, TEST_PASSWORD, type Session } from './http.js';
import { createUser } from '../modules/identity/index.js';

/**
 * The whole app with one signed-in session per role (officer1/supervisor1 in Thanet) plus
 * 'dover', an officer of Dover; `req(who, path, method, body)` sends as that session.
 */
export async function problemsTestApp(handle: DatabaseHandle, auditKey: Buffer) {
  const app = createApp(handle, { auditKey });
  const users = await createRoleUsers(handle.db, auditKey);
  await createUser(handle.db, auditKey, { kind: 'cli', name: 'cli:test' }, { username: 'officer-dover', role: 'officer', districts: ['Dover'], password: TEST_PASSWORD });
  const sessions: Record<string, Session> = {};
  for (const [k, u] of Object.entries({ ...users, dover: 'officer-dover' })) sessions[k] = await signInAs(app, u);
  const req = (who: string, path: string, method = 'GET', body?: unknown) => asUser(app, sessions[who]!, path, { method, body });
  return { app, req };
}
