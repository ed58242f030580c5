import { AppError } from '../../../platform/errors.js';
import { addMonths, describeMonths } from '../months.js';

/** Months with imported data, per force id. A month is covered when its file was imported. */
export type Coverage = ReadonlyMap<string, ReadonlySet<string>>;

export interface MissingHistory {
  force: string;
  months: string[];
}

/** The needed months each force lacks (forces with nothing missing are left out). */
export function missingHistory(coverage: Coverage, needed: readonly string[]): MissingHistory[] {
  const out: MissingHistory[] = [];
  for (const [force, months] of [...coverage].sort(([a], [b]) => a.localeCompare(b))) {
    const lacking = needed.filter((m) => !months.has(m));
    if (lacking.length) out.push({ force, months: lacking });
  }
  return out;
}

/** Months covered by every force (the intersection). */
export function commonMonths(coverage: Coverage): Set<string> {
  const forces = [...coverage.values()];
  const first = forces[0];
  if (!first) return new Set();
  return new Set([...first].filter((m) => forces.every((f) => f.has(m))));
}

/** The run of consecutive covered months ending at `end` (empty when `end` itself is not covered). */
export function runEndingAt(covered: ReadonlySet<string>, end: string): string[] {
  const run: string[] = [];
  for (let m = end; covered.has(m); m = addMonths(m, -1)) run.unshift(m);
  return run;
}

/**
 * The error for an analysis that lacks data: says what was needed and what is missing, per force,
 * and never produces a figure. HTTP 404 / exit code 3, with the missing months as details.
 */
export function insufficientHistory(need: string, missing: readonly MissingHistory[]): AppError {
  const parts = missing.map((m) => `${m.force} lacks ${describeMonths(m.months)}`);
  return new AppError(
    'not_found',
    `insufficient history: ${need}${parts.length ? `; ${parts.join('; ')}` : ''}`,
    missing.map((m) => ({ field: m.force, message: `missing months: ${describeMonths(m.months)}` })),
  );
}
