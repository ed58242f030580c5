import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { acquireDirLock } from './lock.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-lock-test-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('acquireDirLock', () => {
  it('refuses a second open of the same folder in the same process until the first is released', () => {
    const dir = tempDir();
    const release = acquireDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'hub.lock'), 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireDirLock(dir)).toThrow(/already open in this process/);
    expect(() => acquireDirLock(path.join(dir, '.'))).toThrow(/already open in this process/);
    release();
    release(); // twice is harmless
    expect(fs.existsSync(path.join(dir, 'hub.lock'))).toBe(false);
    acquireDirLock(dir)();
  });

  it('takes over a lock file this process left behind without holding it (a stale pid)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'hub.lock'), `${process.pid}\n`);
    const release = acquireDirLock(dir, () => {});
    release();
    expect(fs.existsSync(path.join(dir, 'hub.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is no longer running, and says so', () => {
    const dir = tempDir();
    const pid = deadPid();
    fs.writeFileSync(path.join(dir, 'hub.lock'), `${pid}\n`);
    const messages: string[] = [];
    const unlock = acquireDirLock(dir, (m) => messages.push(m));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`process ${pid}, which is no longer running`);
    expect(messages[0]).toContain(dir);
    expect(fs.readFileSync(path.join(dir, 'hub.lock'), 'utf8').trim()).toBe(String(process.pid));
    unlock();
    expect(fs.existsSync(path.join(dir, 'hub.lock'))).toBe(false);
  });

  it('takes a free directory without a message', () => {
    const dir = tempDir();
    const messages: string[] = [];
    acquireDirLock(dir, (m) => messages.push(m))();
    expect(messages).toEqual([]);
  });

  it('refuses a lock held by a running process and leaves it in place', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dir, 'hub.lock'), `${child.pid}\n`);
      const messages: string[] = [];
      let error: unknown;
      try {
        acquireDirLock(dir, (m) => messages.push(m));
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('database_locked');
      expect((error as AppError).message).toContain(`pid ${child.pid}`);
      expect(messages).toEqual([]);
      expect(fs.readFileSync(path.join(dir, 'hub.lock'), 'utf8').trim()).toBe(String(child.pid));
    } finally {
      child.kill('SIGKILL');
    }
  });
});
