import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a CLI run reads and writes: the process's own streams, or a test's (see main). */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
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
