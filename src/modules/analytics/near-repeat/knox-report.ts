import type { AnalysisProvenance } from '../provenance.queries.js';
import { parseBandList, type IntervalSide, type Metric } from './bands.js';
import type { TimeUnit } from './event-file.js';
import type { KnoxParameters, KnoxResult } from './knox.js';
import { readKnox } from './knox-reading.js';
import { missingMonthsWarning } from '../provenance.queries.js';

/** A Knox result as the CLI and the API give it: the tables, a reading, warnings, provenance. */
export interface KnoxReport extends KnoxResult {
  timeUnit: TimeUnit;
  /** Each cell's full label, e.g. "(0.1, 200] m x [0, 7] days" (rows = spatial bands). */
  cellLabels: string[][];
  reading: string;
  warnings: string[];
  provenance: AnalysisProvenance;
}

export const MONTHLY_WARNING =
  'The data is dated by month (street-level crime is published by month only), so the time bands here are in months. Near repeats usually play out over days to a few weeks, which monthly data cannot show: read this as clustering within the same or nearby months, not as a near-repeat test. Stop-and-search records (--source stop-search) have dates and times and support day bands.';

export const DEFAULT_S_BANDS = '0.1,200,400,600';

/** Default temporal bands: 7, 14, 21 days; for months, the same month and the next two. */
export function defaultTBands(unit: TimeUnit, side: IntervalSide): string {
  if (unit === 'day') return '7,14,21';
  return side === 'left' ? '0,1,2' : '1,2,3';
}

export interface KnoxOptionValues {
  sBands?: string | undefined;
  tBands?: string | undefined;
  iterations: number;
  seed: number;
  intervalSide: IntervalSide;
  metric: Metric;
}

/** Knox parameters from option strings, with defaults; errors name the option as the caller spells it. */
export function knoxParameters(v: KnoxOptionValues, unit: TimeUnit, names: { sBands: string; tBands: string }): KnoxParameters {
  return {
    sBands: parseBandList(v.sBands ?? DEFAULT_S_BANDS, v.intervalSide, names.sBands),
    tBands: parseBandList(v.tBands ?? defaultTBands(unit, v.intervalSide), v.intervalSide, names.tBands),
    iterations: v.iterations,
    seed: v.seed,
    intervalSide: v.intervalSide,
    metric: v.metric,
  };
}

/** The parameters as recorded in provenance. */
export function describeParameters(p: KnoxParameters, unit: TimeUnit): Record<string, unknown> {
  return { ...p, timeUnit: unit, distanceUnit: 'm' };
}

export function knoxReport(result: KnoxResult, unit: TimeUnit, provenance: AnalysisProvenance, warnings: string[]): KnoxReport {
  const all = unit === 'month' ? [MONTHLY_WARNING, ...warnings] : warnings;
  const units = unit === 'day' ? 'days' : 'months';
  const cellLabels = result.sLabels.map((s) => result.tLabels.map((t) => `${s} m x ${t} ${units}`));
  return { ...result, timeUnit: unit, cellLabels, reading: readKnox(result, unit), warnings: all, provenance };
}

const cellText = (v: number | null, digits: number): string => (v === null ? '-' : v.toFixed(digits));

/** The report as readable text: observed pairs, Knox ratios and p-values with interval labels. */
export function formatKnoxReport(r: KnoxReport): string {
  const unitLabel = r.timeUnit === 'day' ? 'days' : 'months';
  const width = Math.max(14, ...r.sLabels.map((l) => l.length + 2));
  const col = Math.max(10, ...r.tLabels.map((l) => l.length + 2));
  const table = (title: string, rows: (number | null)[][], digits: number) => {
    const head = `${`metres \\ ${unitLabel}`.padEnd(width)}${r.tLabels.map((l) => l.padStart(col)).join('')}`;
    const body = rows.map((row, s) => `${r.sLabels[s]!.padEnd(width)}${row.map((v) => cellText(v, digits).padStart(col)).join('')}`);
    return `${title}\n${head}\n${body.join('\n')}\n`;
  };
  const lines = [
    `Knox test: ${r.n} event${r.n === 1 ? '' : 's'}, ${r.closePairs} pair${r.closePairs === 1 ? '' : 's'} within ${r.sBands.at(-1)} m; ${r.iterations} permutations (seed ${r.seed}); ${r.metric} distance; intervals closed on the ${r.intervalSide === 'left' ? 'right' : 'left'}`,
    '',
    table('Observed pairs', r.observed, 0),
    table('Knox ratio (observed / mean of permutations)', r.ratioMean, 2),
    table('Knox ratio (observed / median of permutations)', r.ratioMedian, 2),
    table('p-value', r.pValues, 3),
    r.reading,
  ];
  for (const w of r.warnings) lines.push('', `Warning: ${w}`);
  const p = r.provenance;
  const warning = missingMonthsWarning(p);
  if (warning) lines.unshift(warning);
  lines.push('', `Source: ${p.source}; data cut-off ${p.dataCutoff ?? 'none'}${p.demo ? '; DEMO DATA' : ''}`);
  for (const note of p.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
