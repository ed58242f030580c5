import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

/** Where a CLI run reads and writes: the process's own streams, or a test's (see main). */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The caller's working directory when it is not this process's (a command handed to the running server). */
  cwd?: string;
}

const current = new AsyncLocalStorage<CliIo>();

/** The streams and environment of the command running now; the process's own outside main. */
export function cliIo(): CliIo {
  return current.getStore() ?? { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Runs fn with `io` as what cliIo() returns, in fn and everything it awaits. */
export function withCliIo<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  return current.run(io, fn);
}

/** A path the user gave, resolved against the caller's working directory (see CliIo.cwd); unchanged when run locally. */
export function cliPath(p: string): string {
  const cwd = cliIo().cwd;
  return cwd === undefined ? p : path.resolve(cwd, p);
}

/** All of standard input as text (`-` as a file name). */
export async function readCliStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of cliIo().stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
