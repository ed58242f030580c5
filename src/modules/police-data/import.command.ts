import { IMPORT_HELP } from './police-data.help.js';
import { z } from 'zod';
import { expandInputs } from '../../ingest/files.js';
import { loadDistrictLookup } from '../boundaries/index.js';
import { concurrentFilesFor, importPoliceFiles } from './index.js';
import type { HubViews } from '../../platform/module/module.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { progressBar } from '../../platform/cli/progress.js';
import { cliIo } from '../../platform/cli/io.js';

const schema = z.object({
  force: z.string().regex(/^[a-z0-9-]+$/, 'a data.police.uk force id such as kent or city-of-london').optional(),
  json: z.boolean().default(false),
  'allow-shrink': z.boolean().default(false),
});

/** Returns the exit code: 0 when every file imported, 6 when any failed. */
export async function runImport(argv: string[], hub: HubViews): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { force: { type: 'string' }, json: { type: 'boolean' }, 'allow-shrink': { type: 'boolean' } }, schema);
  if (positionals.length === 0) {
    cliIo().stderr.write(`${IMPORT_HELP}\n`);
    return 2;
  }
  const inputs = expandInputs(positionals);
  return withDatabase(async ({ config, handle, actor, audit }) => {
    const bar = progressBar();
    const started = performance.now();
    const summaries = await importPoliceFiles(handle.db, inputs, {
      by: actor,
      forceOverride: values.force,
      districts: await loadDistrictLookup(handle.db),
      removeOtherDemoData: hub.removeDemoData,
      audit,
      concurrentFiles: concurrentFilesFor(handle.engine),
      maxShrink: config.importMaxShrink,
      allowShrink: values['allow-shrink'],
      onProgress: (p) => bar.update(p.fraction, p.rowsDone, p.file),
    });
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    for (const s of summaries) {
      for (const e of s.errors) cliIo().stderr.write(`${s.file}${e.line > 0 ? `:${e.line}` : ''}: ${e.message}\n`);
      if (s.errorCount > s.errors.length) cliIo().stderr.write(`${s.file}: … ${s.errorCount - s.errors.length} more problems\n`);
      for (const w of s.warnings) cliIo().stderr.write(`${s.file}:${w.line}: warning: ${w.message}\n`);
    }
    if (values.json) {
      cliIo().stdout.write(`${JSON.stringify({ files: summaries })}\n`);
    } else {
      const ok = summaries.filter((s) => s.errorCount === 0);
      const rows = ok.reduce((n, s) => n + s.rows, 0);
      for (const s of ok) {
        const n = (x: number) => x.toLocaleString('en-GB');
        const change = s.oldRows ? `replaced the ${n(s.oldRows)} rows held, ${n(s.inserted)} new` : 'all new';
        cliIo().stdout.write(`${s.file}: ${s.kind} ${s.force} ${s.month}: ${n(s.rows)} rows (${change})\n`);
      }
      cliIo().stdout.write(
        `Imported ${ok.length} of ${summaries.length} files, ${rows.toLocaleString('en-GB')} rows in ${seconds.toFixed(1)} s ` +
          `(${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en-GB')} rows/s)\n`,
      );
    }
    return summaries.some((s) => s.errorCount > 0) ? 6 : 0;
  }, { pgliteMemory: 'large' });
}
