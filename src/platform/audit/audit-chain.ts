import { createHmac, timingSafeEqual } from 'node:crypto';

/** The MAC of the entry before the first. */
export const GENESIS_MAC = '0'.repeat(64);

export interface AuditContent {
  id: number;
  at: string; // ISO 8601, millisecond precision
  actor: string;
  action: string;
  recordType: string | null;
  recordId: string | null;
  purpose: string | null;
  recipients: string | null;
  reason: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every level, so the database's jsonb reordering is harmless. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** HMAC-SHA256 over the previous MAC and the entry's content. */
export function auditMac(key: Buffer, prevMac: string, e: AuditContent): string {
  const body = canonicalJson([e.id, e.at, e.actor, e.action, e.recordType, e.recordId, e.purpose, e.recipients, e.reason, e.details ?? null]);
  return createHmac('sha256', key).update(prevMac).update('\n').update(body).digest('hex');
}

export interface StoredAuditEntry extends AuditContent {
  prevMac: string;
  mac: string;
}

export type ChainVerdict =
  | { ok: true; entries: number; head: number | null; headMac: string | null }
  | { ok: false; entries: number; brokenAt: number | null; reason: string };

/** A head recorded outside the machine: an entry number and, to catch a chain rewritten with the key, its MAC. */
export interface ExpectedHead {
  id: number;
  mac?: string;
}

/** Parses `ID` or `ID:HASH` (what `hub audit head` prints). */
export function parseExpectedHead(text: string): ExpectedHead | null {
  const m = /^\s*(\d{1,15})(?::([0-9a-fA-F]{64}))?\s*$/.exec(text);
  if (!m || Number(m[1]) < 1) return null;
  return { id: Number(m[1]), ...(m[2] ? { mac: m[2].toLowerCase() } : {}) };
}

export const formatHead = (id: number, mac: string): string => `${id}:${mac}`;

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a chain read in id order, one entry at a time: every entry must link to the one before
 * and carry a MAC that matches its content. With `expectHead`, the chain must still reach that
 * entry, so removing the newest entries (or emptying the table) is caught too; with its hash, the
 * entry must still carry that MAC, so a chain rewritten by someone holding the key is caught.
 */
export function chainVerifier(key: Buffer, expected?: number | ExpectedHead) {
  const expectHead = typeof expected === 'number' ? { id: expected } : expected;
  let prev = GENESIS_MAC;
  let count = 0;
  let head: number | null = null;
  let sawExpected = expectHead === undefined;
  return {
    /** Returns a failed verdict at the first broken entry, otherwise null. */
    push(e: StoredAuditEntry): ChainVerdict | null {
      count++;
      if (!sameMac(e.prevMac, prev)) {
        return { ok: false, entries: count, brokenAt: e.id, reason: `entry ${e.id} does not link to the entry before it (an entry was removed or altered)` };
      }
      if (!sameMac(e.mac, auditMac(key, prev, e))) {
        return { ok: false, entries: count, brokenAt: e.id, reason: `entry ${e.id} was altered (its MAC does not match its content)` };
      }
      prev = e.mac;
      head = e.id;
      if (expectHead && e.id === expectHead.id) {
        if (expectHead.mac !== undefined && !sameMac(e.mac, expectHead.mac)) {
          return {
            ok: false, entries: count, brokenAt: e.id,
            reason: `entry ${e.id} no longer has the hash recorded for it: the chain up to it was rewritten (by someone holding the audit key)`,
          };
        }
        sawExpected = true;
      }
      return null;
    },
    finish(): ChainVerdict {
      if (!sawExpected) {
        return {
          ok: false, entries: count, brokenAt: null,
          reason: `the chain no longer reaches entry ${expectHead!.id} (newest entries removed or the log emptied); it ends at ${head ?? 'nothing'}`,
        };
      }
      return { ok: true, entries: count, head, headMac: head === null ? null : prev };
    },
  };
}

export function verifyChain(key: Buffer, entries: Iterable<StoredAuditEntry>, expectHead?: number | ExpectedHead): ChainVerdict {
  const v = chainVerifier(key, expectHead);
  for (const e of entries) {
    const bad = v.push(e);
    if (bad) return bad;
  }
  return v.finish();
}
