import type { Db } from '../../platform/db/database.js';
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
}

const userColumns = ['id', 'username', 'display_name', 'role', 'partner_agency', 'password_hash', 'is_demo', 'disabled_at', 'failed_attempts', 'locked_until'] as const;

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
  u: { username: string; displayName: string | null; role: Role; partnerAgency: string | null; passwordHash: string; isDemo: boolean },
): Promise<number> {
  const r = await db
    .insertInto('app_user')
    .values({ username: u.username.toLowerCase(), display_name: u.displayName, role: u.role, partner_agency: u.partnerAgency, password_hash: u.passwordHash, is_demo: u.isDemo })
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
  patch: Partial<{ role: Role; display_name: string | null; partner_agency: string | null; disabled_at: Date | null; password_hash: string; password_changed_at: Date }>,
): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

export async function recordFailure(db: Db, id: number, lockUntil: Date | null): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), locked_until: lockUntil }))
    .where('id', '=', id)
    .execute();
}

export async function clearFailures(db: Db, id: number): Promise<void> {
  await db.updateTable('app_user').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
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

export async function clientFailures(db: Db, client: string, since: Date): Promise<number> {
  const r = await db.selectFrom('sign_in_failure').select((eb) => eb.fn.countAll<number>().as('n')).where('client', '=', client).where('at', '>', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function addClientFailure(db: Db, client: string): Promise<void> {
  await db.insertInto('sign_in_failure').values({ client }).execute();
  await db.deleteFrom('sign_in_failure').where('at', '<', new Date(Date.now() - 24 * 3600_000)).execute();
}
