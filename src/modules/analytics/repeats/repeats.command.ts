import { z } from 'zod';
import { parseCommandArgs } from '../../../platform/cli/args.js';
import { withDatabase } from '../../../platform/cli/context.js';
import { repeatQuerySchema } from './repeats.schema.js';
import { repeatReport, type RepeatReport } from './repeats.service.js';
import { cliIo } from '../../../platform/cli/io.js';
import { missingMonthsWarning } from '../provenance.queries.js';

export const usage = `hub analyse repeats [--from YYYY-MM] [--to YYYY-MM] [--min 3] [--window 3]
          [--category C]... [--district D]... [--force F]... [--limit 20] [--all] [--json]
  Repeat locations in imported street-level data: places (the published snap-point coordinates,
  never the Location text) ranked by incidents in the period, with the repeat rule "at least --min
  incidents of the same category within --window consecutive months" and the change on the previous
  period of the same length. Default period: the --window months ending at the data cut-off.
  Only places meeting the rule are listed unless --all. Rows with no location are left out and counted.`;

const options = {
  from: { type: 'string' }, to: { type: 'string' }, min: { type: 'string' }, window: { type: 'string' },
  category: { type: 'string', multiple: true }, district: { type: 'string', multiple: true }, force: { type: 'string', multiple: true },
  limit: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

const cliSchema = z.intersection(repeatQuerySchema, z.object({ json: z.boolean().default(false), help: z.boolean().default(false) }));

const signed = (x: number | null) => (x === null ? '–' : x > 0 ? `+${x}` : String(x));
const n = (x: number | null) => (x === null ? '–' : x.toLocaleString('en-GB'));

function readable(r: RepeatReport): string {
  const s = r.summary;
  const warning = missingMonthsWarning(r.provenance);
  const lines = [
    ...(warning ? [warning] : []),
    `Repeat locations ${r.period.from} to ${r.period.to} (previous ${r.previousPeriod.from} to ${r.previousPeriod.to}); rule: ${r.rule.description}`,
    `${n(s.repeatPlaces)} of ${n(s.places)} places meet the rule, with ${n(s.incidentsAtRepeatPlaces)} of ${n(s.incidents)} located incidents` +
      `${s.shareAtRepeatPlaces === null ? '' : ` (${(s.shareAtRepeatPlaces * 100).toFixed(1)}%)`}` +
      (r.comparison ? `; ${n(s.previousRepeatPlaces)} met it in the previous period, ${n(s.persistentRepeatPlaces)} in both.` : '.'),
    ...(r.comparisonReason ? [`No comparison with the previous period: ${r.comparisonReason.replace(/^no comparison: /, '')}.`] : []),
    `Left out: ${n(s.noLocation.period)} rows with no location${r.comparison ? ` (${n(s.noLocation.previousPeriod)} in the previous period)` : ''}.`,
  ];
  if (r.places.length) {
    const rows = r.places.map((p) => [
      String(p.rank), p.label ?? '–', `${p.longitude},${p.latitude}`, p.district ?? '–', String(p.count), p.previousCount === null ? '–' : String(p.previousCount),
      signed(p.change), `${p.bestWindow.count} ${p.bestWindow.category} ${p.bestWindow.from}..${p.bestWindow.to}${p.qualifies ? '' : ' (no)'}`,
    ]);
    const head = ['rank', 'label (Location text)', 'snap point lon,lat', 'district', 'count', 'prev', 'change', 'best window'];
    const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
    lines.push('', ...[head, ...rows].map((row) => `  ${row.map((v, k) => (k === 0 || (k >= 4 && k <= 6) ? v.padStart(widths[k]!) : v.padEnd(widths[k]!))).join('  ')}`.trimEnd()));
    if (r.tiedBeyondLimit) lines.push(`  … and ${r.tiedBeyondLimit} more places tied with the last (raise --limit)`);
  } else {
    lines.push('', '  No places to list.');
  }
  lines.push('', ...r.provenance.notes.map((n) => `Note: ${n}`), `Data cut-off: ${r.provenance.dataCutoff ?? 'none'}${r.provenance.demo ? ' (DEMO DATA)' : ''}`);
  return `${lines.join('\n')}\n`;
}

export async function runAnalysis(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, options, cliSchema);
  if (values.help) {
    cliIo().stdout.write(`${usage}\n`);
    return 0;
  }
  const { json, help: _help, ...q } = values;
  return withDatabase(async ({ handle }) => {
    const report = await repeatReport(handle.db, q);
    cliIo().stdout.write(json ? `${JSON.stringify(report)}\n` : readable(report));
    return 0;
  });
}
