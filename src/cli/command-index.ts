/**
 * The CLI's command index, `dist/cli/commands.json`, written from the module registry when the
 * server is built (`npm run build:server` runs this file after tsc): for each module command, the
 * compiled file and export its runner is loaded from. With it `hub stats` loads the stats command
 * and what that imports, not every module of the hub (a CLI that starts in a blink: issue 11).
 * Nothing is listed by hand: the registry stays the one list of commands. Each entry is checked
 * as it is written (the file's export is the very function the registry's loader returns), and a
 * command whose loader is not a plain `(await import('./file.js')).name` is left out; main() then
 * loads it through the registry, as it does for help, for an unknown command, and when there is no
 * index (the tests run the sources) or an entry cannot be loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where a command's runner is: a file relative to dist/ and its export. */
export interface CommandIndexEntry {
  file: string;
  export: string;
}

export type CommandIndex = Record<string, CommandIndexEntry>;

const INDEX_FILE = 'commands.json';

/** The index next to this file (dist/cli/commands.json); null when there is none or it is unreadable. */
export function readCommandIndex(dir = path.dirname(fileURLToPath(import.meta.url))): CommandIndex | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const out: CommandIndex = {};
    for (const [name, e] of Object.entries(parsed as Record<string, Partial<CommandIndexEntry>>)) {
      if (typeof e?.file === 'string' && typeof e.export === 'string' && !e.file.startsWith('/') && !e.file.split('/').includes('..')) {
        out[name] = { file: e.file, export: e.export };
      }
    }
    return out;
  } catch {
    return null;
  }
}

/** `async () => (await import('./x.command.js')).runX` → ['./x.command.js', 'runX']. */
export function loaderTarget(source: string): { specifier: string; exportName: string } | null {
  const m = /^async\s*\(\)\s*=>\s*\(\s*await\s+import\(\s*(['"])([^'"]+)\1\s*\)\s*\)\s*\.\s*([A-Za-z_$][\w$]*)\s*$/.exec(source.trim());
  return m ? { specifier: m[2]!, exportName: m[3]! } : null;
}

function jsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Builds the index of the module commands from the compiled registry in `distDir`. Returns it with
 * the commands left out (loaded through the registry instead).
 */
export async function buildCommandIndex(distDir: string): Promise<{ index: CommandIndex; leftOut: string[] }> {
  const { moduleCommands } = (await import(pathToFileURL(path.join(distDir, 'modules', 'composition.js')).href)) as typeof import('../modules/composition.js');
  const { cliCommandNames } = (await import(pathToFileURL(path.join(distDir, 'cli', 'main.js')).href)) as typeof import('./main.js');
  const sources = [...jsFiles(path.join(distDir, 'modules')), ...jsFiles(path.join(distDir, 'platform'))].map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const index: CommandIndex = {};
  const leftOut: string[] = [];
  for (const [name, command] of Object.entries(moduleCommands())) {
    if (cliCommandNames.includes(name)) throw new Error(`hub command '${name}' is defined twice (a module and the CLI)`);
    const source = command.load.toString();
    const target = loaderTarget(source);
    let entry: CommandIndexEntry | undefined;
    if (target) {
      const runner = await command.load();
      // The file that defines the loader: its import is relative to it.
      for (const host of sources.filter((s) => s.text.includes(source))) {
        const file = path.resolve(path.dirname(host.file), target.specifier);
        if (!fs.existsSync(file)) continue;
        const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        if (loaded[target.exportName] === runner) {
          entry = { file: path.relative(distDir, file).split(path.sep).join('/'), export: target.exportName };
          break;
        }
      }
    }
    if (entry) index[name] = entry;
    else leftOut.push(name);
  }
  return { index, leftOut };
}

/** Writes dist/cli/commands.json (run by `npm run build:server` after tsc). */
async function writeCommandIndex(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const distDir = path.resolve(here, '..');
  const { index, leftOut } = await buildCommandIndex(distDir);
  fs.writeFileSync(path.join(here, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
  if (leftOut.length > 0) process.stderr.write(`command index: loaded through the registry: ${leftOut.join(', ')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeCommandIndex().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`command index: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
