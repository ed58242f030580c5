import { IMPORT_BOUNDARIES_HELP } from './boundaries.help.js';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { importBoundaryFiles, type BoundaryInput } from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';

function inputsOf(paths: string[]): BoundaryInput[] {
  return paths.flatMap((p): BoundaryInput[] => {
    if (!fs.existsSync(p)) throw new AppError('validation', `${p}: no such file or folder`);
    if (fs.statSync(p).isDirectory()) {
      const files = fs.readdirSync(p, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.(geojson|json|topojson|csv)$/i.test(e.name))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      return inputsOf(files);
    }
    return [{ label: p, name: path.basename(p), read: () => fs.promises.readFile(p, 'utf8') }];
  });
}

export async function runImportBoundaries(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, z.object({ json: z.boolean().default(false) }));
  if (positionals.length === 0) {
    cliIo().stderr.write(`${IMPORT_BOUNDARIES_HELP}\n`);
    return 2;
  }
  // Lookups first, so shapes imported in the same run get current district names.
  const inputs = inputsOf(positionals).sort((a, b) => Number(!/\.csv$/i.test(a.name)) - Number(!/\.csv$/i.test(b.name)));
  return withDatabase(async ({ handle, audit }) => {
    const summaries = await importBoundaryFiles(handle.db, inputs, { audit });
    for (const s of summaries) for (const e of s.errors) cliIo().stderr.write(`${s.file}:${e.line}: ${e.message}\n`);
    if (values.json) cliIo().stdout.write(`${JSON.stringify({ files: summaries })}\n`);
    else
      for (const s of summaries.filter((x) => x.errors.length === 0)) {
        cliIo().stdout.write(`${s.file}: ${s.features} ${s.kind ?? 'mixed'} features${s.districtsBuilt ? `, ${s.districtsBuilt} district shapes built` : ''}\n`);
      }
    return summaries.some((s) => s.errors.length > 0) ? 6 : 0;
  });
}
