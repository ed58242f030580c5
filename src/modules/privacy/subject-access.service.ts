import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { toStoredEntry } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { trainingOfAccount } from '../training/index.js';

/**
 * Everything held on one data subject, for a subject access request. Today the personal data
 * held is staff accounts (and what the audit log records of them); people records join in as
 * their modules arrive. The export is audited by the caller, with its reason.
 */
export async function subjectAccessExport(
  db: Db,
  username: string,
  reason: string,
  audit: (trx: Db, event: { action: string; recordType: string; recordId: string; reason: string; details: Record<string, unknown> }) => Promise<void>,
): Promise<Record<string, unknown>> {
  if (reason.trim().length < 5) throw new AppError('validation', '--reason: say why (e.g. the request reference), at least 5 characters');
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'username', 'display_name', 'role', 'partner_agency', 'is_demo', 'disabled_at', 'created_at', 'password_changed_at', 'failed_attempts', 'locked_until'])
      .where('username', '=', username.toLowerCase())
      .executeTakeFirst();
    if (!user) throw new AppError('not_found', `No account '${username}'`);
    const districts = await trx.selectFrom('user_district').select('district').where('user_id', '=', user.id).execute();
    const training = await trainingOfAccount(trx, Number(user.id));
    const sessions = await trx.selectFrom('user_session').select(['created_at', 'last_seen_at', 'expires_at']).where('user_id', '=', user.id).execute();
    const entries = await sql<Parameters<typeof toStoredEntry>[0]>`
      select * from audit_log where actor = ${`user:${user.username}`} or (record_type = 'user' and record_id = ${String(user.id)}) order by id`.execute(trx);
    await audit(trx, {
      action: 'export', recordType: 'user', recordId: String(user.id), reason: reason.trim(),
      details: { kind: 'subject-access', auditEntries: entries.rows.length },
    });
    return {
      generatedAt: new Date().toISOString(),
      subject: { kind: 'staff account', username: user.username },
      account: { ...user, id: Number(user.id), passwordHash: 'held (argon2id hash; not disclosed)' },
      districts: districts.map((d) => d.district),
      sessions,
      training,
      auditEntries: entries.rows.map((r) => {
        const e = toStoredEntry(r);
        return { id: e.id, at: e.at, actor: e.actor, action: e.action, recordType: e.recordType, recordId: e.recordId, purpose: e.purpose, reason: e.reason, details: e.details };
      }),
    };
  });
}
