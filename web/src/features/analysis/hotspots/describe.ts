// Words for one hotspot cell: the tooltip, the table of top cells and the CSV.
import type { BoundaryProperties } from '../../../app/types';
import { fmtInt, fmtSig, fmtSigned, pText } from '../common/format';
import type { HotspotProperties } from '../types';
import type { Method } from './params';

export function areaName(a: BoundaryProperties | null): string {
  if (!a) return 'Outside the imported LSOAs';
  return a.districtName ? `${a.name}, ${a.districtName}` : a.name;
}

export const CLASS_WORD = { hot: 'Hot spot', cold: 'Cold spot', none: 'Not significant' } as const;

/** Lines describing a cell's values for the method. */
export function cellLines(method: Method, p: HotspotProperties): string[] {
  if (method === 'gistar') {
    return [
      `${CLASS_WORD[p.class ?? 'none']}`,
      `Gi* z = ${fmtSig(p.gi_z, 3)}; adjusted ${pText(p.p_adj)} (unadjusted ${pText(p.p)})`,
      (p.count ?? 0) > 0 ? `${fmtInt(p.count)} incidents in the cell` : 'No incidents in the cell: it stands out through its neighbours',
    ];
  }
  if (method === 'change') {
    return [
      `${fmtInt(p.count_before)} incidents before, ${fmtInt(p.count_after)} after (${fmtSigned(p.change)})`,
      `Density ${fmtSig(p.density_before)} → ${fmtSig(p.density_after)} per km² (${(p.density_change ?? 0) > 0 ? '+' : ''}${fmtSig(p.density_change)})`,
    ];
  }
  return [`Density ${fmtSig(p.density)} incidents per km²`, `${fmtInt(p.count)} incidents in the cell`];
}

export const cellTitle = (p: HotspotProperties): string => `Cell centred E ${fmtInt(p.easting)}, N ${fmtInt(p.northing)}`;

/** Whether the cell itself holds incidents (in either period for a change map). */
export const hasIncidents = (p: HotspotProperties): boolean => (p.count ?? 0) > 0 || (p.count_after ?? 0) > 0 || (p.count_before ?? 0) > 0;

/** Order for the top-cells table: cells with incidents first, each group by the method's value. */
export function compareCells(method: Method, a: HotspotProperties, b: HotspotProperties): number {
  return Number(hasIncidents(b)) - Number(hasIncidents(a)) || rankValue(method, b) - rankValue(method, a);
}

/** The value cells are ranked by in the table of top cells. */
export function rankValue(method: Method, p: HotspotProperties): number {
  if (method === 'gistar') return p.gi_z ?? -Infinity;
  if (method === 'change') return Math.abs(p.density_change ?? 0) + Math.abs(p.change ?? 0) * 1e-9;
  return p.density ?? 0;
}

export const RANK_TITLE: Record<Method, string> = {
  kde: 'Top cells by density',
  gistar: 'Top cells by Gi* z-score (hottest first)',
  change: 'Top cells by size of change',
};

/** CSV columns per method (property names as in the GeoJSON). */
export const CSV_COLUMNS: Record<Method, (keyof HotspotProperties)[]> = {
  kde: ['col', 'row', 'easting', 'northing', 'count', 'density'],
  gistar: ['col', 'row', 'easting', 'northing', 'count', 'density', 'gi_z', 'p', 'p_adj', 'class'],
  change: ['col', 'row', 'easting', 'northing', 'count_before', 'count_after', 'change', 'density_before', 'density_after', 'density_change'],
};
