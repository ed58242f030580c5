// main() runs one command with the streams and environment it is given, and returns the exit
// code (bin/hub.js exits with it): what lets the tests run the CLI in-process.
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (to: string[]) => new Writable({ write: (c: Buffer, _e, done) => (to.push(c.toString('utf8')), done()) });
  const ownWrite = process.stdout.write;
  let leaked = '';
  process.stdout.write = ((c: string) => ((leaked += c), true)) as typeof process.stdout.write;
  return main({ argv, env, stdin: Readable.from([]), stdout: sink(out), stderr: sink(err) })
    .then((code) => ({ code, stdout: out.join(''), stderr: err.join(''), leaked }))
    .finally(() => (process.stdout.write = ownWrite));
}

describe('hub main()', () => {
  it('writes the usage to the stdout it is given and returns 0 for --help, 2 without a command', async () => {
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '', leaked: '' });
    expect(help.stdout).toMatch(/^Prevention Hub command line/);
    expect((await run([])).code).toBe(2);
  });

  it('an unknown command: exit 2 and the usage on the stderr it is given', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hub: unknown command 'frobnicate'/);
    expect(r.stdout).toBe('');
  });

  it('a failing command: `hub: message` on stderr and the exit code of the error', async () => {
    const r = await run(['stats', '--by', 'nonsense']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hub: --by: /);
  });

  it('reads the environment it is given, not the process environment', async () => {
    const r = await run(['migrate'], { HUB_PGLITE_SHARED_BUFFERS: 'lots' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hub: Invalid environment: HUB_PGLITE_SHARED_BUFFERS: give a size such as 64MB/);
  });
});
