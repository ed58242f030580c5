import { z } from 'zod';
import { countByValues, countIncidents, incidentFilterSchema } from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';

const schema = z.object({ by: z.enum(countByValues), json: z.boolean().default(false) }).and(incidentFilterSchema);

export async function runStats(argv: string[]): Promise<number> {
  const many = { type: 'string', multiple: true } as const;
  const { values } = parseCommandArgs(
    argv,
    {
      by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, category: many, district: many,
      force: many, outcome: many, lsoa: many, json: { type: 'boolean' },
    },
    schema,
  );
  return withDatabase(async ({ handle }) => {
    const result = await countIncidents(handle.db, values.by, values);
    if (values.json) {
      cliIo().stdout.write(`${JSON.stringify(result.rows)}\n`);
      return 0;
    }
    const width = Math.max(5, ...result.rows.map((r) => (r.key ?? '(none)').length));
    for (const r of result.rows) cliIo().stdout.write(`${(r.key ?? '(none)').padEnd(width)}  ${String(r.count).padStart(9)}\n`);
    cliIo().stdout.write(`${'Total'.padEnd(width)}  ${String(result.total).padStart(9)}\n`);
    const p = result.provenance;
    cliIo().stdout.write(`\nSource: ${p.source}; data cut-off ${p.dataCutoff ?? 'none'}${p.demo ? '; DEMO DATA' : ''}\n`);
    return 0;
  });
}
