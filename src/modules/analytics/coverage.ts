import { missingHistory, type Coverage, type MissingHistory } from './trends/history.js';
import { describeMonths, monthRange } from './months.js';

/**
 * What the forces an analysis reads hold: the months each has imported, and its data cut-off.
 * A month a force has not imported is missing, never zero.
 */
export interface AnalysedCoverage {
  /** The forces analysed: the force filter, else those with data in the filtered districts or LSOAs, else every force held. */
  forces: string[];
  months: Coverage;
  /** The latest month any analysed force holds (YYYY-MM); null when they hold none. */
  dataCutoff: string | null;
}

export interface MissingMonths {
  /** Every needed month at least one analysed force lacks, sorted. */
  months: string[];
  byForce: MissingHistory[];
}

/** The coverage of the named forces (pure): a force with no data has an empty set. */
export function coverageOf(held: ReadonlyMap<string, ReadonlySet<string>>, forces: readonly string[]): AnalysedCoverage {
  const ids = [...new Set(forces)].sort();
  const months = new Map(ids.map((f) => [f, held.get(f) ?? new Set<string>()] as const));
  const last = [...months.values()].flatMap((s) => [...s]).sort().at(-1);
  return { forces: ids, months, dataCutoff: last ?? null };
}

/** The needed months (given as closed ranges) the analysed forces lack (pure). */
export function missingMonths(coverage: AnalysedCoverage, needed: readonly { from: string; to: string }[]): MissingMonths {
  const all = [...new Set(needed.flatMap((p) => monthRange(p.from, p.to)))].sort();
  const byForce = missingHistory(coverage.months, all);
  const months = [...new Set(byForce.flatMap((m) => m.months))].sort();
  return { months, byForce };
}

/** A sentence naming what is missing, per force; null when nothing is. */
export function missingText(m: MissingMonths): string | null {
  if (!m.months.length) return null;
  return `No data imported for ${m.byForce.map((f) => `${f.force} in ${describeMonths(f.months)}`).join('; ')}: missing months are not counted as zero`;
}

/**
 * Why a comparison with `period` cannot be made (a month of it missing for an analysed force), or
 * null when it can.
 */
export function comparisonBlocked(coverage: AnalysedCoverage, what: string, period: { from: string; to: string }): string | null {
  if (coverage.forces.length === 0) return `no street data is imported, so there is nothing to compare with ${what} (${period.from}..${period.to})`;
  const m = missingMonths(coverage, [period]);
  if (!m.months.length) return null;
  return `no comparison: ${what} (${period.from}..${period.to}) is not fully imported (${m.byForce.map((f) => `${f.force} lacks ${describeMonths(f.months)}`).join('; ')})`;
}
