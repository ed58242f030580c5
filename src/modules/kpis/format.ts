/** Number words shared by the CLI text (the web app formats its own). Pure. */
import type { KpiRow, KpiValue } from './compute.js';

export function formatValue(v: KpiValue, kind: 'count' | 'rate' | 'share'): string {
  if (kind === 'count') return String(v.count);
  if (v.value === null) return `${v.count} (n/a)`;
  if (kind === 'rate') return v.value.toFixed(2);
  return `${(v.value * 100).toFixed(1)}%`;
}

export function formatChange(change: number | null): string {
  if (change === null) return '-';
  const pct = change * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

export function formatInterval(i: KpiRow['interval']): string {
  if (!i) return '-';
  const f = (x: number | null) => (x === null ? 'unbounded' : x.toFixed(2));
  return `${f(i.low)} to ${f(i.high)}`;
}

export function formatP(p: number | null): string {
  if (p === null) return '-';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}
