import { z } from 'zod';
import { parseCommandArgs } from '../../../platform/cli/args.js';
import { withDatabase } from '../../../platform/cli/context.js';
import { AppError } from '../../../platform/errors.js';
import { fileProvenance, type AnalysisProvenance } from '../provenance.queries.js';
import { nearRepeatChains, type Chain, type ChainParameters } from './chains.js';
import { fileNotes, importedFilter, readInputFile, sharedOptions, sharedSchema } from './near-repeat.cli.js';
import { formatTime, unitOf } from './event-file.js';
import { CHAINS_NEED_DAYS, chainsOnImported } from './near-repeat.service.js';
import { cliIo } from '../../../platform/cli/io.js';

const usage = `hub analyse chains (--input FILE.csv [--x x --y y --time date --date-format FORMAT] | --source stop-search) [options] [--json]
  Near-repeat chains: events linked when within --s-band metres and --t-band days of each other,
  grouped (directly or through other events) into chains with an originator and a chain id.
  Needs dates to the day: refused on street-level crime, which is dated by month.

    --s-band 200            link distance in metres (inclusive; default 200)
    --t-band 7              link time in whole days (inclusive; default 7)
    --metric euclidean|manhattan  (default euclidean)
    --same-location 0.1     linked events closer than this are repeats at the same place (default 0.1 m)
  With --input: --x, --y, --time, --date-format (yyyy-mm-dd, dd/mm/yyyy, mm/dd/yyyy), --from, --to.
  With --source stop-search: --from, --to YYYY-MM, --force ID (repeatable).
  The originator is the earliest event; on the same day the earlier time where known, then the
  earlier row (stop and search: by easting, then northing).`;

const options = { ...sharedOptions, 's-band': { type: 'string' }, 't-band': { type: 'string' }, 'same-location': { type: 'string' } } as const;

const distance = z.string().regex(/^\d+(\.\d+)?$/, 'must be a number, 0 or more').transform(Number);
const schema = sharedSchema.extend({
  's-band': distance.default(200),
  't-band': distance.default(7),
  'same-location': distance.default(0.1),
});

function formatChains(chains: Chain[], n: number, chained: number, label: (index: number) => string, dayText: (d: number) => string, provenance: AnalysisProvenance): string {
  const lines = [`${chains.length} chain${chains.length === 1 ? '' : 's'}: ${chained} of ${n} events linked`, ''];
  for (const c of chains.slice(0, 50)) {
    lines.push(`Chain ${c.chainId}: ${c.size} events, ${dayText(c.firstDay)} to ${dayText(c.lastDay)}; originator ${label(c.originator)}; ${c.repeats} repeat(s), ${c.nearRepeats} near repeat(s)`);
  }
  if (chains.length > 50) lines.push(`... and ${chains.length - 50} more (use --json for all)`);
  lines.push('', `Source: ${provenance.source}; data cut-off ${provenance.dataCutoff ?? 'none'}${provenance.demo ? '; DEMO DATA' : ''}`);
  for (const note of provenance.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

export async function runAnalysis(argv: string[]): Promise<number> {
  const { values: v } = parseCommandArgs(argv, options, schema);
  if (v.help) {
    cliIo().stdout.write(`${usage}\n`);
    return 0;
  }
  const parameters: ChainParameters = { sBand: v['s-band'], tBand: v['t-band'], metric: v.metric, sameLocation: v['same-location'] };
  const day = (d: number) => formatTime(d, 'day');
  if (v.input) {
    if (unitOf(v['date-format'] ?? 'yyyy-mm-dd') === 'month') throw new AppError('validation', `--date-format yyyy-mm: ${CHAINS_NEED_DAYS}`);
    const { file, data } = readInputFile(v);
    const events = data.events;
    const result = nearRepeatChains(events.map((e) => ({ x: e.x, y: e.y, day: e.t })), parameters);
    const last = events.length ? day(events.reduce((m, e) => Math.max(m, e.t), -Infinity)) : null;
    const provenance = fileProvenance('near-repeat chains', file, last, { ...parameters, timeUnit: 'day', distanceUnit: 'm', from: v.from ?? null, to: v.to ?? null }, fileNotes(data));
    const members = result.members.map((m) => ({ ...m, line: events[m.index]!.line, x: events[m.index]!.x, y: events[m.index]!.y, date: day(events[m.index]!.t) }));
    const chains = result.chains.map((c) => ({ ...c, originatorLine: events[c.originator]!.line }));
    if (v.json) cliIo().stdout.write(`${JSON.stringify({ ...result, chains, members, parameters, provenance })}\n`);
    else cliIo().stdout.write(formatChains(result.chains, result.n, result.chainedEvents, (i) => `line ${events[i]!.line}`, day, provenance));
    return 0;
  }
  const filter = importedFilter(v);
  if ((v.source ?? 'street') === 'street') throw new AppError('validation', CHAINS_NEED_DAYS);
  const report = await withDatabase(({ handle }) => chainsOnImported(handle.db, v.source ?? 'street', filter, parameters));
  if (v.json) cliIo().stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const byIndex = new Map(report.members.map((m) => [m.index, m]));
    const label = (i: number) => {
      const m = byIndex.get(i);
      return m ? `${m.occurredAt} at ${m.easting},${m.northing}` : `#${i}`;
    };
    cliIo().stdout.write(formatChains(report.chains, report.n, report.chainedEvents, label, day, report.provenance));
  }
  return 0;
}
