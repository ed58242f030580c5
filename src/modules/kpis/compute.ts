/**
 * Computing a KPI from counted inputs, pure: the counts of the current and the comparison period
 * (per district and per split value, with denominators for rates and shares) in, the figures with
 * their change, rate ratio, 95% exact interval, E-test p-value, small-number flags and provenance
 * out. The SQL that counts lives in sources.ts; nothing here reads a database or a clock.
 *
 * Rules:
 *  - a count is compared as a Poisson rate with equal exposure (the periods are the same length);
 *    a rate per 1,000 with the populations as exposures; a share with the denominators as
 *    exposures (the rate ratio is then the ratio of the two shares);
 *  - a row is not compared (change, ratio, interval and p all null, with the reason) when a period's
 *    data is missing or incomplete, when a rate has no population or a share an empty denominator;
 *  - a count below the definition's small-number threshold in either period is flagged: it is
 *    shown, but not to be read as a trend.
 */
import { compareCounts } from './rules/stats.js';
import type { MonthSpan } from './rules/periods.js';
import { filtersInWords, KPI_SOURCE_WORDS, type KpiDefinition } from './kpi.definition.js';

/** One counted cell: a district (null: all), a split value (null: all), the count and its denominator. */
export interface KpiCell {
  district: string | null;
  split: string | null;
  count: number;
  /** Population (rates) or denominator (shares); undefined for plain counts; null when unknown. */
  denominator?: number | null;
}

/** What a source counted for one period. */
export interface PeriodCounts {
  /** Every cell asked for: the total (null, null), and per district and/or split value when asked. */
  cells: KpiCell[];
  /** Why this period's data is not complete (not imported, not covered, not over yet); null when it is. */
  missing: string | null;
  /** The latest date of data the source holds (or the extract date); null when it holds none. */
  dataCutoff: string | null;
  /** Statements about the counting (as-at dates of outcomes, population year), said beside the figure. */
  notes: string[];
}

export interface KpiPeriod {
  label: string;
  /** First and last day, both included (YYYY-MM-DD). */
  from: string;
  to: string;
}

export interface KpiValue {
  count: number;
  /** count for counts; per 1,000 for rates; 0..1 for shares; null when it cannot be computed. */
  value: number | null;
  denominator: number | null;
}

export interface KpiRow {
  district: string | null;
  split: string | null;
  current: KpiValue;
  previous: KpiValue;
  /** Relative change of the value ((v1 - v2) / v2); null when not compared. */
  change: number | null;
  rateRatio: number | null;
  interval: { low: number | null; high: number | null } | null;
  p: number | null;
  /** Either count below the small-number threshold. */
  small: boolean;
  compared: boolean;
  notComparedReason: string | null;
}

export interface KpiProvenance {
  kpi: string;
  title: string;
  status: string;
  definition: string;
  versionId: string;
  /** The version's dates and what it rests on. */
  versionFrom: string | null;
  versionTo: string | null;
  versionSource: string;
  source: string;
  filters: Record<string, string>;
  measure: string;
  comparison: string;
  significance: string;
  disclosureProfiles: string[];
  smallNumberThreshold: number;
  period: KpiPeriod;
  comparisonPeriod: KpiPeriod;
  asOf: string;
  dataCutoff: string | null;
  notes: string[];
}

export interface KpiResult {
  kpi: string;
  title: string;
  period: KpiPeriod;
  comparisonPeriod: KpiPeriod;
  by: 'none' | 'district';
  /** The total first, then split values, then districts (and district x split). */
  rows: KpiRow[];
  /** Set when no row could be compared for a reason common to all (missing data). */
  notComparedReason: string | null;
  provenance: KpiProvenance;
}

export interface ComputeInput {
  id: string;
  definition: KpiDefinition;
  version: { versionId: string; effectiveFrom: string | null; effectiveTo: string | null; source: string };
  period: KpiPeriod;
  comparisonPeriod: KpiPeriod;
  by: 'none' | 'district';
  asOf: string;
  current: PeriodCounts;
  previous: PeriodCounts;
}

/** A month span as days: the first day of its first month to the last day of its last month. */
export function spanDays(s: MonthSpan): KpiPeriod {
  const [y, m] = s.to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { label: s.label, from: `${s.from}-01`, to: `${s.to}-${String(last).padStart(2, '0')}` };
}

const keyOf = (c: Pick<KpiCell, 'district' | 'split'>) => `${c.district ?? '\u0000'}|${c.split ?? '\u0000'}`;

function valueOf(def: KpiDefinition, cell: KpiCell | undefined): KpiValue {
  const count = cell?.count ?? 0;
  switch (def.measure.kind) {
    case 'count':
      return { count, value: count, denominator: null };
    case 'rate-per-1000': {
      const pop = cell?.denominator ?? null;
      return { count, value: pop !== null && pop > 0 ? (count / pop) * 1000 : null, denominator: pop };
    }
    case 'share': {
      const d = cell?.denominator ?? 0;
      return { count, value: d > 0 ? count / d : null, denominator: d };
    }
  }
}

