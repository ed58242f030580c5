import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * The audit MAC key lives outside the database, at a place that never depends on the working
 * directory: HUB_AUDIT_KEY (at least 32 characters), HUB_AUDIT_KEY_FILE (an absolute path), or on
 * the embedded database `$HUB_DATA_DIR/audit.key` next to the data it protects. On a PostgreSQL
 * server one of the two settings is required.
 */
export type AuditKeyPlace = { kind: 'env' } | { kind: 'file'; file: string; inDataDir: boolean };

export interface AuditKeySettings {
  dataDir: string;
  databaseUrl: string | undefined;
  auditKeyFromEnv: string | undefined;
  auditKeyFile: string | undefined;
}

/** Where the key is looked for; null on PostgreSQL when neither setting is given. */
export function auditKeyPlace(s: AuditKeySettings): AuditKeyPlace | null {
  if (s.auditKeyFromEnv) return { kind: 'env' };
  if (s.auditKeyFile) return { kind: 'file', file: s.auditKeyFile, inDataDir: false };
  if (s.databaseUrl) return null;
  return { kind: 'file', file: path.join(path.resolve(s.dataDir), 'audit.key'), inDataDir: true };
}

export const describePlace = (p: AuditKeyPlace | null): string =>
  p === null ? 'nowhere (neither HUB_AUDIT_KEY_FILE nor HUB_AUDIT_KEY is set)' : p.kind === 'env' ? 'HUB_AUDIT_KEY' : p.file;

/** Identifies a key without revealing it: the first 16 hex digits of SHA-256 over HMAC(key, 'fingerprint'). */
export function auditKeyFingerprint(key: Buffer): string {
  const known = fingerprints.get(key);
  if (known) return known;
  const fp = createHash('sha256').update(createHmac('sha256', key).update('fingerprint').digest()).digest('hex').slice(0, 16);
  fingerprints.set(key, fp);
  return fp;
}
const fingerprints = new WeakMap<Buffer, string>();

/** Where each loaded key came from, so errors about it can say so. */
const places = new WeakMap<Buffer, string>();
export const placeOfKey = (key: Buffer): string | undefined => places.get(key);

/** The error for a key that is not the database's: its own code (exit 10, HTTP 503), never "entry N altered". */
export function wrongKeyError(key: Buffer, expected: string, where = placeOfKey(key)): AppError {
  return new AppError(
    'audit_key',
    `Wrong audit key: the key${where ? ` from ${where}` : ''} has fingerprint ${auditKeyFingerprint(key)}, but this database's audit log ` +
      `was written with the key whose fingerprint is ${expected}. Nothing was written or verified: point HUB_AUDIT_KEY_FILE ` +
      '(or HUB_AUDIT_KEY) at that key.',
  );
}

/** The error for a missing key, naming where it was looked for and the fingerprint the database expects. */
export function missingKeyError(place: AuditKeyPlace | null, expected: string | null, logEmpty: boolean): AppError {
  const want = expected
    ? `this database's audit log was written with the key whose fingerprint is ${expected}`
    : logEmpty ? null : "this database's audit log was written with a key that is not there";
  const fix = place === null
    ? 'On a PostgreSQL server set HUB_AUDIT_KEY_FILE to the absolute path of the key file (or HUB_AUDIT_KEY); see the README, "Using a PostgreSQL server".'
    : want
      ? 'Restore the key file from its backup (or set HUB_AUDIT_KEY_FILE to where it is); nothing was written.'
      : `Create one with: (umask 077; openssl rand -hex 32 > ${place.kind === 'file' ? place.file : 'FILE'}), keep a copy apart from the database backups.`;
  return new AppError('audit_key', `No audit key at ${describePlace(place)}${want ? `: ${want}` : ''}. ${fix}`);
}

function readKeyFile(file: string): Buffer {
  const mode = fs.statSync(file).mode & 0o077;
  if (mode !== 0) throw new AppError('forbidden', `${file} must be readable by its owner only (chmod 600)`);
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new AppError('validation', `${file} does not hold a valid key (at least 32 characters)`);
  return Buffer.from(key, 'utf8');
}

/**
 * Reads the key from its place. `create` makes a new key file (owner-only) when the file is
 * missing; the caller allows it only for the embedded database's own data directory on a
 * database whose audit log is empty and has no key recorded. Returns null when there is no key.
 */
export function readAuditKey(place: AuditKeyPlace | null, envKey: string | undefined, create: boolean): Buffer | null {
  if (place === null) return null;
  let key: Buffer;
  if (place.kind === 'env') {
    if (!envKey || envKey.length < 32) throw new AppError('validation', 'HUB_AUDIT_KEY must be at least 32 characters');
    key = Buffer.from(envKey, 'utf8');
  } else {
    if (!fs.existsSync(place.file)) {
      if (!create) return null;
      fs.mkdirSync(path.dirname(place.file), { recursive: true });
      try {
        fs.writeFileSync(place.file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    key = readKeyFile(place.file);
  }
  places.set(key, describePlace(place));
  return key;
}
