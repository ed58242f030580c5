import { AppError, asAppError, toExitCode } from '../platform/errors.js';
import { helpOf } from './help.js';
import { cliIo, withCliIo, type CliIo } from '../platform/cli/io.js';
import { hubViews, moduleCommands } from '../modules/composition.js';
import type { HubViews } from '../platform/module/module.js';

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

// Commands of the modules in the registry (docs/adding-a-module.md).
for (const [name, command] of Object.entries(moduleCommands())) {
  if (commands[name]) throw new Error(`hub command '${name}' is defined twice (a module and the CLI)`);
  commands[name] = command;
}

function usage(): string {
  return `Prevention Hub command line (database: DATABASE_URL, or embedded in HUB_DATA_DIR, default ./data)\n\n${Object.values(commands)
    .map((c) => c.help)
    .join('\n\n')}\n`;
}

async function dispatch(argv: string[]): Promise<number> {
  const { stdout, stderr } = cliIo();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    stderr.write(`hub: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (name !== 'analyse' && (rest.includes('--help') || rest.includes('-h'))) {
    stdout.write(`${command.help}\n`);
    return 0;
  }
  return (await command.load())(rest, hubViews());
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
  };
  return withCliIo(io, async () => {
    try {
      return await dispatch(options.argv);
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
