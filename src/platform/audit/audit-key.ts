import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * The audit MAC key lives outside the database: HUB_AUDIT_KEY (at least 32 characters), or a key
 * file created on first start in the data directory with owner-only permissions.
 */
export function loadAuditKey(dataDir: string, envKey: string | undefined): Buffer {
  if (envKey !== undefined && envKey !== '') {
    if (envKey.length < 32) throw new AppError('validation', 'HUB_AUDIT_KEY must be at least 32 characters');
    return Buffer.from(envKey, 'utf8');
  }
  const file = path.join(dataDir, 'audit.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const mode = fs.statSync(file).mode & 0o077;
  if (mode !== 0) throw new AppError('forbidden', `${file} must be readable by its owner only (chmod 600)`);
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new AppError('validation', `${file} does not hold a valid key`);
  return Buffer.from(key, 'utf8');
}