/** Compares one cell across the two periods. */
function compareRow(def: KpiDefinition, district: string | null, split: string | null, cur: KpiValue, prev: KpiValue, commonReason: string | null): KpiRow {
  const threshold = def.disclosure.smallNumberThreshold;
  const small = cur.count < threshold || prev.count < threshold;
  const base = { district, split, current: cur, previous: prev, small };
  const notCompared = (reason: string): KpiRow => ({ ...base, change: null, rateRatio: null, interval: null, p: null, compared: false, notComparedReason: reason });
  if (commonReason) return notCompared(commonReason);
  let n1 = 1;
  let n2 = 1;
  if (def.measure.kind === 'rate-per-1000') {
    if (!(cur.denominator && cur.denominator > 0) || !(prev.denominator && prev.denominator > 0)) return notCompared('No population estimate for this area in one of the periods: the rate cannot be computed.');
    n1 = cur.denominator;
    n2 = prev.denominator;
  } else if (def.measure.kind === 'share') {
    if (!(cur.denominator && cur.denominator > 0) || !(prev.denominator && prev.denominator > 0)) return notCompared('No one in the denominator in one of the periods: the share cannot be computed.');
    n1 = cur.denominator;
    n2 = prev.denominator;
  }
  if (cur.count === 0 && prev.count === 0) return notCompared('None in either period: there is nothing to compare.');
  const c = compareCounts(cur.count, prev.count, n1, n2);
  return { ...base, change: c.change, rateRatio: c.rateRatio, interval: c.interval, p: c.p, compared: true, notComparedReason: c.change === null ? 'None in the comparison period: a change cannot be given as a percentage.' : null };
}

const MEASURE_WORDS = (d: KpiDefinition): string => {
  switch (d.measure.kind) {
    case 'count': return `Count of ${d.measure.counts}`;
    case 'rate-per-1000': {
      const a = d.measure.populationAge;
      const ages = !a ? 'all ages' : a.min !== undefined && a.max !== undefined ? `aged ${a.min} to ${a.max}` : a.min !== undefined ? `aged ${a.min} and over` : `aged under ${a.max! + 1}`;
      return `${d.measure.counts} per 1,000 people (${ages}, ONS mid-year population estimates)`;
    }
    case 'share': return `Share: ${d.measure.counts}, out of ${d.measure.denominator}`;
  }
};

const COMPARISON_WORDS = (d: KpiDefinition): string => {
  switch (d.comparison.kind) {
    case 'same-quarter-last-year': return 'The quarter against the same quarter a year before';
    case 'previous-quarter': return 'The quarter against the quarter before';
    case 'year-to-date': return 'The police year to date (from 1 April) against the same months a year before';
    case 'baseline': return `The quarter against the baseline quarter ${d.comparison.baseline}`;
  }
};

export const SIGNIFICANCE_WORDS = 'Two-sided E-test of the two Poisson rates (Krishnamoorthy and Thomson 2004); 95% interval of the rate ratio by the exact conditional binomial (Clopper-Pearson) method. For a share the denominators are the exposures.';

/** The figures of a KPI for a period and its comparison period. */
export function computeKpi(input: ComputeInput): KpiResult {
  const { definition: def } = input;
  const cur = new Map(input.current.cells.map((c) => [keyOf(c), c]));
  const prev = new Map(input.previous.cells.map((c) => [keyOf(c), c]));
  const missing = [input.current.missing && `${input.period.label}: ${input.current.missing}`, input.previous.missing && `${input.comparisonPeriod.label}: ${input.previous.missing}`].filter(Boolean);
  const commonReason = missing.length ? `Not compared: ${missing.join(' ')}` : null;

  // Every key seen in either period, so a district with none in one period still has its row (with 0).
  const keys = new Map<string, { district: string | null; split: string | null }>();
  for (const c of [...input.current.cells, ...input.previous.cells]) keys.set(keyOf(c), { district: c.district, split: c.split });
  keys.set(keyOf({ district: null, split: null }), { district: null, split: null });
  const order = [...keys.values()].sort((a, b) => {
    const rank = (x: typeof a) => (x.district === null ? (x.split === null ? 0 : 1) : 2);
    return rank(a) - rank(b) || (a.district ?? '').localeCompare(b.district ?? '') || (a.split ?? '').localeCompare(b.split ?? '');
  });
  const rows = order.map((k) => compareRow(def, k.district, k.split, valueOf(def, cur.get(keyOf(k))), valueOf(def, prev.get(keyOf(k))), commonReason));

  const cutoffs = [input.current.dataCutoff, input.previous.dataCutoff].filter((d): d is string => d !== null).sort();
  return {
    kpi: input.id,
    title: def.title,
    period: input.period,
    comparisonPeriod: input.comparisonPeriod,
    by: input.by,
    rows,
    notComparedReason: commonReason,
    provenance: {
      kpi: input.id,
      title: def.title,
      status: def.status,
      definition: def.description,
      versionId: input.version.versionId,
      versionFrom: input.version.effectiveFrom,
      versionTo: input.version.effectiveTo,
      versionSource: input.version.source,
      source: KPI_SOURCE_WORDS[def.source],
      filters: filtersInWords(def),
      measure: MEASURE_WORDS(def),
      comparison: COMPARISON_WORDS(def),
      significance: SIGNIFICANCE_WORDS,
      disclosureProfiles: [...def.disclosure.profiles],
      smallNumberThreshold: def.disclosure.smallNumberThreshold,
      period: input.period,
      comparisonPeriod: input.comparisonPeriod,
      asOf: input.asOf,
      dataCutoff: cutoffs.length ? cutoffs[cutoffs.length - 1]! : null,
      notes: [...new Set([...input.current.notes, ...input.previous.notes])],
    },
  };
}
