import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { auditMac, GENESIS_MAC, type StoredAuditEntry } from './audit-chain.js';

/** What happened, to what, by whom and why. Never put personal data in `details`. */
export interface AuditEvent {
  actor: string;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  purpose?: string | null;
  recipients?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

const APPEND_LOCK = 7_245_002;

/**
 * Appends to the audit chain inside the caller's transaction, so the entry commits or rolls back
 * with the work it records. Appends are serialised by a transaction-level advisory lock.
 */
export async function appendAudit(trx: Db, key: Buffer, event: AuditEvent): Promise<number> {
  if (!trx.isTransaction) throw new AppError('internal', 'appendAudit must run inside the transaction of the work it records');
  await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
  const last = await sql<{ mac: string }>`select mac from audit_log order by id desc limit 1`.execute(trx);
  const prevMac = last.rows[0]?.mac ?? GENESIS_MAC;
  const id = Number((await sql<{ id: number }>`select nextval('audit_log_id_seq')::int8 as id`.execute(trx)).rows[0]!.id);
  const entry = {
    id,
    at: new Date().toISOString(),
    actor: event.actor,
    action: event.action,
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    purpose: event.purpose ?? null,
    recipients: event.recipients ?? null,
    reason: event.reason ?? null,
    details: event.details ?? null,
  };
  const mac = auditMac(key, prevMac, entry);
  await sql`insert into audit_log (id, at, actor, action, record_type, record_id, purpose, recipients, reason, details, prev_mac, mac)
    values (${id}, ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.recordType}, ${entry.recordId}, ${entry.purpose},
      ${entry.recipients}, ${entry.reason}, ${entry.details === null ? null : JSON.stringify(entry.details)}::jsonb, ${prevMac}, ${mac})`.execute(trx);
  return id;
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  record_type: string | null;
  record_id: string | null;
  purpose: string | null;
  recipients: string | null;
  reason: string | null;
  details: unknown;
  prev_mac: string;
  mac: string;
}

export function toStoredEntry(r: AuditRow): StoredAuditEntry {
  return {
    id: Number(r.id), at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, recordType: r.record_type,
    recordId: r.record_id, purpose: r.purpose, recipients: r.recipients, reason: r.reason,
    details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details, prevMac: r.prev_mac, mac: r.mac,
  };
}

/** Reads the whole chain in id order, a page at a time. */
export async function* readAuditChain(db: Db, pageSize = 5000): AsyncGenerator<StoredAuditEntry> {
  let after = 0;
  for (;;) {
    const page = await sql<AuditRow>`select * from audit_log where id > ${after} order by id limit ${pageSize}`.execute(db);
    for (const r of page.rows) yield toStoredEntry(r);
    if (page.rows.length < pageSize) return;
    after = Number(page.rows.at(-1)!.id);
  }
}
