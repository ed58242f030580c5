import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import * as sessions from './sessions.repository.js';
import * as users from './users.repository.js';
import { passwordProblems } from './password-policy.js';
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

// Verifying against a fixed hash when the account does not exist (or is locked or disabled)
// keeps the answer's timing the same.
let dummyHash: Promise<string> | undefined;

/** The answer to every refused sign-in but the address throttle: it never says which part was wrong, nor that an account exists or is locked. */
export const WRONG_SIGN_IN = 'Wrong username or password. After 5 failed sign-ins an account is locked for 15 minutes: wait, or ask an administrator';

/** argon2 verify that treats a malformed hash (a retired demo account) as a wrong password. */
async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

async function loadSessionUser(db: Db, row: users.UserRow): Promise<SessionUser> {
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, partnerAgency: row.partner_agency,
    districts: await users.userDistricts(db, row.id), isDemo: row.is_demo,
  };
}

/**
 * Signs in with a password. A new session token is always issued (fixation-proof). Five wrong
 * passwords lock the account for 15 minutes; twenty failures from one address within 15 minutes
 * throttle that address. Both counts are taken atomically before the password check (an attempt
 * counts as a failure until it succeeds), so parallel guesses cannot exceed them. An unknown,
 * disabled or locked account gets the same answer, after the same password hashing work, as a
 * wrong password. Success and failure are both audited. `mustChangePassword`: the session may
 * only change the password (and sign out) until it has.
 */
export async function signIn(
  deps: AuthDeps,
  input: { username: string; password: string; client: string },
): Promise<{ token: string; csrfToken: string; user: SessionUser; expiresAt: Date; mustChangePassword: boolean }> {
  const now = deps.now?.() ?? new Date();
  const username = input.username.trim().toLowerCase();
  const reservation = await users.reserveClientAttempt(deps.db, input.client, now, new Date(now.getTime() - CLIENT_WINDOW_MS), CLIENT_LIMIT);
  if (reservation === undefined) {
    throw new AppError('throttled', 'Too many failed sign-ins from this address: wait 15 minutes and try again');
  }
  const slot = await users.reserveAttempt(deps.db, username, now, LOCKOUT_AFTER, new Date(now.getTime() + LOCKOUT_MS));
  const row = slot ? await users.findUserById(deps.db, slot.id) : undefined;
  dummyHash ??= hash('not a real password, only for timing');
  const ok = row ? await passwordMatches(row.password_hash, input.password) : (await passwordMatches(await dummyHash, input.password), false);

  if (!ok || !row) {
    const reason = row ? 'wrong-password' : (await users.findUserByName(deps.db, username)) ? 'locked-or-disabled' : 'unknown-user';
    await deps.db.transaction().execute(async (trx) => {
      await appendAudit(trx, deps.auditKey, {
        actor: 'anonymous', action: 'sign-in-failed', recordType: 'user', recordId: row ? String(row.id) : null,
        details: { username: username.slice(0, 100), client: input.client, reason, locked: (slot?.attempt ?? 0) >= LOCKOUT_AFTER },
      });
    });
    throw new AppError('unauthenticated', WRONG_SIGN_IN);
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await deps.db.transaction().execute(async (trx) => {
    await users.clearFailures(trx, row.id);
    await users.releaseClientAttempt(trx, reservation);
    await sessions.deleteExpiredSessions(trx, now);
    await sessions.insertSession(trx, { tokenHash: hashToken(token), userId: row.id, csrfToken, expiresAt });
    await appendAudit(trx, deps.auditKey, { actor: `user:${row.username}`, action: 'sign-in', recordType: 'user', recordId: String(row.id), details: { client: input.client } });
  });
  return { token, csrfToken, user: await loadSessionUser(deps.db, row), expiresAt, mustChangePassword: row.must_change_password };
}

/**
 * Changes the signed-in user's own password: the current one must match and the new one pass
 * the policy. Clears "must change password" and ends the account's other sessions. Audited.
 */
export async function changePassword(
  deps: AuthDeps,
  user: SessionUser,
  tokenHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await users.findUserById(deps.db, user.id);
  if (!row || row.disabled_at) throw new AppError('unauthenticated', 'Sign in first (no session, or it has expired)');
  if (!(await passwordMatches(row.password_hash, input.currentPassword))) {
    throw new AppError('validation', 'currentPassword: this is not your current password', [{ field: 'currentPassword', message: 'this is not your current password' }]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation', 'newPassword: must differ from the current password', [{ field: 'newPassword', message: 'must differ from the current password' }]);
  }
  const problems = passwordProblems(input.newPassword, row.username);
  if (problems.length) throw new AppError('validation', `newPassword: ${problems.join('; ')}`, problems.map((message) => ({ field: 'newPassword', message })));
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, row.id, { password_hash: passwordHash, password_changed_at: now, must_change_password: false });
    const ended = await sessions.deleteOtherUserSessions(trx, row.id, tokenHash);
    await appendAudit(trx, deps.auditKey, {
      actor: `user:${row.username}`, action: 'password-change', recordType: 'user', recordId: String(row.id),
      details: { wasRequired: row.must_change_password, otherSessionsEnded: ended },
    });
  });
}

/** The signed-in user for a session token, or null when it is unknown, idle too long or expired. */
export async function resolveSession(deps: AuthDeps, token: string): Promise<{ user: SessionUser; csrfToken: string; tokenHash: string; mustChangePassword: boolean } | null> {
  const now = deps.now?.() ?? new Date();
  const tokenHash = hashToken(token);
  const found = await users.findSessionWithUser(deps.db, tokenHash);
  if (!found) return null;
  const s = found.session;
  if (s.expires_at <= now || now.getTime() - new Date(s.last_seen_at).getTime() > SESSION_IDLE_MS) {
    await sessions.deleteSession(deps.db, tokenHash);
    return null;
  }
  const row = found.user;
  if (!row || row.disabled_at) return null;
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) await sessions.touchSession(deps.db, tokenHash, now);
  const user: SessionUser = {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, partnerAgency: row.partner_agency,
    districts: row.districts, isDemo: row.is_demo,
  };
  return { user, csrfToken: s.csrf_token, tokenHash, mustChangePassword: row.must_change_password };
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
