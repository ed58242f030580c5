import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { aboutPeople, appendAudit, assertAuditKey, readAuditChain, toStoredEntry } from '../../platform/audit/audit.js';
import { chainVerifier, type ChainVerdict, type ExpectedHead } from '../../platform/audit/audit-chain.js';
import { AppError } from '../../platform/errors.js';
import { toCsv } from '../../platform/csv.js';
import { authorize, type Principal } from '../../platform/policy.js';
import { identityPolicy } from '../identity/index.js';
import { z } from 'zod';

/**
 * Recomputes the whole chain; with `expectHead`, also proves the newest entries are still there
 * (and, with its hash, that the chain was not rewritten up to it). A key that is not the one the
 * database recorded throws 'audit_key' before anything is checked.
 */
export async function verifyAuditChain(db: Db, key: Buffer, expectHead?: number | ExpectedHead): Promise<ChainVerdict> {
  await assertAuditKey(db, key);
  const v = chainVerifier(key, expectHead);
  for await (const e of readAuditChain(db)) {
    const bad = v.push(e);
    if (bad) return bad;
  }
  return v.finish();
}

export const auditQuerySchema = z.object({
  actor: z.string().max(120).optional(),
  action: z.string().max(60).optional(),
  recordType: z.string().max(60).optional(),
  recordId: z.string().max(120).optional(),
  person: z.coerce.number({ error: 'must be the number of a person record' }).int('must be the number of a person record').positive('must be the number of a person record').optional(),
  from: z.string().date('must be a date, YYYY-MM-DD').optional(),
  to: z.string().date('must be a date, YYYY-MM-DD').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

async function search(db: Db, q: AuditQuery, limit: number, offset: number) {
  const where = sql.join(
    [
      sql`true`,
      ...(q.actor ? [sql`actor = ${q.actor}`] : []),
      ...(q.action ? [sql`action = ${q.action}`] : []),
      ...(q.recordType ? [sql`record_type = ${q.recordType}`] : []),
      ...(q.recordId ? [sql`record_id = ${q.recordId}`] : []),
      ...(q.person ? [aboutPeople([q.person])] : []),
      ...(q.from ? [sql`at >= ${q.from}::date`] : []),
      ...(q.to ? [sql`at < ${q.to}::date + 1`] : []),
    ],
    sql` and `,
  );
  const total = await sql<{ n: number }>`select count(*)::int8 as n from audit_log where ${where}`.execute(db);
  const rows = await sql<Parameters<typeof toStoredEntry>[0]>`select * from audit_log where ${where} order by id desc limit ${limit} offset ${offset}`.execute(db);
  return { total: Number(total.rows[0]?.n ?? 0), entries: rows.rows.map(toStoredEntry) };
}

/** The auditor's search of the log; the search itself is recorded. */
export async function searchAudit(db: Db, key: Buffer, principal: Principal, q: AuditQuery) {
  authorize(identityPolicy, 'audit.read', principal);
  return db.transaction().execute(async (trx) => {
    const result = await search(trx, q, q.limit, q.offset);
    await appendAudit(trx, key, { actor: `user:${principal.username}`, action: 'search', recordType: 'audit_log', details: { filters: { ...q } } });
    return result;
  });
}

/** Exports matching entries as CSV; an export needs a reason and is itself audited. */
export async function exportAudit(db: Db, key: Buffer, principal: Principal, q: AuditQuery, reason: string | undefined): Promise<string> {
  authorize(identityPolicy, 'audit.export', principal);
  if (!reason || reason.trim().length < 5) throw new AppError('validation', 'reason: say why the log is exported (at least 5 characters)');
  return db.transaction().execute(async (trx) => {
    const { entries } = await search(trx, q, 100_000, 0);
    await appendAudit(trx, key, { actor: `user:${principal.username}`, action: 'export', recordType: 'audit_log', reason: reason.trim(), details: { filters: { ...q, limit: undefined, offset: undefined }, rows: entries.length } });
    const header = ['id', 'at', 'actor', 'action', 'record_type', 'record_id', 'purpose', 'recipients', 'reason', 'details', 'prev_mac', 'mac'];
    return toCsv(header, entries.map((e) => [e.id, e.at, e.actor, e.action, e.recordType, e.recordId, e.purpose, e.recipients, e.reason, e.details as object | null, e.prevMac, e.mac]));
  });
}
