// Global setup for the browser tier: when HUB_TEST_BROWSER=1 and no HUB_TEST_BASE_URL is given,
// import real Kent data (from ../shared, never copied) into a fresh embedded database, create test
// accounts with `hub user create` (fresh random passwords on stdin), start `hub serve` on a free
// port, and point the browser tests at it.
import { randomInt } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sharedData(): string {
  if (process.env.HUB_SHARED_DATA) return path.resolve(process.env.HUB_SHARED_DATA);
  const near = path.resolve(repo, '../shared/data');
  return fs.existsSync(near) ? near : '/work/shared/data';
}

function freePort(): Promise<number> {
  // HUB_TEST_PORT: a fixed port (engineers sharing a machine keep to their own range).
  if (process.env.HUB_TEST_PORT) return Promise.resolve(Number(process.env.HUB_TEST_PORT));
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function hub(args: string[], env: NodeJS.ProcessEnv, input?: string): void {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin/hub.js'), ...args], { env, encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`hub ${args[0]} failed (${r.status}): ${r.stderr}`);
}

export type TestRole = 'admin' | 'analyst' | 'auditor' | 'officer' | 'partner' | 'locked' | 'renew';
export interface TestAccount {
  username: string;
  password: string;
  displayName: string;
}

/** A display name that would run script if it were ever rendered as HTML. */
export const XSS_NAME = '<img src=x onerror="window.__xss=1">';

const WORDS = ['amber', 'harbour', 'lantern', 'meadow', 'pebble', 'quartz', 'saddle', 'thistle', 'walnut', 'orchard', 'falcon', 'copper'];
const randomPassword = () => `${Array.from({ length: 3 }, () => WORDS[randomInt(WORDS.length)]).join(' ')} ${randomInt(1000, 10000)}`;

/** The accounts the browser journeys sign in with; passwords are new on every run. */
function createAccounts(env: NodeJS.ProcessEnv): Record<TestRole, TestAccount> {
  const specs: [TestRole, string, string[]][] = [
    ['admin', XSS_NAME, ['--role', 'admin']],
    ['analyst', 'Ada Analyst', ['--role', 'analyst']],
    ['auditor', 'Audrey Auditor', ['--role', 'auditor']],
    ['officer', 'Olu Officer', ['--role', 'officer', '--district', 'Thanet']],
    ['partner', 'Pat Partner', ['--role', 'partner', '--agency', 'Thanet Community Safety Partnership']],
    ['locked', 'Lee Locked', ['--role', 'analyst']],
    ['renew', 'Rene Renew', ['--role', 'analyst', '--must-change-password']],
  ];
  const accounts = {} as Record<TestRole, TestAccount>;
  for (const [role, displayName, args] of specs) {
    const account = { username: `test-${role}`, password: randomPassword(), displayName };
    hub(['user', 'create', '--username', account.username, '--name', displayName, ...args, '--password-stdin'], env, `${account.password}\n`);
    accounts[role] = account;
  }
  return accounts;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.HUB_TEST_BROWSER !== '1' || process.env.HUB_TEST_BASE_URL) return async () => {};
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-browser-'));
  const env = { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '' };
  const police = path.join(sharedData(), 'police-uk');
  const months = ['2025-07', '2025-08', '2025-09'].map((m) => path.join(police, `${m}-kent-street.csv`));
  hub(['import', ...months], env);
  hub(['import-boundaries', path.join(police, 'boundaries/la_all_codes.csv'), path.join(police, 'boundaries/lsoa')], env);
  const accounts = createAccounts(env);
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [path.join(repo, 'bin/hub.js'), 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hub serve did not start within 60 s')), 60_000);
    server.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('Prevention Hub on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`hub serve exited with ${code}`)));
  });
  process.env.HUB_TEST_BASE_URL = `http://127.0.0.1:${port}`;
  project.provide('hubBaseUrl', process.env.HUB_TEST_BASE_URL);
  project.provide('hubAccounts', accounts);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    hubBaseUrl: string;
    hubAccounts: Record<TestRole, TestAccount>;
  }
}
