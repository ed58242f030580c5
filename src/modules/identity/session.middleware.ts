import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/policy.js';
import { makeContext, scopeFor } from '../../platform/module/context.js';
import { agencyIdOfPrincipal } from '../partners/index.js';
import { resolveSession, SESSION_ABSOLUTE_MS, type AuthDeps } from './auth.service.js';

export const SESSION_COOKIE = 'hub_session';
const PUBLIC_API = new Set(['/api/health', '/api/auth/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** All an account that must change its password may do until it has. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/me', '/api/auth/password', '/api/auth/logout', '/api/auth/logout-all']);

export function isHttps(c: Context, forceSecure: boolean): boolean {
  return forceSecure || new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, token: string, forceSecure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, forceSecure),
    path: '/',
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every /api route but health and sign-in needs a live session (401 otherwise); every
 * state-changing request also needs the session's CSRF token in X-CSRF-Token (403 otherwise).
 * An account that must change its password (a demo account's printed password) may only read
 * /api/me, change the password and sign out (403 otherwise).
 */
export function sessionGuard(deps: AuthDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (PUBLIC_API.has(c.req.path)) return next();
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(deps, token) : null;
    if (!session) {
      if (token) clearSessionCookie(c);
      throw new AppError('unauthenticated', 'Sign in first (no session, or it has expired)');
    }
    if (!SAFE_METHODS.has(c.req.method) && !sameToken(c.req.header('x-csrf-token'), session.csrfToken)) {
      throw new AppError('forbidden', 'Missing or wrong X-CSRF-Token header (get it from GET /api/me)');
    }
    if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
      throw new AppError('forbidden', 'Choose a new password first: the password you signed in with can only be used once');
    }
    c.set('principal', session.user);
    const principal = session.user;
    const agencyId = principal.role === 'partner' ? await agencyIdOfPrincipal(deps.db, principal) : null;
    c.set('ctx', makeContext({ db: deps.db, auditKey: deps.auditKey, actor: { kind: 'user', principal }, scope: scopeFor(principal, agencyId), ...(deps.now ? { now: deps.now } : {}) }));
    c.set('mustChangePassword', session.mustChangePassword);
    c.set('sessionTokenHash', session.tokenHash);
    c.set('csrfToken', session.csrfToken);
    c.header('Cache-Control', 'no-store');
    return next();
  };
}

/**
 * Sign-in carries no CSRF token; instead a browser's cross-site request is refused by its
 * Origin (or Sec-Fetch-Site) header.
 */
export function refuseCrossSite(c: Context): void {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site') throw new AppError('forbidden', 'Cross-site sign-in refused');
  if (origin && origin !== 'null') {
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError('forbidden', 'Cross-site sign-in refused');
    }
    if (!host || originHost !== host) throw new AppError('forbidden', 'Cross-site sign-in refused');
  } else if (origin === 'null') {
    throw new AppError('forbidden', 'Cross-site sign-in refused');
  }
}
