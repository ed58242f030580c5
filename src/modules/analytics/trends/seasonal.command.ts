import { z } from 'zod';
import { withDatabase } from '../../../platform/cli/context.js';
import { parseOptions, wantsHelp } from './cli-options.js';
import { seasonalParams } from './trends.schema.js';
import { seasonal, type SeasonalResult } from './trends.service.js';
import { cliIo } from '../../../platform/cli/io.js';
import { missingMonthsWarning } from '../provenance.queries.js';

const USAGE = `hub analyse seasonal [--force F]... [--category C]... [--district D]... [--outlook] [--winter YYYY]
                      [--alpha 0.1] [--json]
  Month-of-year seasonal indices (classical multiplicative decomposition) from at least 24
  consecutive imported months; with --outlook, expected counts for November to January, in total
  and by category and district, with (1 - alpha) intervals. --winter YYYY picks the winter starting
  in November YYYY (default: the first November after the data); a past winter is a backtest with
  the history cut at the October before it and the actual counts shown.
  Refuses with "insufficient history" and the missing months when there are fewer than 24 months.
`;

const schema = seasonalParams.extend({ json: z.boolean().default(false) });

const f1 = (x: number) => x.toFixed(1);

function printText(r: SeasonalResult): void {
  const out: string[] = [`History ${r.history.from}..${r.history.to} (${r.history.months} months)`, `Method: ${r.method}`, ''];
  if (r.undefinedReason) out.push(`Seasonal indices undefined: ${r.undefinedReason}`);
  else out.push('Month  Index', ...r.indices.map((i) => `${i.name.padEnd(5)}  ${i.index!.toFixed(3)}`));
  if (r.outlook) {
    const o = r.outlook;
    const level = Math.round((1 - o.alpha) * 100);
    out.push('', `Winter outlook ${o.winter[0]}..${o.winter[2]} (${level}% intervals)`, `Method: ${o.method}`, '');
    const width = Math.max(8, ...o.rows.map((row) => (row.key ?? 'All').length));
    out.push(`${'Group'.padEnd(width)}  ${o.winter.map((m) => m.padStart(22)).join('')}  ${'Total'.padStart(24)}`);
    for (const row of o.rows) {
      const cell = (e: number, lo: number, hi: number, a?: number) => `${f1(e)} [${lo}-${hi}]${a === undefined ? '' : ` ${a}`}`.padStart(22);
      out.push(
        `${(row.key ?? 'All').padEnd(width)}  ${row.months.map((m) => cell(m.expected, m.low, m.high, m.actual)).join('')}  ${cell(row.total.expected, row.total.low, row.total.high, row.total.actual).padStart(24)}` +
          (row.indexSource === 'pooled' ? '  (pooled indices)' : ''),
      );
      for (const w of row.warnings) out.push(`${''.padEnd(width)}  ! ${w}`);
    }
    if (o.rows.some((row) => row.total.actual !== undefined)) out.push('', 'Cells: expected [interval] actual');
    if (o.omitted.length) {
      const byReason = new Map<string, string[]>();
      for (const g of o.omitted) byReason.set(g.reason, [...(byReason.get(g.reason) ?? []), `${g.key ?? 'All'} (${g.lastYearCount} in the last 12 months)`]);
      out.push('', 'Omitted:', ...[...byReason].map(([reason, keys]) => `  ${keys.join(', ')}: ${reason}`));
    }
  }
  const p = r.provenance;
  const warning = missingMonthsWarning(p);
  if (warning) out.unshift(warning, '');
  out.push('', `Source: ${p.source}; data cut-off ${p.dataCutoff ?? 'none'}${p.demo ? '; DEMO DATA' : ''}`);
  cliIo().stdout.write(`${out.join('\n')}\n`);
}

/** `hub analyse seasonal`: seasonal indices and the winter outlook. */
export async function runAnalysis(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    cliIo().stdout.write(USAGE);
    return 0;
  }
  const many = { type: 'string', multiple: true } as const;
  const str = { type: 'string' } as const;
  const values = parseOptions(
    argv,
    { force: many, category: many, district: many, outlook: { type: 'boolean' }, winter: str, alpha: str, json: { type: 'boolean' } },
    schema,
  );
  return withDatabase(async ({ handle }) => {
    const r = await seasonal(handle.db, values);
    if (values.json) cliIo().stdout.write(`${JSON.stringify(r)}\n`);
    else printText(r);
    return 0;
  });
}
