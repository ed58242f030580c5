import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { SessionRow } from './sessions.repository.js';
import type { Role } from './identity.tables.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  partner_agency: string | null;
  password_hash: string;
  is_demo: boolean;
  disabled_at: Date | null;
  failed_attempts: number;
  locked_until: Date | null;
  must_change_password: boolean;
}

const userColumns = ['id', 'username', 'display_name', 'role', 'partner_agency', 'password_hash', 'is_demo', 'disabled_at', 'failed_attempts', 'locked_until', 'must_change_password'] as const;

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').select(userColumns).where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function userDistricts(db: Db, userId: number): Promise<string[]> {
  const rows = await db.selectFrom('user_district').select('district').where('user_id', '=', userId).orderBy('district').execute();
  return rows.map((r) => r.district);
}

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string | null; role: Role; partnerAgency: string | null; passwordHash: string; isDemo: boolean; mustChangePassword?: boolean },
): Promise<number> {
  const r = await db
    .insertInto('app_user')
    .values({
      username: u.username.toLowerCase(), display_name: u.displayName, role: u.role, partner_agency: u.partnerAgency, password_hash: u.passwordHash, is_demo: u.isDemo,
      must_change_password: u.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setUserDistricts(db: Db, userId: number, districts: readonly string[]): Promise<void> {
  await db.deleteFrom('user_district').where('user_id', '=', userId).execute();
  if (districts.length) await db.insertInto('user_district').values(districts.map((district) => ({ user_id: userId, district }))).execute();
}

export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<{ role: Role; display_name: string | null; partner_agency: string | null; disabled_at: Date | null; password_hash: string; password_changed_at: Date; must_change_password: boolean }>,
): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

/**
 * Reserves one password check for an account, in one atomic statement: counts the attempt as a
 * failure before the (slow) check and locks the account when this attempt is the LOCKOUT-th,
 * so parallel guesses cannot all be checked. A lock that has run out starts the count again.
 * Returns the account's attempt number, or undefined when the account is unknown, disabled or
 * locked (no check allowed). A successful check undoes the count (clearFailures).
 */
export async function reserveAttempt(db: Db, username: string, now: Date, lockout: number, lockUntil: Date): Promise<{ id: number; attempt: number } | undefined> {
  const expired = sql<boolean>`(locked_until is not null and locked_until <= ${now})`;
  const count = sql<number>`(case when ${expired} then 0 else failed_attempts end) + 1`;
  const r = await sql<{ id: string | number; failed_attempts: number }>`
    update app_user set
      failed_attempts = ${count},
      locked_until = case when ${count} >= ${lockout} then ${lockUntil}::timestamptz else null end
    where username = ${username.toLowerCase()} and disabled_at is null and (locked_until is null or locked_until <= ${now})
    returning id, failed_attempts`.execute(db);
  const row = r.rows[0];
  return row ? { id: Number(row.id), attempt: row.failed_attempts } : undefined;
}

export async function clearFailures(db: Db, id: number): Promise<void> {
  await db.updateTable('app_user').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
}

/** Demo accounts still able to sign in. */
export async function activeDemoUsers(db: Db): Promise<{ id: number; username: string }[]> {
  const rows = await db.selectFrom('app_user').select(['id', 'username']).where('is_demo', '=', true).where('disabled_at', 'is', null).orderBy('username').execute();
  return rows.map((r) => ({ id: Number(r.id), username: r.username }));
}

export async function listUsers(db: Db) {
  const users = await db.selectFrom('app_user').select(['id', 'username', 'display_name', 'role', 'partner_agency', 'is_demo', 'disabled_at', 'locked_until', 'created_at']).orderBy('username').execute();
  const districts = await db.selectFrom('user_district').select(['user_id', 'district']).orderBy('district').execute();
  return users.map((u) => ({ ...u, districts: districts.filter((d) => d.user_id === u.id).map((d) => d.district) }));
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Reserves a sign-in attempt for a client address unless it already has `limit` failures (or
 * attempts in flight) within the window; returns the reservation's id, or undefined when the
 * address is throttled. Count and insert run under a per-address advisory lock inside one
 * transaction, so parallel attempts cannot all pass the count. A successful sign-in deletes its
 * reservation (releaseClientAttempt); a failed one leaves it as the failure.
 */
export async function reserveClientAttempt(db: Db, client: string, now: Date, since: Date, limit: number): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    // Two int4 keys: a lock space apart from the single-key locks of the audit log and migrator.
    await sql`select pg_advisory_xact_lock(7245002, hashtext(${client}))`.execute(trx);
    const r = await trx.selectFrom('sign_in_failure').select((eb) => eb.fn.countAll<number>().as('n')).where('client', '=', client).where('at', '>', since).executeTakeFirstOrThrow();
    if (Number(r.n) >= limit) return undefined;
    const row = await trx.insertInto('sign_in_failure').values({ client, at: now }).returning('id').executeTakeFirstOrThrow();
    await trx.deleteFrom('sign_in_failure').where('at', '<', new Date(now.getTime() - 24 * 3600_000)).execute();
    return Number(row.id);
  });
}

export async function releaseClientAttempt(db: Db, id: number): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('id', '=', id).execute();
}

/**
 * A session with its account and the account's districts, in one query (every signed-in request
 * resolves its session: one round trip to the database instead of three). `user` is null when the
 * account is gone.
 */
export async function findSessionWithUser(db: Db, tokenHash: string): Promise<{ session: SessionRow; user: (UserRow & { districts: string[] }) | null } | undefined> {
  const row = await db.selectFrom('user_session as s').leftJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.token_hash', 's.user_id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.expires_at'])
    .select(userColumns.map((c) => `u.${c} as u_${c}` as const))
    .select(sql<string[] | string>`(select coalesce(json_agg(d.district order by d.district), '[]'::json) from user_district d where d.user_id = s.user_id)`.as('districts'))
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const r = row as unknown as Record<string, unknown>;
  const session: SessionRow = {
    token_hash: row.token_hash, user_id: row.user_id, csrf_token: row.csrf_token, created_at: row.created_at, last_seen_at: row.last_seen_at, expires_at: row.expires_at,
  };
  if (r.u_id === null || r.u_id === undefined) return { session, user: null };
  const user = Object.fromEntries(userColumns.map((c) => [c, r[`u_${c}`]])) as unknown as UserRow;
  const districts = typeof row.districts === 'string' ? (JSON.parse(row.districts) as string[]) : row.districts;
  return { session, user: { ...user, districts } };
}
