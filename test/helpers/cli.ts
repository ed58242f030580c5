import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { repoRoot } from './paths.js';

export const hubBin = path.join(repoRoot, 'bin', 'hub.js');

export interface HubResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment for a hub child process: the test database, quiet logs, no TTY. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.HUB_DATA_DIR;
  delete base.PORT;
  delete base.HUB_AUDIT_KEY;
  delete base.HUB_AUDIT_KEY_FILE;
  return { ...base, HUB_LOG_LEVEL: 'warn', ...env };
}

export interface RunHubOptions {
  /** Written to the command's standard input. */
  input?: string;
  timeoutMs?: number;
  /** The working directory of the command (default: the repository root). */
  cwd?: string;
}

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable & { isTTY: false }; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  }) as Writable & { isTTY: false };
  stream.isTTY = false;
  return { stream, text: () => chunks.join('') };
}

let running = false;

/**
 * Runs `hub ...args` in this process: the CLI's main() with its own argv, environment (as for a
 * child: the test database, quiet logs), standard input and captured output. Much faster than a
 * child process (no Node start, no module loading); spawnHub runs the real thing. Calls must not
 * overlap (the output of code that writes to process.stdout directly is captured too).
 */
export async function runHub(args: readonly string[], env: Record<string, string>, opts: RunHubOptions = {}): Promise<HubResult> {
  if (running) throw new Error('runHub: one in-process hub command at a time (use spawnHub for parallel runs)');
  running = true;
  const { main } = await import('../../src/cli/main.js');
  const out = collector();
  const err = collector();
  // Anything written to the process's own streams during the command (log lines, code that does
  // not use cliIo yet) belongs to it too.
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const divert = (to: Writable) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      to.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  const cwdBefore = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  process.stdout.write = divert(out.stream);
  process.stderr.write = divert(err.stream);
  const timeoutMs = opts.timeoutMs ?? 90_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await Promise.race([
      main({
        argv: [...args],
        env: childEnv(env),
        stdin: Readable.from([Buffer.from(opts.input ?? '', 'utf8')]),
        stdout: out.stream,
        stderr: err.stream,
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`hub ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${out.text()}\nstderr: ${err.text()}`)), timeoutMs);
      }),
    ]);
    return { code, signal: null, stdout: out.text(), stderr: err.text() };
  } finally {
    clearTimeout(timer);
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    if (opts.cwd) process.chdir(cwdBefore);
    running = false;
  }
}

/**
 * Runs `node bin/hub.js ...args` as a child process to completion; `input` is written to its
 * standard input. For what only a real process shows: the bin script, exit codes from process.exit,
 * two processes on one database.
 */
export function spawnHub(args: readonly string[], env: Record<string, string>, opts: RunHubOptions = {}): Promise<HubResult> {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hubBin, ...args], { cwd: opts.cwd ?? repoRoot, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(opts.input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A free TCP port on 127.0.0.1 (PORT=0 is not accepted by the config). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningHub {
  child: ChildProcess;
  url: string;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code and signal when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running (cleanup after a failed test). */
  kill(): void;
}

/** Starts `hub serve` on a free port and waits for 'Prevention Hub on' on stdout. HOST is 127.0.0.1 unless `env` sets it ('' for the default). */
export async function startHubServer(env: Record<string, string>, args: readonly string[] = [], timeoutMs = 90_000): Promise<RunningHub> {
  const port = await freePort();
  const child = spawn(process.execPath, [hubBin, 'serve', ...args], {
    cwd: repoRoot,
    env: childEnv({ HOST: '127.0.0.1', ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`hub serve did not start in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    const check = () => {
      if (stdout.includes('Prevention Hub on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`hub serve exited early (code ${code}, signal ${signal})\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => ({ stdout, stderr }), exited, kill };
}

/** Signs in to a running server over HTTP; returns the Cookie header value for later requests. */
export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}
