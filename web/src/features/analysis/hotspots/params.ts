import type { Query } from '../../../app/api';
import { apiGet } from '../../../app/api';
import type { HotspotCollection } from '../types';
import type { ParamValues } from '../common/useQueryState';

export const HOTSPOT_SPEC = {
  method: 'one', cell: 'one', bandwidth: 'one', neighbour: 'one', from: 'one', to: 'one', compareFrom: 'one', compareTo: 'one',
  category: 'many', district: 'many', force: 'one', alpha: 'one', adjust: 'one', cells: 'one',
  /** Map overlay (not sent to the API): district (default), lsoa or none. */
  overlay: 'one',
} as const;

export type HotspotParams = ParamValues<typeof HOTSPOT_SPEC>;

export const EMPTY_HOTSPOT: HotspotParams = {
  method: '', cell: '', bandwidth: '', neighbour: '', from: '', to: '', compareFrom: '', compareTo: '',
  category: [], district: [], force: '', alpha: '', adjust: '', cells: '', overlay: '',
};

export type Method = 'kde' | 'gistar' | 'change';
export const methodOf = (p: HotspotParams): Method => (p.method === 'gistar' || p.method === 'change' ? p.method : 'kde');

/** The API query: only the parameters that apply to the method (the API refuses the others). */
export function hotspotQuery(p: HotspotParams): Query {
  const m = methodOf(p);
  return {
    method: m,
    cell: p.cell,
    bandwidth: m === 'gistar' ? '' : p.bandwidth,
    neighbour: m === 'gistar' ? p.neighbour : '',
    from: p.from,
    to: p.to,
    compareFrom: m === 'change' ? p.compareFrom : '',
    compareTo: m === 'change' ? p.compareTo : '',
    category: p.category,
    district: p.district,
    force: p.force,
    alpha: m === 'gistar' ? p.alpha : '',
    adjust: m === 'gistar' ? p.adjust : '',
    cells: p.cells === 'significant' && m !== 'gistar' ? '' : p.cells,
  };
}

export function getHotspots(p: HotspotParams, signal?: AbortSignal): Promise<HotspotCollection> {
  return apiGet<HotspotCollection>('/api/analytics/hotspots', hotspotQuery(p), signal);
}

/** API field name -> [form element id, label]. */
export const HOTSPOT_FIELDS: Record<string, [string, string]> = {
  method: ['hs-method', 'Method'],
  cell: ['hs-cell', 'Cell size'],
  bandwidth: ['hs-bandwidth', 'Bandwidth'],
  neighbour: ['hs-neighbour', 'Neighbour distance'],
  from: ['hs-from', 'From month'],
  to: ['hs-to', 'To month'],
  compareFrom: ['hs-compareFrom', 'Comparison from'],
  compareTo: ['hs-compareTo', 'Comparison to'],
  alpha: ['hs-alpha', 'Significance level'],
  adjust: ['hs-adjust', 'Adjustment'],
  cells: ['hs-cells', 'Cells to show'],
};

export const ADJUST_LABEL: Record<string, string> = {
  fdr: 'Benjamini–Hochberg false discovery rate',
  bonferroni: 'Bonferroni',
  none: 'no adjustment',
};
