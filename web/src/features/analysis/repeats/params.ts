import { apiGet, type Query } from '../../../app/api';
import type { IncidentPage } from '../../../app/types';
import type { ParamValues } from '../common/useQueryState';
import type { RepeatPlace, RepeatReport } from '../types';

export const REPEAT_SPEC = {
  from: 'one', to: 'one', min: 'one', window: 'one', category: 'many', district: 'many', force: 'one', limit: 'one', all: 'one',
  /** The place whose incidents are listed (not sent to the API): "longitude,latitude". */
  place: 'one',
} as const;

export type RepeatParams = ParamValues<typeof REPEAT_SPEC>;

export const EMPTY_REPEAT: RepeatParams = { from: '', to: '', min: '', window: '', category: [], district: [], force: '', limit: '', all: '', place: '' };

export function repeatQuery(p: RepeatParams): Query {
  return { from: p.from, to: p.to, min: p.min, window: p.window, category: p.category, district: p.district, force: p.force, limit: p.limit, all: p.all === 'true' ? 'true' : '' };
}

export const getRepeats = (p: RepeatParams, signal?: AbortSignal) => apiGet<RepeatReport>('/api/analytics/repeats', repeatQuery(p), signal);

export const REPEAT_FIELDS: Record<string, [string, string]> = {
  from: ['rp-from', 'From month'],
  to: ['rp-to', 'To month'],
  min: ['rp-min', 'Incidents'],
  window: ['rp-window', 'Months'],
  limit: ['rp-limit', 'Places to list'],
};

export const placeKey = (p: { longitude: number; latitude: number }): string => `${p.longitude},${p.latitude}`;

/** Incidents drill-down: at most this many rows. */
export const DRILL_LIMIT = 1000;

/**
 * The incidents at one snap point in the report's period, with the same filters: a box of about
 * ±0.1 m around the published coordinates (places are keyed on exact coordinates). The box is
 * tiny, so the exact count (which a bbox filter needs asked for) is cheap.
 */
export function getPlaceIncidents(report: RepeatReport, place: RepeatPlace, p: RepeatParams, signal?: AbortSignal): Promise<IncidentPage> {
  const d = 1e-6;
  const bbox = [place.longitude - d, place.latitude - d, place.longitude + d, place.latitude + d].map((n) => n.toFixed(7)).join(',');
  return apiGet<IncidentPage>(
    '/api/incidents',
    { from: report.period.from, to: report.period.to, category: p.category, district: p.district, force: p.force, bbox, limit: DRILL_LIMIT, count: 'exact' },
    signal,
  );
}
