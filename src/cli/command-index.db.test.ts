// The CLI's command index (dist/cli/commands.json, written by npm run build:server): every module
// command is listed, with the very runner the registry loads; a missing or damaged index is no
// index. Needs dist/ (the database tiers build it first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleCommands } from '../modules/composition.js';
import { repoRoot, makeTempDir } from '../../test/helpers/paths.js';
import { buildCommandIndex, loaderTarget, readCommandIndex } from './command-index.js';
import { spawnSync } from 'node:child_process';
import { hubBin } from '../../test/helpers/cli.js';
import { createTestDatabase } from '../../test/helpers/test-db.js';

const dist = path.join(repoRoot, 'dist');

describe('command index', () => {
  it('lists every module command, each pointing at the export the registry loads', async () => {
    // Built by plain Node (the test runner rewrites the source of dynamic imports it loads).
    const built = spawnSync(process.execPath, ['--input-type=module', '-e',
      `const m = await import(${JSON.stringify(path.join(dist, 'cli', 'command-index.js'))}); console.log(JSON.stringify(await m.buildCommandIndex(${JSON.stringify(dist)})));`], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const { index, leftOut } = JSON.parse(built.stdout) as Awaited<ReturnType<typeof buildCommandIndex>>;
    expect(leftOut).toEqual([]);
    expect(Object.keys(index).sort()).toEqual(Object.keys(moduleCommands()).sort());
    const { moduleCommands: builtCommands } = (await import(path.join(dist, 'modules', 'composition.js'))) as typeof import('../modules/composition.js');
    for (const [name, entry] of Object.entries(index)) {
      const loaded = (await import(path.join(dist, entry.file))) as Record<string, unknown>;
      expect(loaded[entry.export], name).toBe(await builtCommands()[name]!.load());
    }
    // The one written by the build is the same.
    expect(readCommandIndex(path.join(dist, 'cli'))).toEqual(index);
  });

  it('reads a missing or damaged index as none, and drops entries that point outside dist/', () => {
    const tmp = makeTempDir('hub-index-');
    try {
      expect(readCommandIndex(tmp.dir)).toBeNull();
      fs.writeFileSync(path.join(tmp.dir, 'commands.json'), '{not json');
      expect(readCommandIndex(tmp.dir)).toBeNull();
      fs.writeFileSync(path.join(tmp.dir, 'commands.json'), JSON.stringify({
        stats: { file: 'modules/police-data/stats.command.js', export: 'runStats' },
        evil: { file: '../../etc/x.js', export: 'run' },
        abs: { file: '/etc/x.js', export: 'run' },
        odd: { file: 3 },
      }));
      expect(readCommandIndex(tmp.dir)).toEqual({ stats: { file: 'modules/police-data/stats.command.js', export: 'runStats' } });
    } finally {
      tmp.remove();
    }
  });

  it('understands only a plain lazy import of one export', () => {
    expect(loaderTarget("async () => (await import('./stats.command.js')).runStats")).toEqual({ specifier: './stats.command.js', exportName: 'runStats' });
    expect(loaderTarget('async () => (await import("../x/y.js")).run')).toEqual({ specifier: '../x/y.js', exportName: 'run' });
    expect(loaderTarget("async () => { const m = await import('./a.js'); return m.run; }")).toBeNull();
    expect(loaderTarget("async () => (await import(name)).run")).toBeNull();
  });

  it('hub stats loads its own command, not every module (node bin/hub.js)', async () => {
    const db = await createTestDatabase();
    const tmp = makeTempDir('hub-index-hook-');
    try {
      // Records every module file the process loads.
      const log = path.join(tmp.dir, 'loaded.txt');
      fs.writeFileSync(path.join(tmp.dir, 'hook.mjs'), `import fs from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); fs.appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
      fs.writeFileSync(path.join(tmp.dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${path.join(tmp.dir, 'hook.mjs')}`)});\n`);
      const r = spawnSync(process.execPath, ['--import', path.join(tmp.dir, 'register.mjs'), hubBin, 'stats', '--by', 'category', '--json'], {
        env: { ...process.env, ...db.env, HUB_LOG_LEVEL: 'warn' }, encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
      const loaded = fs.readFileSync(log, 'utf8');
      expect(loaded).toContain('/dist/modules/police-data/stats.command.js');
      expect(loaded).not.toContain('/dist/modules/registry.js');
      expect(loaded).not.toContain('/node_modules/hono/');
      if (db.engine === 'pglite') expect(loaded).not.toMatch(/node_modules\/pg\//);
    } finally {
      tmp.remove();
      await db.destroy();
    }
  });
});
