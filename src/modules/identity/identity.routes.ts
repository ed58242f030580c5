import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { AppError } from '../../platform/errors.js';
import { validationHook } from '../../platform/http.js';
import type { AppEnv } from '../../platform/policy.js';
import { clientAddress, NO_TRUSTED_PROXIES, type TrustedProxies } from '../../platform/client-address.js';
import { changePassword, signIn, signOut, signOutEverywhere, type AuthDeps } from './auth.service.js';
import { passwordChangeSchema, signInSchema } from './identity.schema.js';
import { clearSessionCookie, refuseCrossSite, setSessionCookie } from './session.middleware.js';
import { createUser, listUsers, updateUser } from './users.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const me = z.object({
  username: z.string(), displayName: z.string().nullable(), role: z.string(), districts: z.array(z.string()),
  partnerAgency: z.string().nullable(), csrfToken: z.string(), demo: z.boolean(),
  mustChangePassword: z.boolean().openapi({ description: 'The password used was one-time (a demo account): only POST /api/auth/password, /api/me and sign-out work until it is changed' }),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The client's address for throttling: the socket's peer, or X-Forwarded-For from a trusted proxy. */
function clientOf(c: Context, trusted: TrustedProxies): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined;
  }
  return clientAddress(remote, c.req.header('x-forwarded-for'), trusted);
}

const loginRoute = createRoute({
  method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the session cookie',
  request: { body: { content: { 'application/json': { schema: signInSchema } } } },
  responses: { 200: json(me, 'Signed in'), 401: json(errorSchema, 'Wrong username or password'), 403: json(errorSchema, 'Cross-site request'), 429: json(errorSchema, 'Throttled or locked') },
});
const logoutRoute = createRoute({ method: 'post', path: '/api/auth/logout', summary: 'Sign out of this session', responses: { 204: { description: 'Signed out' } } });
const logoutAllRoute = createRoute({ method: 'post', path: '/api/auth/logout-all', summary: 'Sign out of every session of this account', responses: { 200: json(z.object({ sessions: z.number() }), 'Signed out everywhere') } });
const passwordRoute = createRoute({
  method: 'post', path: '/api/auth/password', summary: 'Change your own password (required first after signing in with a one-time password)',
  request: { body: { content: { 'application/json': { schema: passwordChangeSchema } } } },
  responses: { 204: { description: 'Changed; other sessions of the account ended' }, 400: json(errorSchema, 'Current password wrong, or the new one refused') },
});
const meRoute = createRoute({ method: 'get', path: '/api/me', summary: 'The signed-in user and the CSRF token for state-changing requests', responses: { 200: json(me, 'Current user'), 401: json(errorSchema, 'No session') } });

const userOut = z.object({
  id: z.number(), username: z.string(), display_name: z.string().nullable(), role: z.string(), partner_agency: z.string().nullable(),
  is_demo: z.boolean(), districts: z.array(z.string()),
}).passthrough();
const listUsersRoute = createRoute({ method: 'get', path: '/api/users', summary: 'Accounts (admin)', responses: { 200: json(z.object({ users: z.array(userOut) }), 'Accounts'), 403: json(errorSchema, 'Not an admin') } });
const createUserRoute = createRoute({
  method: 'post', path: '/api/users', summary: 'Create an account (admin)',
  request: { body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: '{username, role, password, displayName?, districts?, partnerAgency?}' }) } } } },
  responses: { 201: json(z.object({ id: z.number(), username: z.string() }), 'Created'), 400: json(errorSchema, 'Invalid'), 403: json(errorSchema, 'Not an admin'), 409: json(errorSchema, 'Username taken') },
});
const updateUserRoute = createRoute({
  method: 'patch', path: '/api/users/{id}', summary: 'Change role, districts, agency or disable an account (admin)',
  request: { params: z.object({ id: z.coerce.number().int().positive() }), body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
  responses: { 204: { description: 'Updated' }, 400: json(errorSchema, 'Invalid'), 403: json(errorSchema, 'Not an admin'), 404: json(errorSchema, 'No such user') },
});

export function identityRoutes(deps: AuthDeps & { secureCookies: boolean; trustedProxies?: TrustedProxies }) {
  const trusted = deps.trustedProxies ?? NO_TRUSTED_PROXIES;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const meOf = (c: Context<AppEnv>) => {
    const p = c.get('principal');
    return { username: p.username, displayName: p.displayName, role: p.role, districts: p.districts, partnerAgency: p.partnerAgency, csrfToken: c.get('csrfToken'), demo: p.isDemo, mustChangePassword: c.get('mustChangePassword') ?? false };
  };

  app.openapi(loginRoute, async (c) => {
    refuseCrossSite(c);
    const body = c.req.valid('json');
    const s = await signIn(deps, { username: body.username, password: body.password, client: clientOf(c, trusted) });
    setSessionCookie(c, s.token, deps.secureCookies);
    c.header('Cache-Control', 'no-store');
    const p = s.user;
    return c.json({ username: p.username, displayName: p.displayName, role: p.role, districts: p.districts, partnerAgency: p.partnerAgency, csrfToken: s.csrfToken, demo: p.isDemo, mustChangePassword: s.mustChangePassword }, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    await signOut(deps, c.get('principal'), c.get('sessionTokenHash'));
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi(logoutAllRoute, async (c) => {
    const n = await signOutEverywhere(deps, c.get('principal'));
    clearSessionCookie(c);
    return c.json({ sessions: n }, 200);
  });
  app.openapi(passwordRoute, async (c) => {
    await changePassword(deps, c.get('principal'), c.get('sessionTokenHash'), c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openapi(meRoute, (c) => c.json(meOf(c), 200));

  app.openapi(listUsersRoute, async (c) => c.json({ users: (await listUsers(deps.db, c.get('principal'), deps.auditKey)).map((u) => ({ ...u, id: Number(u.id) })) }, 200));
  app.openapi(createUserRoute, async (c) => {
    const created = await createUser(deps.db, deps.auditKey, { kind: 'user', principal: c.get('principal') }, c.req.valid('json'));
    return c.json(created, 201);
  });
  app.openapi(updateUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    await updateUser(deps.db, deps.auditKey, c.get('principal'), id, c.req.valid('json'));
    return c.body(null, 204);
  });
  return app;
}

