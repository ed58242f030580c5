/** In-process HTTP helpers for tests: sign in and carry the cookie and CSRF token. */
import type { Hono } from 'hono';
import type { Db } from '../platform/db/database.js';
import { createUser } from '../modules/identity/index.js';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Principal, Role } from '../platform/policy.js';

export const TEST_PASSWORD = 'granite otter lantern sky';

export interface Session {
  cookie: string;
  csrf: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyApp = Hono<any, any, any>;

export async function signInAs(app: AnyApp, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

/** A request as a signed-in user (CSRF token sent on state-changing methods). */
export function asUser(app: AnyApp, s: Session | null, path: string, init: { method?: string; body?: unknown; csrf?: boolean } = {}) {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (s) headers.cookie = s.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (s && method !== 'GET' && init.csrf !== false) headers['x-csrf-token'] = s.csrf;
  return app.request(path, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
}

/** One account per role (officer and supervisor in Thanet, partner with an agency). */
export async function createRoleUsers(db: Db, auditKey: Buffer): Promise<Record<Role, string>> {
  const specs: { username: string; role: Role; districts?: string[]; partnerAgency?: string }[] = [
    { username: 'admin1', role: 'admin' },
    { username: 'analyst1', role: 'analyst' },
    { username: 'supervisor1', role: 'supervisor', districts: ['Thanet'] },
    { username: 'officer1', role: 'officer', districts: ['Thanet'] },
    { username: 'partner1', role: 'partner', partnerAgency: 'Thanet District Council' },
    { username: 'auditor1', role: 'auditor' },
  ];
  const out = {} as Record<Role, string>;
  for (const s of specs) {
    await createUser(db, auditKey, { kind: 'cli', name: 'cli:test' }, { ...s, password: TEST_PASSWORD });
    out[s.role] = s.username;
  }
  return out;
}

/** Middleware that signs every request in as a test principal of the given role (route tests). */
export function asPrincipal(role: Role): MiddlewareHandler<AppEnv> {
  const principal: Principal = { id: 1, username: `test-${role}`, displayName: null, role, partnerAgency: null, districts: [], isDemo: false };
  return async (c, next) => {
    c.set('principal', principal);
    await next();
  };
}
