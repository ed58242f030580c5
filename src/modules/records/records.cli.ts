/**
 * `hub import-records`, `hub import-population` and `hub records` (key, coverage, link). Loaded
 * lazily by the CLI through the module's `commands` (index.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { progressBar } from '../../platform/cli/progress.js';
import { AppError } from '../../platform/errors.js';
import { importRecordsFile } from './records.import.js';
import { loadRecordsKey } from './records.keys.js';
import { readMappingFile } from './records.mapping.js';
import { importPopulationFile } from './records.population.js';
import * as service from './records.service.js';
import { RECORDS_HELP } from './records.help.js';


const n = (x: number) => x.toLocaleString('en-GB');

export async function runImportRecords(argv: string[]): Promise<number> {
  const schema = z.object({ mapping: z.string().min(1, 'the mapping file'), json: z.boolean().default(false), 'allow-shrink': z.boolean().default(false) });
  const { values, positionals } = parseCommandArgs(argv, { mapping: { type: 'string' }, json: { type: 'boolean' }, 'allow-shrink': { type: 'boolean' } }, schema);
  if (positionals.length !== 1) {
    cliIo().stderr.write(`${RECORDS_HELP['import-records']}\n`);
    return 2;
  }
  const file = positionals[0]!;
  const mapping = readMappingFile(values.mapping);
  let content: Uint8Array;
  try {
    content = fs.readFileSync(file);
  } catch (err) {
    throw new AppError('validation', `${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return withDatabase(async ({ config, handle, actor, audit }) => {
    const key = loadRecordsKey({ env: cliIo().env, dataDir: config.dataDir, databaseUrl: config.databaseUrl }, true);
    if (key.created) cliIo().stderr.write(`Made a new records key at ${key.place} (fingerprint ${key.fingerprint}): keep a copy apart from the database backups.\n`);
    const districts = await service.lsoaDistricts(handle.db);
    const bar = progressBar();
    const started = performance.now();
    const s = await importRecordsFile(handle.db, { label: file, name: path.basename(file), content }, {
      by: actor, mapping, key, districtOfLsoa: (l) => districts.get(l) ?? null, maxShrink: config.importMaxShrink,
      allowShrink: values['allow-shrink'], audit, onProgress: (f, rows) => bar.update(f, rows, file),
    });
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    for (const e of s.errors) cliIo().stderr.write(`${s.file}${e.line > 0 ? `:${e.line}` : ''}: ${e.message}\n`);
    if (s.errorCount > s.errors.length) cliIo().stderr.write(`${s.file}: … ${n(s.errorCount - s.errors.length)} more problems\n`);
    if (values.json) {
      cliIo().stdout.write(`${JSON.stringify({ files: [{ ...s, seconds: Math.round(seconds * 1000) / 1000 }] })}\n`);
    } else if (s.errorCount === 0) {
      const change = s.oldRows ? `replaced the ${n(s.oldRows)} rows held for ${s.coverage.from} to ${s.coverage.to}` : 'nothing held before for its coverage';
      cliIo().stdout.write(
        `${s.file}: ${s.kind} ${s.coverage.from} to ${s.coverage.to} (as at ${s.coverage.extractedOn}): ${n(s.rows)} rows, ${change}; ` +
          `${n(s.newPersonKeys)} new person keys (records key ${s.keyFingerprint}). ${seconds.toFixed(1)} s, ${n(Math.round(s.rows / Math.max(seconds, 0.001)))} rows/s\n`,
      );
    }
    return s.errorCount > 0 ? 6 : 0;
  }, { pgliteMemory: 'large' });
}

export async function runImportPopulation(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, z.object({ json: z.boolean().default(false) }));
  if (positionals.length !== 1) {
    cliIo().stderr.write(`${RECORDS_HELP['import-population']}\n`);
    return 2;
  }
  const file = positionals[0]!;
  let content: Uint8Array;
  try {
    content = fs.readFileSync(file);
  } catch (err) {
    throw new AppError('validation', `${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return withDatabase(async ({ handle, actor, audit }) => {
    const s = await importPopulationFile(handle.db, { label: file, name: path.basename(file), content }, { by: actor, audit });
    for (const e of s.errors) cliIo().stderr.write(`${s.file}${e.line > 0 ? `:${e.line}` : ''}: ${e.message}\n`);
    if (s.errorCount > s.errors.length) cliIo().stderr.write(`${s.file}: … ${n(s.errorCount - s.errors.length)} more problems\n`);
    if (values.json) cliIo().stdout.write(`${JSON.stringify(s)}\n`);
    else if (s.errorCount === 0) cliIo().stdout.write(`${s.file}: ${n(s.rows)} estimates for ${s.years.join(', ')} (replaced ${n(s.oldRows ?? 0)})\n`);
    return s.errorCount > 0 ? 6 : 0;
  });
}

export async function runRecords(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const io = cliIo();
  const options = { json: { type: 'boolean' }, nominal: { type: 'string' }, key: { type: 'string' } } as const;
  const { values, positionals } = parseCommandArgs(rest, options, z.object({ json: z.boolean().default(false), nominal: z.string().optional(), key: z.string().optional() }));
  const out = (json: unknown, text: string) => io.stdout.write(values.json ? `${JSON.stringify(json)}\n` : `${text}\n`);
  switch (sub) {
    case 'key':
      return withDatabase(async ({ config }) => {
        const key = loadRecordsKey({ env: io.env, dataDir: config.dataDir, databaseUrl: config.databaseUrl }, true);
        out({ place: key.place, fingerprint: key.fingerprint, created: key.created }, `Records key at ${key.place}, fingerprint ${key.fingerprint}${key.created ? ' (made now: keep a copy apart from the database backups)' : ''}`);
        return 0;
      });
    case 'coverage':
      return withDatabase(async ({ ctx }) => {
        const c = await service.coverage(ctx);
        const lines = c.coverage.map((p) => `${p.kind}: ${p.from} to ${p.to} (import ${p.importId}, ${p.source}, as at ${p.extractedOn}${p.demo ? ', demo' : ''})`);
        out(c, lines.length ? lines.join('\n') : 'No force records imported.');
        return 0;
      });
    case 'link':
    case 'unlink':
      return withDatabase(async ({ ctx, config }) => {
        if (sub === 'unlink') {
          const key = positionals[0];
          if (!key) throw new AppError('validation', 'give the person key to unlink');
          const r = await service.unlinkPersonKey(ctx, key);
          out(r, `Unlinked the key from person ${r.personId}.`);
          return 0;
        }
        const personId = Number(positionals[0]);
        if (!Number.isInteger(personId) || personId <= 0) throw new AppError('validation', 'give the person record id: hub records link PERSON_ID --nominal ID');
        if (Boolean(values.nominal) === Boolean(values.key)) throw new AppError('validation', 'give one of --nominal ID or --key KEY');
        const key = values.key ?? service.keyOfNominal(loadRecordsKey({ env: io.env, dataDir: config.dataDir, databaseUrl: config.databaseUrl }, false), values.nominal!);
        const r = await service.linkPersonKey(ctx, personId, key);
        out(r, `Linked person ${personId} to the key (${r.rows.crimes} crime rows, ${r.rows.incidents} incident rows, ${r.rows.outcomes} outcomes hold it).`);
        return 0;
      });
    default:
      io.stderr.write(`${RECORDS_HELP.records}\n`);
      return 2;
  }
}
