/**
 * Keyed pseudonyms of people in a force's extracts. A person key is HMAC-SHA256, under the
 * force's records key, of the records-system nominal id (trimmed, as exported): the same nominal
 * id always gives the same key under one records key, and nobody without the key can go from a
 * key back to the nominal id, or test a guessed id. Nominal ids are never stored or logged.
 *
 * The records key: HUB_RECORDS_KEY (at least 32 characters), else HUB_RECORDS_KEY_FILE (an
 * absolute path), else `records.key` in the data directory of the embedded database, created on
 * first use (32 random bytes as hex, owner-only: mode 0600). On a PostgreSQL server one of the two
 * settings is required. Its fingerprint identifies it without revealing it; every import records
 * the fingerprint, and an import under another key is refused (its keys would match nothing).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../platform/errors.js';

export interface RecordsKeySettings {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  databaseUrl: string | undefined;
}

export interface RecordsKey {
  key: Buffer;
  /** Where it came from (for messages): HUB_RECORDS_KEY or a file path. */
  place: string;
  fingerprint: string;
  /** True when this call created the key file. */
  created: boolean;
}

/** Identifies a records key without revealing it: 16 hex digits of SHA-256 over HMAC(key, 'records-key-fingerprint'). */
export function recordsKeyFingerprint(key: Buffer): string {
  return createHash('sha256').update(createHmac('sha256', key).update('records-key-fingerprint').digest()).digest('hex').slice(0, 16);
}

/** The person key of a nominal id: lower-case hex HMAC-SHA256(key, nominal id trimmed). */
export function personKey(key: Buffer, nominalId: string): string {
  return createHmac('sha256', key).update(nominalId.trim(), 'utf8').digest('hex');
}

/** A pseudonymiser bound to one key. */
export const pseudonymiser = (key: Buffer) => (nominalId: string) => personKey(key, nominalId);

/** A person key as stored: 64 lower-case hex digits. */
export const PERSON_KEY = /^[0-9a-f]{64}$/;

function readFile(file: string): Buffer {
  const mode = fs.statSync(file).mode & 0o077;
  if (mode !== 0) throw new AppError('forbidden', `${file} must be readable by its owner only (chmod 600)`);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new AppError('validation', `${file} does not hold a valid records key (at least 32 characters)`);
  return Buffer.from(text, 'utf8');
}

/**
 * Loads the records key; `create` makes `records.key` in the embedded database's data directory
 * when it is missing (never a file named by HUB_RECORDS_KEY_FILE: a missing one is an error).
 */
export function loadRecordsKey(s: RecordsKeySettings, create: boolean): RecordsKey {
  const fromEnv = s.env.HUB_RECORDS_KEY;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new AppError('validation', 'HUB_RECORDS_KEY must be at least 32 characters');
    const key = Buffer.from(fromEnv, 'utf8');
    return { key, place: 'HUB_RECORDS_KEY', fingerprint: recordsKeyFingerprint(key), created: false };
  }
  const named = s.env.HUB_RECORDS_KEY_FILE;
  if (named) {
    if (!path.isAbsolute(named)) throw new AppError('validation', 'HUB_RECORDS_KEY_FILE must be an absolute path');
    if (!fs.existsSync(named)) throw new AppError('validation', `No records key at ${named} (HUB_RECORDS_KEY_FILE): restore it from its backup`);
    const key = readFile(named);
    return { key, place: named, fingerprint: recordsKeyFingerprint(key), created: false };
  }
  if (s.databaseUrl) {
    throw new AppError('validation', 'On a PostgreSQL server set HUB_RECORDS_KEY_FILE (an absolute path) or HUB_RECORDS_KEY: the key that turns nominal ids into person keys (docs/force-records.md)');
  }
  const file = path.join(path.resolve(s.dataDir), 'records.key');
  let created = false;
  if (!fs.existsSync(file)) {
    if (!create) throw new AppError('validation', `No records key at ${file}: it is made by the first hub import-records`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = readFile(file);
  return { key, place: file, fingerprint: recordsKeyFingerprint(key), created };
}
