/**
 * Charts as server-rendered SVG (ECharts' server-side renderer; no DOM), so an HTML document and
 * its PDF show the same picture. Output is deterministic: the renderer's per-instance class names
 * are replaced by names derived from the chart's id in order of appearance, so the same chart
 * renders byte-identical SVG every time (a regenerated report edition must match its first render).
 * ECharts is loaded on first use only (it is large; most commands never draw).
 */

export interface ChartSeries {
  name: string;
  /** One value per category; null for no value (a gap, never a zero). */
  values: readonly (number | null)[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  /** A short title drawn above the chart and used as its accessible name. */
  title: string;
  /** The categories along the bottom (months, districts...). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** What the values are ("incidents", "per 1,000 people"). */
  valueLabel?: string;
  /** Stack the bars of several series. */
  stacked?: boolean;
  /** Extra words for screen readers (what the chart shows). */
  description?: string;
}

/** A palette that keeps contrast on white and in greyscale print, in series order. */
export const CHART_COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f72af', '#b58840', '#505a5f'] as const;

const FONT = 'Arial, Helvetica, sans-serif';

const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replaces the renderer's instance-specific class names and ids (zr3-cls-7, zr3-c0) by `${id}-N` in order of appearance. */
export function stableClassNames(svg: string, id: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[a-z]+-?\d+\b/g, (m) => {
    let n = names.get(m);
    if (n === undefined) {
      n = `${id}-${names.size}`;
      names.set(m, n);
    }
    return n;
  });
}

function checkSpec(id: string, s: ChartSpec): void {
  if (!/^[a-z][a-z0-9-]*$/i.test(id)) throw new Error(`chart id '${id}': letters, digits and hyphens, starting with a letter`);
  for (const ser of s.series) {
    if (ser.values.length !== s.categories.length) throw new Error(`chart ${id}: series '${ser.name}' has ${ser.values.length} values for ${s.categories.length} categories`);
    for (const v of ser.values) if (v !== null && !Number.isFinite(v)) throw new Error(`chart ${id}: series '${ser.name}' holds a value that is not a number`);
  }
}

/** The chart as a self-contained `<svg>` element with role="img" and an accessible name. */
export async function chartSvg(id: string, spec: ChartSpec, size: { width: number; height: number } = { width: 640, height: 300 }): Promise<string> {
  checkSpec(id, spec);
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      color: [...CHART_COLOURS],
      textStyle: { fontFamily: FONT, fontSize: 12, color: '#0b0c0c' },
      title: { text: spec.title, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'bold', fontFamily: FONT } },
      legend: spec.series.length > 1 ? { bottom: 0, left: 0, textStyle: { fontFamily: FONT } } : undefined,
      grid: { left: 8, right: 8, top: 58, bottom: spec.series.length > 1 ? 32 : 8, containLabel: true },
      xAxis: { type: 'category', data: [...spec.categories], axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', name: spec.valueLabel ?? '', nameTextStyle: { align: 'left' }, minInterval: 1 },
      series: spec.series.map((ser) => ({
        name: ser.name,
        type: spec.kind,
        data: [...ser.values],
        stack: spec.stacked ? 'total' : undefined,
        connectNulls: false,
        symbol: spec.kind === 'line' ? 'circle' : undefined,
      })),
    });
    const raw = chart.renderToSVGString();
    const label = [spec.title, spec.description].filter(Boolean).join('. ');
    return stableClassNames(raw, id).replace(/^<svg /, `<svg role="img" aria-label="${escAttr(label)}" data-chart="${escAttr(id)}" `);
  } finally {
    chart.dispose();
  }
}
