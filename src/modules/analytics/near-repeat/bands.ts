import { AppError } from '../../../platform/errors.js';

/**
 * Which side of each band is open. `left` (the default of the reference implementations):
 * `[0, b1], (b1, b2], ...`; `right`: `[0, b1), [b1, b2), ...`. The first band always starts at 0,
 * closed, so a distance or time difference of 0 falls in the first band.
 */
export type IntervalSide = 'left' | 'right';
export type Metric = 'euclidean' | 'manhattan';

/**
 * Checks a list of band upper limits: finite, at least one, strictly increasing, none negative,
 * and (with `right`) a first limit above 0, since `[0, 0)` would be empty.
 */
export function checkBands(bands: readonly number[], side: IntervalSide, option: string): number[] {
  if (bands.length === 0) throw new AppError('validation', `${option}: give at least one band limit`);
  if (bands.length > 64) throw new AppError('validation', `${option}: at most 64 bands`);
  for (const [i, b] of bands.entries()) {
    if (!Number.isFinite(b)) throw new AppError('validation', `${option}: '${b}' is not a number`);
    if (b < 0) throw new AppError('validation', `${option}: band limits must not be negative (got ${b})`);
    if (i > 0 && b <= bands[i - 1]!) {
      throw new AppError('validation', `${option}: band limits must be strictly increasing (${bands[i - 1]} then ${b})`);
    }
  }
  if (side === 'right' && bands[0] === 0) {
    throw new AppError('validation', `${option}: with --interval-side right the first limit must be above 0 ([0, 0) is empty)`);
  }
  return [...bands];
}

/** Parses a comma list of band limits such as `0.1,200,400,600`. */
export function parseBandList(text: string, side: IntervalSide, option: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((s) => s === '' || !/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s))) {
    throw new AppError('validation', `${option}: expected a comma list of non-negative numbers, e.g. 0.1,200,400 (got '${text}')`);
  }
  return checkBands(parts.map(Number), side, option);
}

/**
 * The band a value falls in, or -1 when it is beyond the last limit. With `left` a value equal to
 * a limit belongs to the band that limit closes; with `right` to the next band. Plain `<=` / `<`
 * comparisons on the computed value, as `numpy.searchsorted` does in the Python reference.
 */
export function bandOf(value: number, bands: readonly number[], side: IntervalSide): number {
  if (side === 'left') {
    for (let k = 0; k < bands.length; k++) if (value <= bands[k]!) return k;
  } else {
    for (let k = 0; k < bands.length; k++) if (value < bands[k]!) return k;
  }
  return -1;
}

/** Interval-notation labels: `[0, 7]`, `(7, 14]`, ... or `[0, 7)`, `[7, 14)`, ... */
export function bandLabels(bands: readonly number[], side: IntervalSide): string[] {
  const open = side === 'left' ? '(' : '[';
  const close = side === 'left' ? ']' : ')';
  return bands.map((b, k) => (k === 0 ? `[0, ${b}${close}` : `${open}${bands[k - 1]}, ${b}${close}`));
}

/**
 * A lookup table from a whole-number time difference d (0..maxDiff) to its band, with `nT` (one
 * past the last band) for differences beyond the last limit. Lets the permutation loop bin a
 * pair with one load and no branch.
 */
export function timeBandTable(tBands: readonly number[], side: IntervalSide, maxDiff: number): Uint8Array {
  const table = new Uint8Array(maxDiff + 1);
  for (let d = 0; d <= maxDiff; d++) {
    const k = bandOf(d, tBands, side);
    table[d] = k === -1 ? tBands.length : k;
  }
  return table;
}

/** The spatial distance used by both implementations: straight line or city block. */
export function distance(dx: number, dy: number, metric: Metric): number {
  return metric === 'euclidean' ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
}
