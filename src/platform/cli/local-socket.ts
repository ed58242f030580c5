/**
 * The running server's local socket (embedded database only): `$HUB_DATA_DIR/hub.sock`, mode 0600,
 * so only the same OS user can connect. A `hub` command that cannot open the embedded database
 * because the server holds it hands the whole command over here (its arguments, working directory
 * and standard input); the server runs it in-process on its own open database and streams the
 * command's output back. Protocol: one JSON request line; then JSON lines `{"out": text}` or
 * `{"err": text}` as the command writes, and a last line `{"pid", "code"}`.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { AppError, asAppError, toExitCode } from '../errors.js';
import { log } from '../logger.js';

export interface SocketRequest {
  /** The arguments after `hub`. */
  argv: string[];
  /** The caller's working directory: relative paths in argv are relative to it. */
  cwd: string;
  /** Standard input the command read before it was handed over (e.g. --password-stdin). */
  stdin: string;
}

export interface SocketReply {
  pid: number;
  code: number;
}

/** Where the command writes while the server runs it: streamed to the CLI as it comes. */
export interface SocketOutput {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Thrown by a command that cannot open the embedded database because another process holds it:
 * main() then hands the whole command to the running server over its local socket, if one
 * answers, and reports `lockError` otherwise.
 */
export class HandOffToServer extends Error {
  constructor(readonly lockError: AppError) {
    super(lockError.message);
  }
}

export const socketPath = (dataDir: string) => path.join(dataDir, 'hub.sock');

const MAX_REQUEST = 1024 * 1024;

/** Commands the server never runs for a CLI: they replace or own the database. */
const NOT_HANDED_OVER = new Set(['serve', 'restore']);

function frames(socket: net.Socket, key: 'out' | 'err'): Writable {
  return new Writable({
    write(chunk: Buffer | string, _enc, done) {
      if (!socket.destroyed) socket.write(`${JSON.stringify({ [key]: chunk.toString() })}\n`);
      done();
    },
  });
}

/** Listens on the data directory's socket; returns a function that closes it and removes the file. */
export async function listenLocalSocket(dataDir: string, run: (req: SocketRequest, out: SocketOutput) => Promise<number>): Promise<() => Promise<void>> {
  const file = socketPath(dataDir);
  // This process holds the directory's lock: a socket file here was left by an earlier server.
  fs.rmSync(file, { force: true });
  const running = new Set<Promise<void>>();
  const server = net.createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (d: string) => {
      text += d;
      if (text.length > MAX_REQUEST) socket.destroy();
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      socket.removeAllListeners('data');
      const out = { stdout: frames(socket, 'out'), stderr: frames(socket, 'err') };
      const job = handle(text.slice(0, nl), out).then((code) => {
        if (!socket.destroyed) socket.end(`${JSON.stringify({ pid: process.pid, code })}\n`);
      });
      running.add(job);
      void job.finally(() => running.delete(job));
    });
  });
  async function handle(line: string, out: SocketOutput): Promise<number> {
    try {
      const req = JSON.parse(line) as Partial<SocketRequest>;
      if (!Array.isArray(req.argv) || !req.argv.every((a) => typeof a === 'string') || typeof req.cwd !== 'string' || !path.isAbsolute(req.cwd)) {
        throw new AppError('validation', 'The running server does not understand this request');
      }
      if (NOT_HANDED_OVER.has(req.argv[0] ?? '')) {
        throw new AppError('database_locked', `The running server (pid ${process.pid}) does not run 'hub ${req.argv[0]}': stop the server first.`);
      }
      log.info('running a command for the CLI', { command: req.argv[0] ?? '' });
      return await run({ argv: req.argv, cwd: req.cwd, stdin: typeof req.stdin === 'string' ? req.stdin : '' }, out);
    } catch (err) {
      const e = asAppError(err);
      out.stderr.write(`hub: ${err instanceof AppError ? e.message : `internal error: ${(err as Error).message}`}\n`);
      return toExitCode(e.code);
    }
  }
  const oldMask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, resolve);
    });
  } finally {
    process.umask(oldMask);
  }
  fs.chmodSync(file, 0o600);
  // Closing: no new commands; commands already running finish (the server closes the database after).
  return async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(file, { force: true });
    });
    await Promise.allSettled([...running]);
  };
}

/**
 * Sends a command to the running server and copies its output to `out` as it comes; resolves with
 * the server's pid and the command's exit code, or null when no server listens.
 */
export function askRunningServer(dataDir: string, req: SocketRequest, out: SocketOutput): Promise<SocketReply | null> {
  const file = socketPath(dataDir);
  if (!fs.existsSync(file)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(file);
    let text = '';
    let connected = false;
    let reply: SocketReply | null = null;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(req)}\n`);
    });
    socket.on('data', (d: string) => {
      text += d;
      let nl: number;
      while ((nl = text.indexOf('\n')) >= 0) {
        const frame = JSON.parse(text.slice(0, nl)) as { out?: string; err?: string } & Partial<SocketReply>;
        text = text.slice(nl + 1);
        if (frame.out !== undefined) out.stdout.write(frame.out);
        else if (frame.err !== undefined) out.stderr.write(frame.err);
        else if (typeof frame.code === 'number' && typeof frame.pid === 'number') reply = { pid: frame.pid, code: frame.code };
      }
    });
    socket.on('error', (err) => (connected ? reject(new AppError('unavailable', `The running server stopped answering: ${err.message}`)) : resolve(null)));
    socket.on('end', () => (reply ? resolve(reply) : reject(new AppError('unavailable', 'The running server gave no answer (was it stopping?)'))));
  });
}
