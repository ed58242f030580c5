import { z } from 'zod';
import { parseCommandArgs } from '../../../platform/cli/args.js';
import { withDatabase } from '../../../platform/cli/context.js';
import { fileProvenance } from '../provenance.queries.js';
import { importedFilter, readInputFile, sharedOptions, sharedSchema, fileNotes } from './near-repeat.cli.js';
import { formatTime } from './event-file.js';
import { MAX_ITERATIONS } from './knox.js';
import { knoxTestParallel } from './knox-parallel.service.js';
import { describeParameters, formatKnoxReport, knoxParameters, knoxReport, type KnoxReport } from './knox-report.js';
import { knoxOnImported } from './near-repeat.service.js';
import { cliIo } from '../../../platform/cli/io.js';

const usage = `hub analyse knox [--input FILE.csv --x x --y y --time date --date-format FORMAT] [options] [--json]
  Knox test for near repeats: pairs of events close in space and time, against a Monte Carlo null
  that shuffles the event times over the events.

  With --input the command reads the file alone (no database): x, y in metres, one date per row.
    --x, --y, --time        column names (default x, y, date)
    --date-format           yyyy-mm-dd (default), dd/mm/yyyy, mm/dd/yyyy, or yyyy-mm (months)
    --from, --to            keep events dated in this closed range (YYYY-MM-DD or YYYY-MM)
  Without --input it uses the imported data:
    --source street         street-level crime (default): dated by month, so bands are in months
    --source stop-search    stop and search: dates and times, bands in days
    --from, --to YYYY-MM, --force ID, --category NAME, --district NAME (repeatable)
  Test options:
    --s-bands 0.1,200,400,600   upper limits of the spatial bands in metres (default shown)
    --t-bands 7,14,21           upper limits of the temporal bands (default 7,14,21 days; 0,1,2 months)
    --interval-side left|right  left (default): [0,b1], (b1,b2], ...; right: [0,b1), [b1,b2), ...
    --metric euclidean|manhattan  (default euclidean)
    --iterations 99             Monte Carlo permutations (2 to ${MAX_ITERATIONS}; default 99)
    --seed 1                    random seed (default 1): the same seed gives the same result
    --workers N                 threads for the permutations (default: one per core)
    --json                      print the result as JSON`;

const options = {
  ...sharedOptions,
  's-bands': { type: 'string' }, 't-bands': { type: 'string' }, iterations: { type: 'string' }, seed: { type: 'string' },
  'interval-side': { type: 'string' }, workers: { type: 'string' },
} as const;

const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const schema = sharedSchema.extend({
  's-bands': z.string().optional(),
  't-bands': z.string().optional(),
  iterations: wholeNumber(2, MAX_ITERATIONS).default(99),
  seed: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(1),
  'interval-side': z.enum(['left', 'right'], { message: 'must be left or right' }).default('left'),
  workers: wholeNumber(1, 64).optional(),
});

const names = { sBands: '--s-bands', tBands: '--t-bands' };

export async function runAnalysis(argv: string[]): Promise<number> {
  const { values: v } = parseCommandArgs(argv, options, schema);
  if (v.help) {
    cliIo().stdout.write(`${usage}\n`);
    return 0;
  }
  const knoxOptions = { sBands: v['s-bands'], tBands: v['t-bands'], iterations: v.iterations, seed: v.seed, intervalSide: v['interval-side'], metric: v.metric };
  let report: KnoxReport;
  if (v.input) {
    const { file, data } = readInputFile(v);
    const parameters = knoxParameters(knoxOptions, data.unit, names);
    const result = await knoxTestParallel(data.events, parameters, { workers: v.workers });
    const last = data.events.length ? formatTime(data.events.reduce((m, e) => Math.max(m, e.t), -Infinity), data.unit) : null;
    const provenance = fileProvenance('knox', file, last, { ...describeParameters(parameters, data.unit), from: v.from ?? null, to: v.to ?? null }, fileNotes(data));
    report = knoxReport(result, data.unit, provenance, []);
  } else {
    const filter = importedFilter(v);
    report = await withDatabase(({ handle }) => knoxOnImported(handle.db, v.source ?? 'street', filter, knoxOptions, names, { workers: v.workers }));
  }
  if (v.json) for (const w of report.warnings) cliIo().stderr.write(`hub: warning: ${w}\n`);
  cliIo().stdout.write(v.json ? `${JSON.stringify(report)}\n` : formatKnoxReport(report));
  return 0;
}
