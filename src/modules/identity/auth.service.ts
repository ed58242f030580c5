import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import * as sessions from './sessions.repository.js';
import * as users from './users.repository.js';
import type { Principal } from '../../platform/policy.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const CLIENT_LIMIT = 20; // failures from one address in CLIENT_WINDOW_MS
export const CLIENT_WINDOW_MS = 15 * 60_000;

export interface AuthDeps {
  db: Db;
  auditKey: Buffer;
  now?: () => Date;
}

export type SessionUser = Principal;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against a fixed hash when the account does not exist keeps timing the same.
let dummyHash: Promise<string> | undefined;

async function loadSessionUser(db: Db, row: users.UserRow): Promise<SessionUser> {
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, partnerAgency: row.partner_agency,
    districts: await users.userDistricts(db, row.id), isDemo: row.is_demo,
  };
}

/**
 * Signs in with a password. A new session token is always issued (fixation-proof). Five wrong
 * passwords lock the account for 15 minutes; twenty failures from one address within 15 minutes
 * throttle that address. Success and failure are both audited.
 */
export async function signIn(
  deps: AuthDeps,
  input: { username: string; password: string; client: string },
): Promise<{ token: string; csrfToken: string; user: SessionUser; expiresAt: Date }> {
  const now = deps.now?.() ?? new Date();
  const username = input.username.trim().toLowerCase();
  if ((await users.clientFailures(deps.db, input.client, new Date(now.getTime() - CLIENT_WINDOW_MS))) >= CLIENT_LIMIT) {
    throw new AppError('throttled', 'Too many failed sign-ins from this address: wait 15 minutes and try again');
  }
  const row = await users.findUserByName(deps.db, username);
  if (row?.locked_until && row.locked_until > now) {
    throw new AppError('throttled', 'This account is locked after repeated failed sign-ins: wait 15 minutes or ask an administrator');
  }
  dummyHash ??= hash('not a real password, only for timing');
  const ok = row && !row.disabled_at ? await verify(row.password_hash, input.password) : (await verify(await dummyHash, input.password), false);

  if (!ok || !row) {
    await deps.db.transaction().execute(async (trx) => {
      await users.addClientFailure(trx, input.client);
      let locked = false;
      if (row) {
        locked = row.failed_attempts + 1 >= LOCKOUT_AFTER;
        await users.recordFailure(trx, row.id, locked ? new Date(now.getTime() + LOCKOUT_MS) : null);
      }
      await appendAudit(trx, deps.auditKey, {
        actor: 'anonymous', action: 'sign-in-failed', recordType: 'user', recordId: row ? String(row.id) : null,
        details: { username: username.slice(0, 100), client: input.client, locked },
      });
    });
    throw new AppError('unauthenticated', 'Wrong username or password');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await deps.db.transaction().execute(async (trx) => {
    await users.clearFailures(trx, row.id);
    await sessions.deleteExpiredSessions(trx, now);
    await sessions.insertSession(trx, { tokenHash: hashToken(token), userId: row.id, csrfToken, expiresAt });
    await appendAudit(trx, deps.auditKey, { actor: `user:${row.username}`, action: 'sign-in', recordType: 'user', recordId: String(row.id), details: { client: input.client } });
  });
  return { token, csrfToken, user: await loadSessionUser(deps.db, row), expiresAt };
}

/** The signed-in user for a session token, or null when it is unknown, idle too long or expired. */
export async function resolveSession(deps: AuthDeps, token: string): Promise<{ user: SessionUser; csrfToken: string; tokenHash: string } | null> {
  const now = deps.now?.() ?? new Date();
  const tokenHash = hashToken(token);
  const s = await sessions.findSession(deps.db, tokenHash);
  if (!s) return null;
  if (s.expires_at <= now || now.getTime() - new Date(s.last_seen_at).getTime() > SESSION_IDLE_MS) {
    await sessions.deleteSession(deps.db, tokenHash);
    return null;
  }
  const row = await users.findUserById(deps.db, s.user_id);
  if (!row || row.disabled_at) return null;
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) await sessions.touchSession(deps.db, tokenHash, now);
  return { user: await loadSessionUser(deps.db, row), csrfToken: s.csrf_token, tokenHash };
}

export async function signOut(deps: AuthDeps, user: SessionUser, tokenHash: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await sessions.deleteSession(trx, tokenHash);
    await appendAudit(trx, deps.auditKey, { actor: `user:${user.username}`, action: 'sign-out', recordType: 'user', recordId: String(user.id) });
  });
}

/** Ends every session of the user (all devices). */
export async function signOutEverywhere(deps: AuthDeps, user: SessionUser): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const n = await sessions.deleteUserSessions(trx, user.id);
    await appendAudit(trx, deps.auditKey, { actor: `user:${user.username}`, action: 'sign-out-everywhere', recordType: 'user', recordId: String(user.id), details: { sessions: n } });
    return n;
  });
}
