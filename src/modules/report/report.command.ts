/** `hub report quarterly`: the quarterly report from live records, in one format under one profile. */
import fs from 'node:fs';
import { z } from 'zod';
import { parseCommandArgs } from '../../cli/args.js';
import { withDatabase } from '../../cli/context.js';
import { cliIo } from '../../cli/io.js';
import { AppError } from '../../platform/errors.js';
import { PROFILE_IDS } from './disclosure/profiles.js';
import { REPORT_HELP } from './report.help.js';
import { quarterlyReport, REPORT_FORMATS } from './report.service.js';

const schema = z.object({
  quarter: z.string({ message: 'give --quarter, e.g. 2025Q3' }),
  format: z.enum(REPORT_FORMATS).default('html'),
  profile: z.enum(PROFILE_IDS).default('internal'),
  force: z.string().optional(),
  'as-of': z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
  out: z.string({ message: 'give --out FILE (- for standard output)' }),
});

export async function runReport(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'quarterly') throw new AppError('validation', `hub report: unknown subcommand '${sub ?? ''}'\n${REPORT_HELP}`);
  const s = { type: 'string' } as const;
  const { values: v } = parseCommandArgs(rest, { quarter: s, format: s, profile: s, force: s, 'as-of': s, out: s }, schema);
  const { hubModules } = await import('../registry.js');
  const contributions = hubModules.flatMap((m) => m.report ?? []);
  return withDatabase(async ({ ctx }) => {
    const { bytes, edition } = await quarterlyReport(ctx, { quarter: v.quarter, format: v.format, profile: v.profile, force: v.force ?? null, ...(v['as-of'] ? { asOf: v['as-of'] } : {}) }, contributions);
    if (v.out === '-') cliIo().stdout.write(bytes);
    else {
      fs.writeFileSync(v.out, bytes);
      const figures = edition.sections.reduce((n, x) => n + x.figures.length, 0);
      const tables = edition.sections.reduce((n, x) => n + x.tables.length, 0);
      cliIo().stderr.write(`Wrote ${v.out}: ${edition.sections.length} sections, ${figures} figures, ${tables} tables; disclosure ${edition.profile.label}.\n`);
    }
    return 0;
  });
}
