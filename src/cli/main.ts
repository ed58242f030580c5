import { AppError, asAppError, toExitCode } from '../platform/errors.js';
import { helpOf } from './help.js';
import { cliIo, withCliIo, type CliIo } from '../platform/cli/io.js';
import type { HubViews } from '../platform/module/module.js';
import { readCommandIndex } from './command-index.js';
import { Readable } from 'node:stream';
import { askRunningServer, HandOffToServer } from '../platform/cli/local-socket.js';

interface Command {
  help: string;
  /** Loaded on use, so `hub --help` and small commands start fast. */
  load: () => Promise<(argv: string[], hub: HubViews) => Promise<number>>;
}

const commands: Record<string, Command> = {
  serve: {
    help: helpOf('serve'),
    load: async () => (await import('./commands/serve.js')).runServe,
  },
  analyse: {
    help: helpOf('analyse'),
    load: async () => (await import('./commands/analyse.js')).runAnalyse,
  },
  backup: {
    help: helpOf('backup'),
    load: async () => (await import('./commands/backup.js')).runBackup,
  },
  restore: {
    help: helpOf('restore'),
    load: async () => (await import('./commands/backup.js')).runRestore,
  },
  migrate: {
    help: helpOf('migrate'),
    load: async () => (await import('./commands/migrate.js')).runMigrate,
  },
};

/** The commands the CLI itself owns (a module may not define one of these names). */
export const cliCommandNames: readonly string[] = Object.keys(commands);

let allCommands: Promise<Record<string, Command>> | undefined;

/**
 * The CLI's own commands and every module's (the registry: docs/adding-a-module.md). Loading the
 * registry loads every module, so it is done only for help, an unknown command, or a command the
 * command index does not list (see command-index.ts).
 */
function everyCommand(): Promise<Record<string, Command>> {
  allCommands ??= (async () => {
    const { moduleCommands } = await import('../modules/composition.js');
    const all: Record<string, Command> = { ...commands };
    for (const [name, command] of Object.entries(moduleCommands())) {
      if (all[name]) throw new Error(`hub command '${name}' is defined twice (a module and the CLI)`);
      all[name] = command;
    }
    return all;
  })();
  return allCommands;
}

/** What a runner that declares no second parameter gets: it never uses it. */
const noViews = new Proxy({} as HubViews, {
  get: (_t, key) => {
    throw new Error(`a hub command used the registry's ${String(key)} without declaring its second parameter (hub)`);
  },
});

type Runner = (argv: string[], hub: HubViews) => Promise<number>;

/** The runner of a command, from the command index when it lists it (only that command's code is loaded). */
async function runnerOf(name: string): Promise<Runner | undefined> {
  if (Object.hasOwn(commands, name)) return commands[name]!.load();
  const index = readCommandIndex();
  const entry = index && Object.hasOwn(index, name) ? index[name] : undefined;
  if (entry) {
    try {
      const loaded = (await import(new URL(`../${entry.file}`, import.meta.url).href)) as Record<string, unknown>;
      const runner = loaded[entry.export];
      if (typeof runner === 'function') return runner as Runner;
    } catch {
      // A stale index (a file gone since it was written): the registry knows.
    }
  }
  const all = await everyCommand();
  return Object.hasOwn(all, name) ? all[name]!.load() : undefined;
}

async function usage(): Promise<string> {
  return `Prevention Hub command line (database: DATABASE_URL, or embedded in HUB_DATA_DIR, default ./data)\n\n${Object.values(await everyCommand())
    .map((c) => c.help)
    .join('\n\n')}\n`;
}

async function dispatch(argv: string[]): Promise<number> {
  const { stdout, stderr } = cliIo();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(await usage());
    return name ? 0 : 2;
  }
  if (name !== 'analyse' && (rest.includes('--help') || rest.includes('-h'))) {
    const all = await everyCommand();
    if (Object.hasOwn(all, name)) {
      stdout.write(`${all[name]!.help}\n`);
      return 0;
    }
  }
  const run = await runnerOf(name);
  if (!run) {
    stderr.write(`hub: unknown command '${name}'\n\n${await usage()}`);
    return 2;
  }
  // The registry's views load every module: only a runner that takes them (a second parameter) gets them.
  return run.length >= 2 ? run(rest, (await import('../modules/composition.js')).hubViews()) : run(rest, noViews);
}

export interface MainOptions extends Partial<CliIo> {
  /** The arguments after `hub`. */
  argv: string[];
}

/**
 * Runs one `hub` command and returns its exit code (bin/hub.js exits with it). Errors are
 * reported on stderr as `hub: message` with the exit code of their kind. The streams and the
 * environment default to the process's own; the tests pass their own to run commands in-process.
 */
export async function main(options: MainOptions): Promise<number> {
  const io: CliIo = {
    env: options.env ?? process.env,
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  };
  // What the command reads from standard input is kept, in case it is handed to the running server.
  const read: Buffer[] = [];
  const source = io.stdin;
  io.stdin = Readable.from((async function* () {
    for await (const chunk of source) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      read.push(b);
      yield b;
    }
  })());
  return withCliIo(io, async () => {
    try {
      try {
        return await dispatch(options.argv);
      } catch (err) {
        if (!(err instanceof HandOffToServer)) throw err;
        // The running server holds the embedded database: it runs the command (same OS user only).
        const reply = await askRunningServer(
          (await import('../platform/config.js')).loadConfig(io.env).dataDir,
          { argv: options.argv, cwd: io.cwd ?? process.cwd(), stdin: Buffer.concat(read).toString('utf8') },
          io,
        );
        if (!reply) throw err.lockError;
        io.stderr.write(`(run by the running server, pid ${reply.pid})\n`);
        return reply.code;
      }
    } catch (err) {
      const appErr = asAppError(err);
      const message = err instanceof AppError ? appErr.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
      io.stderr.write(`hub: ${message}\n`);
      // A refusal by the rules lists each finding on its own line, with the law it rests on.
      for (const f of appErr.findings ?? []) io.stderr.write(`  - ${f.message}${f.legalSource ? ` (${f.legalSource})` : ''}\n`);
      return toExitCode(appErr.code);
    }
  });
}
