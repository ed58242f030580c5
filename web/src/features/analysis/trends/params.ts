import { apiGet, type Query } from '../../../app/api';
import type { Counts } from '../../../app/types';
import type { ParamValues } from '../common/useQueryState';
import type { KpiTable, SeasonalResult, TrendResult } from '../types';

export const TRENDS_SPEC = {
  to: 'one', months: 'one', category: 'many', district: 'many', force: 'one', by: 'many', alpha: 'one', suppressBelow: 'one',
  /** Winter outlook: the year of the November, and the interval's alpha (0.1 gives 90% intervals). */
  winter: 'one', outlookAlpha: 'one',
} as const;

export type TrendsParams = ParamValues<typeof TRENDS_SPEC>;

export const EMPTY_TRENDS: TrendsParams = { to: '', months: '', category: [], district: [], force: '', by: [], alpha: '', suppressBelow: '', winter: '', outlookAlpha: '' };

const scope = (p: TrendsParams): Query => ({ category: p.category, district: p.district, force: p.force });

export const kpiQuery = (p: TrendsParams): Query => ({ ...scope(p), to: p.to, months: p.months, by: p.by, alpha: p.alpha, suppressBelow: p.suppressBelow });
export const trendQuery = (p: TrendsParams): Query => ({ ...scope(p), to: p.to, months: p.months, suppressBelow: p.suppressBelow });
export const seasonalQuery = (p: TrendsParams): Query => ({ ...scope(p), outlook: 'true', winter: p.winter, alpha: p.outlookAlpha });

export const getKpis = (p: TrendsParams, s?: AbortSignal) => apiGet<KpiTable>('/api/analytics/kpis', kpiQuery(p), s);
export const getTrend = (p: TrendsParams, s?: AbortSignal) => apiGet<TrendResult>('/api/analytics/trend', trendQuery(p), s);
export const getSeasonal = (p: TrendsParams, s?: AbortSignal) => apiGet<SeasonalResult>('/api/analytics/seasonal', seasonalQuery(p), s);

/** Monthly counts over both windows of a trend, for its chart. */
export const getMonthly = (p: TrendsParams, t: TrendResult, s?: AbortSignal) =>
  apiGet<Counts>('/api/incidents/counts', { by: 'month', from: t.previous.from, to: t.current.to, ...scope(p) }, s);

export const TRENDS_FIELDS: Record<string, [string, string]> = {
  to: ['tr-to', 'Last month'],
  months: ['tr-months', 'Window'],
  alpha: ['tr-alpha', 'Significance level'],
  suppressBelow: ['tr-suppressBelow', 'Suppress counts below'],
  winter: ['tr-winter', 'Winter'],
  outlookAlpha: ['tr-outlookAlpha', 'Interval'],
  by: ['tr-by', 'Break down by'],
};
