// Quantile classes for the choropleth, with a colour-blind-safe sequential palette (ColorBrewer Blues).
// Areas with no incidents get their own neutral class, so that a filter leaving most areas
// empty does not collapse the scale into "0" and "everything else".

export const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const ZERO_COLOR = '#ffffff';

export interface ClassScale {
  colors: string[];
  labels: string[];
  color: (value: number) => string;
}

export function quantileScale(values: number[], classes = PALETTE.length): ClassScale {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  const hasZero = positive.length < values.length;
  const max = positive[positive.length - 1] ?? 0;
  const upper: number[] = [];
  for (let i = 1; i < classes; i++) {
    const v = positive[Math.floor((i / classes) * (positive.length - 1))];
    if (v !== undefined && (upper.length === 0 || v > upper[upper.length - 1]!)) upper.push(v);
  }
  if (max > 0 && (upper.length === 0 || max > upper[upper.length - 1]!)) upper.push(max);
  const n = upper.length;
  const colors = upper.map((_, i) => PALETTE[n === 1 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / (n - 1))]!);
  const min = positive[0] ?? 0;
  const labels = upper.map((hi, i) => {
    const lo = i === 0 ? min : upper[i - 1]! + 1;
    return lo >= hi ? fmtInt(hi) : `${fmtInt(lo)}–${fmtInt(hi)}`;
  });
  const color = (value: number) => {
    if (value <= 0 || n === 0) return ZERO_COLOR;
    const i = upper.findIndex((hi) => value <= hi);
    return colors[i === -1 ? n - 1 : i]!;
  };
  return {
    colors: hasZero || n === 0 ? [ZERO_COLOR, ...colors] : colors,
    labels: hasZero || n === 0 ? ['0 (none)', ...labels] : labels,
    color,
  };
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-GB');
