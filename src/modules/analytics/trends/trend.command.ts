import { z } from 'zod';
import { withDatabase } from '../../../platform/cli/context.js';
import { parseOptions, wantsHelp } from './cli-options.js';
import { trendParams } from './trends.schema.js';
import { trend } from './trends.service.js';
import { cliIo } from '../../../platform/cli/io.js';
import { missingMonthsWarning } from '../provenance.queries.js';

const USAGE = `hub analyse trend [--to YYYY-MM] [--months 3] [--force F]... [--category C]... [--district D]...
                   [--suppress-below N] [--json]
  The window of --months months ending at --to (default: the latest month every force in scope has)
  against the same months a year earlier, from imported data: counts, % change and the two-sided
  E-test p-value. Refuses with "insufficient history" and the missing months when either window
  is not fully imported. --suppress-below N withholds counts from 1 to N-1 (default 0: none).
  --json prints {"current":{"from","to","count"},"previous":{...},"changePct","p","suppressed","reading","provenance"}.
`;

const schema = trendParams.extend({ json: z.boolean().default(false) });

/** `hub analyse trend`: rolling window vs the same window a year earlier. */
export async function runAnalysis(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    cliIo().stdout.write(USAGE);
    return 0;
  }
  const many = { type: 'string', multiple: true } as const;
  const str = { type: 'string' } as const;
  const values = parseOptions(
    argv,
    { to: str, months: str, force: many, category: many, district: many, 'suppress-below': str, json: { type: 'boolean' } },
    schema,
  );
  return withDatabase(async ({ handle }) => {
    const r = await trend(handle.db, values);
    if (values.json) {
      cliIo().stdout.write(`${JSON.stringify(r)}\n`);
      return 0;
    }
    const show = (n: number | null) => (n === null ? 'suppressed' : String(n));
    const warning = missingMonthsWarning(r.provenance);
    cliIo().stdout.write(
      (warning ? `${warning}\n` : '') +
      `${r.current.from}..${r.current.to}: ${show(r.current.count)}\n` +
        `${r.previous.from}..${r.previous.to}: ${show(r.previous.count)}\n` +
        `change: ${r.changePct === null ? 'n/a' : `${r.changePct >= 0 ? '+' : ''}${r.changePct.toFixed(1)}%`}; E-test p = ${r.p === null ? 'n/a' : r.p}\n` +
        `${r.reading}\n\nSource: ${r.provenance.source}; data cut-off ${r.provenance.dataCutoff ?? 'none'}${r.provenance.demo ? '; DEMO DATA' : ''}\n`,
    );
    return 0;
  });
}
