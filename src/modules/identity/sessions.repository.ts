import type { Db } from '../../platform/db/database.js';

export interface SessionRow {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export async function insertSession(db: Db, s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('user_session').values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const r = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<', now).execute();
}

/** Ends every session of the user but one (after a password change). */
export async function deleteOtherUserSessions(db: Db, userId: number, keepTokenHash: string): Promise<number> {
  const r = await db.deleteFrom('user_session').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).executeTakeFirst();
  return Number(r.numDeletedRows);
}
