import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { auditMac, GENESIS_MAC, type StoredAuditEntry } from './audit-chain.js';
import { auditKeyFingerprint, auditKeyPlace, missingKeyError, placeOfKey, readAuditKey, wrongKeyError, type AuditKeySettings } from './audit-key.js';

/**
 * What happened, to what, by whom and why. Never put personal data in `details`. `personIds`
 * names every person the work disclosed (shown on a page, listed, offered as a duplicate), so the
 * entry is found by that person (stored as details.personIds).
 */
export interface AuditEvent {
  actor: string;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  purpose?: string | null;
  recipients?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  personIds?: readonly number[];
}

function detailsOf(event: AuditEvent): Record<string, unknown> | null {
  // Ids can arrive as strings from int8 columns: stored as JSON numbers, so one containment query finds them all.
  const ids = [...new Set((event.personIds ?? []).map(Number))].sort((a, b) => a - b);
  if (!ids.length) return event.details ?? null;
  return { ...(event.details ?? {}), personIds: ids };
}

async function keyState(db: Db, takeId = false): Promise<{ fingerprint: string | null; lastMac: string | null; nextId: number | null }> {
  const r = await sql<{ fp: string | null; mac: string | null; id: number | null }>`
    select (select fingerprint from audit_key_fingerprint where id = 1) as fp, (select mac from audit_log order by id desc limit 1) as mac,
      ${takeId ? sql`nextval('audit_log_id_seq')::int8` : sql`null::int8`} as id`.execute(db);
  return { fingerprint: r.rows[0]?.fp ?? null, lastMac: r.rows[0]?.mac ?? null, nextId: r.rows[0]?.id ?? null };
}

/** For a log written before fingerprints were recorded: does the key reproduce its newest entry's MAC? */
async function newestEntryMatches(db: Db, key: Buffer): Promise<boolean> {
  const r = await sql<AuditRow>`select * from audit_log order by id desc limit 1`.execute(db);
  if (!r.rows[0]) return true;
  const e = toStoredEntry(r.rows[0]);
  return auditMac(key, e.prevMac, e) === e.mac;
}

function unrecordedKeyError(key: Buffer): AppError {
  const where = placeOfKey(key);
  return new AppError(
    'audit_key',
    `Wrong audit key: the key${where ? ` from ${where}` : ''} (fingerprint ${auditKeyFingerprint(key)}) did not write this database's audit log ` +
      '(its newest entry does not match). Nothing was written or verified: point HUB_AUDIT_KEY_FILE (or HUB_AUDIT_KEY) at the key the log was written with.',
  );
}

/**
 * Refuses a key that is not the one this database's audit chain is written with: 'audit_key'
 * (exit 10, HTTP 503), never a false "entry N was altered". With no fingerprint recorded yet,
 * a log written before fingerprints existed must still match the key at its newest entry.
 */
export async function assertAuditKey(db: Db, key: Buffer): Promise<void> {
  const st = await keyState(db);
  if (st.fingerprint !== null) {
    if (st.fingerprint !== auditKeyFingerprint(key)) throw wrongKeyError(key, st.fingerprint);
  } else if (st.lastMac !== null && !(await newestEntryMatches(db, key))) {
    throw unrecordedKeyError(key);
  }
}

/**
 * Finds the audit key for a database opened with these settings and checks it against the
 * fingerprint the database recorded. `create` (the server and commands that write, never
 * `audit verify`) may make a new key file, and only in the embedded database's own data directory
 * when the database has no audit entries and no key recorded yet (its first start).
 */
export async function openAuditKey(db: Db, settings: AuditKeySettings, opts: { create: boolean }): Promise<Buffer> {
  const place = auditKeyPlace(settings);
  const st = await keyState(db);
  const fresh = st.fingerprint === null && st.lastMac === null;
  const key = readAuditKey(place, settings.auditKeyFromEnv, opts.create && fresh && place?.kind === 'file' && place.inDataDir);
  if (!key) throw missingKeyError(place, st.fingerprint, fresh);
  await assertAuditKey(db, key);
  return key;
}

const APPEND_LOCK = 7_245_002;

/**
 * Appends to the audit chain inside the caller's transaction, so the entry commits or rolls back
 * with the work it records. Appends are serialised by a transaction-level advisory lock.
 */
export async function appendAudit(trx: Db, key: Buffer, event: AuditEvent): Promise<number> {
  if (!trx.isTransaction) throw new AppError('internal', 'appendAudit must run inside the transaction of the work it records');
  await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
  // The key state and the new entry's id in one round trip (an id given up by a refusal below
  // leaves a gap, as a rolled-back append does; the chain links entries by MAC, not by id).
  const st = await keyState(trx, true);
  const fingerprint = auditKeyFingerprint(key);
  if (st.fingerprint === null) {
    // The first append with this key (or the first since fingerprints were recorded): remember it.
    if (st.lastMac !== null && !(await newestEntryMatches(trx, key))) throw unrecordedKeyError(key);
    await sql`insert into audit_key_fingerprint (id, fingerprint) values (1, ${fingerprint})`.execute(trx);
  } else if (st.fingerprint !== fingerprint) {
    throw wrongKeyError(key, st.fingerprint);
  }
  const prevMac = st.lastMac ?? GENESIS_MAC;
  const id = Number(st.nextId);
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
    details: detailsOf(event),
  };
  const mac = auditMac(key, prevMac, entry);
  await sql`insert into audit_log (id, at, actor, action, record_type, record_id, purpose, recipients, reason, details, prev_mac, mac)
    values (${id}, ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.recordType}, ${entry.recordId}, ${entry.purpose},
      ${entry.recipients}, ${entry.reason}, ${entry.details === null ? null : JSON.stringify(entry.details)}::jsonb, ${prevMac}, ${mac})`.execute(trx);
  return id;
}

export interface AuditRow {
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

/**
 * Entries about any of these people: the person record itself, and entries that disclosed them
 * (details.personIds) or name them as the person concerned (details.personId).
 */
export function aboutPeople(ids: readonly number[]) {
  if (!ids.length) return sql<boolean>`false`;
  return sql<boolean>`((record_type = 'person' and record_id in (${sql.join(ids.map(String))}))
    or ${sql.join(ids.map((id) => sql`details -> 'personIds' @> ${JSON.stringify([id])}::jsonb`), sql` or `)}
    or (details ->> 'personId') in (${sql.join(ids.map(String))}))`;
}

/** The stored audit rows a condition selects, in id order (a subject-access section's `auditEntries`). */
export async function auditRowsWhere(db: Db, where: RawBuilder<boolean>): Promise<AuditRow[]> {
  return (await sql<AuditRow>`select * from audit_log where ${where} order by id`.execute(db)).rows;
}
