/**
 * The running server's local socket (embedded database only): `$HUB_DATA_DIR/hub.sock`, mode 0600,
 * so only the same OS user can connect. A CLI command that cannot open the database because the
 * server holds it hands its work over here; the server runs it in-process and answers with the
 * output. One JSON line each way.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AppError, asAppError, toExitCode } from '../platform/errors.js';
import { log } from '../platform/logger.js';

export interface SocketRequest {
  command: 'backup';
  file: string;
  force: boolean;
  json: boolean;
}

export interface SocketReply {
  pid: number;
  code: number;
  stdout: string;
  stderr: string;
}

export const socketPath = (dataDir: string) => path.join(dataDir, 'hub.sock');

const MAX_REQUEST = 64 * 1024;

/** Listens on the data directory's socket; returns a function that closes it and removes the file. */
export async function listenLocalSocket(dataDir: string, run: (req: SocketRequest) => Promise<Omit<SocketReply, 'pid'>>): Promise<() => Promise<void>> {
  const file = socketPath(dataDir);
  // This process holds the directory's lock: a socket file here was left by an earlier server.
  fs.rmSync(file, { force: true });
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
      void handle(text.slice(0, nl)).then((reply) => socket.end(`${JSON.stringify({ pid: process.pid, ...reply })}\n`));
    });
  });
  async function handle(line: string): Promise<Omit<SocketReply, 'pid'>> {
    try {
      const req = JSON.parse(line) as Partial<SocketRequest>;
      if (req.command !== 'backup' || typeof req.file !== 'string' || !path.isAbsolute(req.file)) {
        throw new AppError('validation', 'The running server does not run this request');
      }
      log.info('running a command for the CLI', { command: req.command });
      return await run({ command: 'backup', file: req.file, force: req.force === true, json: req.json === true });
    } catch (err) {
      const e = asAppError(err);
      return { code: toExitCode(e.code), stdout: '', stderr: `hub: ${err instanceof AppError ? e.message : `internal error: ${(err as Error).message}`}\n` };
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
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(file, { force: true });
    });
}

/** Sends a request to the running server; null when no server listens. */
export function askRunningServer(dataDir: string, req: SocketRequest): Promise<SocketReply | null> {
  const file = socketPath(dataDir);
  if (!fs.existsSync(file)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(file);
    let text = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(req)}\n`);
    });
    socket.on('data', (d: string) => (text += d));
    socket.on('error', (err) => (connected ? reject(new AppError('unavailable', `The running server stopped answering: ${err.message}`)) : resolve(null)));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(text) as SocketReply);
      } catch {
        reject(new AppError('unavailable', 'The running server gave no answer (was it stopping?)'));
      }
    });
  });
}
