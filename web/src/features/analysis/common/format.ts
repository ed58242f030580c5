// Number formats for analysis results.
const int = new Intl.NumberFormat('en-GB');

export const fmtInt = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : int.format(n));

/** A number to `digits` significant figures, grouped (e.g. 1,234.6 or 0.0123). */
export function fmtSig(n: number | null | undefined, digits = 3): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const decimals = Math.max(0, Math.min(6, digits - 1 - Math.floor(Math.log10(abs))));
  return n.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: decimals }).replace('-', '−');
}

/** Fixed decimals, with a true minus sign. */
export const fmtFixed = (n: number | null | undefined, d = 1): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }).replace('-', '−');

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * p-values as analysts write them, never as 0: three decimals down to 0.001 (0.032), then two
 * significant figures in scientific notation (3.2 × 10⁻⁷), and "< 1e-300" where the probability
 * is below what a double can hold (it reached us as 0). The JSON keeps the full double.
 */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p) || p < 0) return '–';
  if (p === 0) return '< 1e-300';
  if (p >= 0.001) return p.toFixed(3);
  const [mantissa, exponent] = p.toExponential(1).split('e') as [string, string];
  const exp = String(Number(exponent)).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${mantissa} × 10${exp}`;
}

export function fmtPct(pct: number | null | undefined, d = 1): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '–';
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(d)}%`;
}

/** Signed whole number: +3, −2, 0. */
export const fmtSigned = (n: number | null | undefined): string =>
  n === null || n === undefined ? '–' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${int.format(Math.abs(n))}`;

/** "2025-07" to "2025-09" as "Jul 2025 – Sept 2025" (or one month). */
export function periodText(p: { from: string; to: string } | null | undefined): string {
  if (!p) return '–';
  const f = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const d = (m: string) => f.format(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)));
  return p.from === p.to ? d(p.from) : `${d(p.from)} – ${d(p.to)}`;
}

/** "p = 0.032", "p = 3.2 × 10⁻⁷" or "p < 1e-300". */
export function pText(p: number | null | undefined): string {
  const f = fmtP(p);
  return f.startsWith('<') ? `p ${f}` : `p = ${f}`;
}
