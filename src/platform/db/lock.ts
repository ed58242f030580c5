import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

/** Lock files this process holds: a second open in the same process is refused too. */
const held = new Set<string>();

/**
 * PGlite is single-process. A pid file in the data directory keeps a second process out
 * (clear error instead of a corrupted database); a lock left by a dead process is taken over.
 * Within one process (the CLI run in-process by the tests) a second open of the same directory
 * is refused while the first is open.
 */
export function acquireDirLock(dataDir: string, notify: (message: string) => void = (m) => process.stderr.write(`hub: ${m}\n`)): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(fs.realpathSync(dataDir), 'hub.lock');
  if (held.has(file)) {
    throw new AppError('database_locked', `The embedded database in ${dataDir} is already open in this process; close it first.`);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      held.add(file);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new AppError(
          'database_locked',
          `The embedded database in ${dataDir} is in use by another process (pid ${holder}). ` +
            'Stop it first (e.g. the running server), or set DATABASE_URL to use a PostgreSQL server, which allows many processes.',
        );
      }
      if (holder !== process.pid) {
        notify(
          `Took over the lock on the embedded database in ${dataDir}: it was left by ` +
            (Number.isInteger(holder) ? `process ${holder}, which is no longer running` : 'a process that did not record its id') +
            ' (it did not shut down cleanly). Nothing needs to be deleted by hand.',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('database_locked', `Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
