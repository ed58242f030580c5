import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDirLock } from './lock.js';

describe('acquireDirLock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second open of the same folder in the same process until the first is released', () => {
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
    fs.writeFileSync(path.join(dir, 'hub.lock'), `${process.pid}\n`);
    const release = acquireDirLock(dir);
    release();
    expect(fs.existsSync(path.join(dir, 'hub.lock'))).toBe(false);
  });
});
