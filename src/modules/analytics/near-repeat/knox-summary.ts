/**
 * The Knox statistics of each cell from the observed count and the N permuted counts, as in the
 * NearRepeat R package: p = (1 + #{permuted >= observed}) / (N + 1); Knox ratios observed / median
 * and observed / mean of the permuted counts (null when that is 0); z = (observed - mean) / sd,
 * with sd the population standard deviation of the permuted counts (null when 0).
 *
 * Two differences from the Python reference, both deliberate: its z-score standardises the
 * observed count within the observed and permuted counts together, which shrinks large values (on
 * Chicago 2016, same place within 7 days: about 9.6 there, about 45 here, where the permuted
 * counts have mean 52 and sd 6.5); and its p-value ranks the observed count among the permuted
 * ones with an unstable sort, so ties fall either way, where counting ties as "at least as large"
 * (R) is the conservative reading.
 */
export interface KnoxTables {
  observed: number[][];
  pValues: number[][];
  ratioMedian: (number | null)[][];
  ratioMean: (number | null)[][];
  zScores: (number | null)[][];
  /** Median and mean of the permuted counts: the pairs expected if timing were random. */
  expectedMedian: number[][];
  expectedMean: number[][];
}

function median(sorted: Int32Array): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * `observed`: nS x nT counts (row-major); `permuted`: N tables of nS x nT, iteration-major.
 */
export function summarisePermutations(observed: Int32Array, permuted: Int32Array, iterations: number, nS: number, nT: number): KnoxTables {
  const size = nS * nT;
  const grid = <T>(): T[][] => Array.from({ length: nS }, () => new Array<T>(nT));
  const tables: KnoxTables = {
    observed: grid(), pValues: grid(), ratioMedian: grid(), ratioMean: grid(), zScores: grid(), expectedMedian: grid(), expectedMean: grid(),
  };
  const values = new Int32Array(iterations);
  for (let s = 0; s < nS; s++) {
    for (let t = 0; t < nT; t++) {
      const cell = s * nT + t;
      const obs = observed[cell]!;
      let atLeast = 0;
      let sum = 0;
      for (let k = 0; k < iterations; k++) {
        const v = permuted[k * size + cell]!;
        values[k] = v;
        sum += v;
        if (v >= obs) atLeast++;
      }
      const mean = sum / iterations;
      let squares = 0;
      for (let k = 0; k < iterations; k++) squares += (values[k]! - mean) ** 2;
      const sd = Math.sqrt(squares / iterations);
      values.sort();
      const med = median(values);
      tables.observed[s]![t] = obs;
      tables.pValues[s]![t] = (1 + atLeast) / (iterations + 1);
      tables.expectedMedian[s]![t] = med;
      tables.expectedMean[s]![t] = mean;
      tables.ratioMedian[s]![t] = ratio(obs, med);
      tables.ratioMean[s]![t] = ratio(obs, mean);
      tables.zScores[s]![t] = sd === 0 ? null : (obs - mean) / sd;
    }
  }
  return tables;
}
