/** Normal tail probabilities and adjustment of p-values for multiple comparisons. */

export const adjustMethods = ['fdr', 'bonferroni', 'none'] as const;
export type AdjustMethod = (typeof adjustMethods)[number];

/**
 * Complementary error function, erfc(x), with relative error below 1.2e-7 everywhere
 * (the Chebyshev-fitted approximation of Numerical Recipes, 2nd ed., §6.2), so tiny tail
 * probabilities keep their precision, which matters when thousands of p-values are adjusted.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal z: P(|Z| >= |z|) = erfc(|z| / √2). NaN stays NaN. */
export const twoSidedP = (z: number): number => (Number.isNaN(z) ? NaN : Math.min(1, erfc(Math.abs(z) / Math.SQRT2)));

/**
 * Adjusts p-values for multiple comparisons; NaN entries (no test) are skipped and do not count.
 * - 'fdr': Benjamini & Hochberg (1995) step-up: p_adj(k) = min over j >= k of m·p(j)/j, capped at 1,
 *   with p(1) <= ... <= p(m) (as R's p.adjust(method = "BH")).
 * - 'bonferroni': min(1, m·p).
 * - 'none': unchanged.
 * Sorting a copy of the values (not an index array) keeps this fast for a million cells; tied
 * p-values get the same adjusted value, as in R.
 */
export function adjustPValues(p: Float64Array, method: AdjustMethod): Float64Array {
  const out = new Float64Array(p.length);
  let m = 0;
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i]!)) m++;
  if (method === 'none') {
    out.set(p);
    return out;
  }
  if (method === 'bonferroni') {
    for (let i = 0; i < p.length; i++) out[i] = Math.min(1, p[i]! * m);
    return out;
  }
  const sorted = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i]!)) sorted[k++] = p[i]!;
  sorted.sort();
  // adjusted value at each sorted position: running minimum of m·p(j)/j from the largest down
  const adj = new Float64Array(m);
  let running = 1;
  for (let j = m - 1; j >= 0; j--) {
    running = Math.min(running, (m * sorted[j]!) / (j + 1));
    adj[j] = running;
  }
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (Number.isNaN(v)) {
      out[i] = NaN;
      continue;
    }
    // the first sorted position holding v: the running minimum there covers every tie
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = adj[lo]!;
  }
  return out;
}
