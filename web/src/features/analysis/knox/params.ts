import { apiGet, type Query } from '../../../app/api';
import type { ParamValues } from '../common/useQueryState';
import type { KnoxReport } from '../types';

export const KNOX_SPEC = {
  source: 'one', sBands: 'one', tBands: 'one', iterations: 'one', seed: 'one', intervalSide: 'one', metric: 'one',
  from: 'one', to: 'one', category: 'many', district: 'many', force: 'one',
} as const;

export type KnoxParams = ParamValues<typeof KNOX_SPEC>;

export const EMPTY_KNOX: KnoxParams = {
  source: '', sBands: '', tBands: '', iterations: '', seed: '', intervalSide: '', metric: '', from: '', to: '', category: [], district: [], force: '',
};

export const isStopSearch = (p: KnoxParams) => p.source === 'stop-search';

export function knoxQuery(p: KnoxParams): Query {
  const street = !isStopSearch(p);
  return {
    source: p.source,
    sBands: p.sBands.replace(/\s+/g, ''),
    tBands: p.tBands.replace(/\s+/g, ''),
    iterations: p.iterations,
    seed: p.seed,
    intervalSide: p.intervalSide,
    metric: p.metric,
    from: p.from,
    to: p.to,
    category: street ? p.category : [],
    district: street ? p.district : [],
    force: p.force,
  };
}

export const getKnox = (p: KnoxParams, signal?: AbortSignal) => apiGet<KnoxReport>('/api/analytics/knox', knoxQuery(p), signal);

export const KNOX_FIELDS: Record<string, [string, string]> = {
  source: ['kx-source', 'Data'],
  sBands: ['kx-sBands', 'Distance bands'],
  tBands: ['kx-tBands', 'Time bands'],
  iterations: ['kx-iterations', 'Iterations'],
  seed: ['kx-seed', 'Seed'],
  intervalSide: ['kx-intervalSide', 'Band edges'],
  metric: ['kx-metric', 'Distance'],
  from: ['kx-from', 'From month'],
  to: ['kx-to', 'To month'],
};

/** Significance marked in the matrix (as the API's reading). */
export const SIGNIFICANCE = 0.05;

/** Knox ratio classes: light tints keep dark text at 4.5:1 or more; the darkest class takes white text. */
export const RATIO_CLASSES: { max: number; color: string; label: string; dark?: boolean }[] = [
  { max: 0.67, color: '#4393c3', label: 'under 0.67' },
  { max: 0.9, color: '#92c5de', label: '0.67 to 0.9' },
  { max: 0.98, color: '#d1e5f0', label: '0.9 to 0.98' },
  { max: 1.02, color: '#f7f7f7', label: '0.98 to 1.02 (as expected)' },
  { max: 1.1, color: '#fddbc7', label: '1.02 to 1.1' },
  { max: 1.5, color: '#f4a582', label: '1.1 to 1.5' },
  { max: 2, color: '#d6604d', label: '1.5 to 2' },
  { max: Infinity, color: '#b2182b', label: '2 or more', dark: true },
];

export function ratioClass(r: number | null) {
  if (r === null || !Number.isFinite(r)) return null;
  return RATIO_CLASSES.find((c) => r < c.max) ?? RATIO_CLASSES[RATIO_CLASSES.length - 1]!;
}
