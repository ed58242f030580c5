// Colour classes for hotspot cells. Sequential blues for density (the explorer's palette); a
// diverging red/blue palette (ColorBrewer RdBu) for Gi* hot/cold spots and for change, whose
// significant or strong classes keep at least 3:1 contrast with the white map.
import { PALETTE } from '../../explorer/map/scale';
import { fmtSig } from '../common/format';
import type { HotspotProperties, HotspotSummary } from '../types';
import { ADJUST_LABEL, type Method } from './params';

export interface CellClass {
  color: string;
  label: string;
}

export interface CellScale {
  title: string;
  /** What the colours mean, in words (alpha, adjustment, units). */
  note: string;
  classes: CellClass[];
  /** Index into classes, or -1 for a cell not drawn. */
  classOf: (p: HotspotProperties) => number;
}

export const HOT_STRONG = '#b2182b';
export const HOT = '#d6604d';
export const COLD = '#4393c3';
export const COLD_STRONG = '#2166ac';
export const NOT_SIGNIFICANT = '#dfe1e2';

/** Upper limits of quantile classes over positive values (unique, ascending; the last is the max). */
function quantileLimits(values: number[], classes: number): number[] {
  const v = values.filter((x) => x > 0).sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const x = v[Math.min(v.length - 1, Math.ceil((i / classes) * v.length) - 1)];
    if (x !== undefined && (out.length === 0 || x > out[out.length - 1]!)) out.push(x);
  }
  return out;
}

function rangeLabels(limits: number[], prefix = ''): string[] {
  return limits.map((hi, i) => (i === 0 ? `up to ${prefix}${fmtSig(hi)}` : `${prefix}${fmtSig(limits[i - 1]!)} to ${prefix}${fmtSig(hi)}`));
}

function densityScale(props: HotspotProperties[]): CellScale {
  const values = props.map((p) => p.density ?? 0);
  const limits = quantileLimits(values, PALETTE.length);
  const colors = limits.map((_, i) => PALETTE[limits.length === 1 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / (limits.length - 1))]!);
  const labels = rangeLabels(limits);
  return {
    title: 'Density (incidents per km² over the period)',
    note: 'Classes are fifths (quantiles) of the cells with any density.',
    classes: limits.map((_, i) => ({ color: colors[i]!, label: labels[i]! })),
    classOf: (p) => {
      const d = p.density ?? 0;
      if (!(d > 0)) return -1;
      const i = limits.findIndex((hi) => d <= hi);
      return i === -1 ? limits.length - 1 : i;
    },
  };
}

function giScale(summary: HotspotSummary): CellScale {
  const alpha = summary.gistar?.alpha ?? 0.05;
  const adjust = ADJUST_LABEL[summary.gistar?.adjust ?? 'fdr'] ?? summary.gistar?.adjust ?? '';
  const strong = alpha > 0.01 ? 0.01 : null;
  const classes: CellClass[] = strong
    ? [
        { color: HOT_STRONG, label: `Hot spot, adjusted p < ${strong}` },
        { color: HOT, label: `Hot spot, adjusted p < ${alpha}` },
        { color: NOT_SIGNIFICANT, label: 'Not significant' },
        { color: COLD, label: `Cold spot, adjusted p < ${alpha}` },
        { color: COLD_STRONG, label: `Cold spot, adjusted p < ${strong}` },
      ]
    : [
        { color: HOT_STRONG, label: `Hot spot, adjusted p < ${alpha}` },
        { color: NOT_SIGNIFICANT, label: 'Not significant' },
        { color: COLD_STRONG, label: `Cold spot, adjusted p < ${alpha}` },
      ];
  const none = strong ? 2 : 1;
  return {
    title: 'Getis-Ord Gi* hot and cold spots',
    note: `Significance level alpha = ${alpha}, p-values adjusted by ${adjust} over the ${fmtSig(summary.gistar?.cellsTested ?? 0, 9)} cells tested.`,
    classes,
    classOf: (p) => {
      if (p.class === 'hot') return strong && (p.p_adj ?? 1) < strong ? 0 : strong ? 1 : 0;
      if (p.class === 'cold') return strong && (p.p_adj ?? 1) < strong ? 4 : strong ? 3 : 2;
      return none;
    },
  };
}

const CHANGE_UP = ['#fddbc7', '#ef8a62', HOT_STRONG];
const CHANGE_DOWN = ['#d1e5f0', '#67a9cf', COLD_STRONG];

function changeScale(props: HotspotProperties[]): CellScale {
  const values = props.map((p) => p.density_change ?? 0);
  const limits = quantileLimits(values.map(Math.abs), 3);
  const up = rangeLabels(limits, '+');
  const down = rangeLabels(limits, '−');
  const n = limits.length;
  const pick = (palette: string[], i: number) => palette[n === 1 ? 2 : Math.round((i * 2) / (n - 1))]!;
  const classes: CellClass[] = [
    ...limits.map((_, i) => ({ color: pick(CHANGE_UP, n - 1 - i), label: `Rise ${up[n - 1 - i]}` })),
    { color: '#f7f7f7', label: 'No change' },
    ...limits.map((_, i) => ({ color: pick(CHANGE_DOWN, i), label: `Fall ${down[i]}` })),
  ];
  return {
    title: 'Change in density (incidents per km², period minus comparison)',
    note: 'Red: more incidents than in the comparison period; blue: fewer. Classes are thirds (quantiles) of the size of the change.',
    classes,
    classOf: (p) => {
      const d = p.density_change ?? 0;
      if (d === 0) return n;
      let i = limits.findIndex((hi) => Math.abs(d) <= hi);
      if (i === -1) i = n - 1;
      return d > 0 ? n - 1 - i : n + 1 + i;
    },
  };
}

export function scaleFor(method: Method, props: HotspotProperties[], summary: HotspotSummary): CellScale {
  if (method === 'gistar') return giScale(summary);
  if (method === 'change') return changeScale(props);
  return densityScale(props);
}
