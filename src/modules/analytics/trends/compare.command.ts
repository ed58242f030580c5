import { z } from 'zod';
import { withDatabase } from '../../../platform/cli/context.js';
import { cliIo } from '../../../platform/cli/io.js';
import { missingMonthsWarning } from '../provenance.queries.js';
import { parseOptions, wantsHelp } from './cli-options.js';
import { comparison, type ComparisonResult } from './comparisons.service.js';
import { comparisonParams } from './trends.schema.js';
import { formatP } from './year-on-year.js';

const USAGE = `hub analyse compare --kind quarter|month|ytd [--period P] [--calendar] [--force F]... [--category C]...
                     [--district D]... [--alpha 0.05] [--json]
  Comparisons a force with one year of data can use, from imported data:
    quarter  the quarter against the quarter before; --period 2025Q3 (calendar, July-September) or
             2025-26Q2 (financial year from 1 April); default the latest whole quarter held
             (financial, or calendar with --calendar)
    month    the month (--period YYYY-MM, default the data cut-off) against the three months before
             it: the E-test with exposures 1 and 3 (per-month rates)
    ytd      the year to date ending --period YYYY-MM (from 1 April, the police year; from 1 January
             with --calendar) against the same months a year earlier
  Each answer states both periods, the per-month change, the two-sided E-test p-value and a note on
  the season (adjusted when two years of data are held). Not enough history (or a missing month)
  prints the reason and exits 0: it is an answer, not an error.
  --json prints {"available","kind","description","current","baseline","exposures","currentCount",
  "baselineCount","changePct","p","significant","reading","seasonal","provenance"}, or
  {"available":false,"reason","current","baseline","provenance"}.
`;

const schema = comparisonParams.extend({ json: z.boolean().default(false) });

export function readable(r: ComparisonResult): string {
  const warning = missingMonthsWarning(r.provenance);
  const lines = warning ? [warning] : [];
  if (!r.available) {
    lines.push(`No comparison: ${r.reason}.`);
  } else {
    lines.push(
      `${r.description}`,
      `  ${r.current.from}..${r.current.to}: ${r.currentCount} (${r.exposures[0]} month${r.exposures[0] === 1 ? '' : 's'})`,
      `  ${r.baseline.from}..${r.baseline.to}: ${r.baselineCount} (${r.exposures[1]} month${r.exposures[1] === 1 ? '' : 's'})`,
      `change per month: ${r.changePct === null ? 'n/a' : `${r.changePct >= 0 ? '+' : ''}${r.changePct.toFixed(1)}%`}; E-test p = ${r.p === null ? 'n/a' : formatP(r.p)}`,
      r.reading,
      r.seasonal.note,
    );
  }
  lines.push('', `Source: ${r.provenance.source}; data cut-off ${r.provenance.dataCutoff ?? 'none'}${r.provenance.demo ? '; DEMO DATA' : ''}`);
  return `${lines.join('\n')}\n`;
}

/** `hub analyse compare`: quarter on quarter, month on the three before, year to date. */
export async function runAnalysis(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    cliIo().stdout.write(USAGE);
    return 0;
  }
  const many = { type: 'string', multiple: true } as const;
  const str = { type: 'string' } as const;
  const values = parseOptions(
    argv,
    { kind: str, period: str, calendar: { type: 'boolean' }, force: many, category: many, district: many, alpha: str, json: { type: 'boolean' } },
    schema,
  );
  return withDatabase(async ({ handle }) => {
    const r = await comparison(handle.db, values);
    cliIo().stdout.write(values.json ? `${JSON.stringify(r)}\n` : readable(r));
    return 0;
  });
}
