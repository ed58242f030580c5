import type { Db } from '../../platform/db/database.js';
import type { AnalysisProvenance } from '../../contracts/analysis.js';
import { dataSummary, SNAP_POINT_NOTE, type IncidentFilter } from '../police-data/index.js';
import { missingMonths, missingText, type AnalysedCoverage } from './coverage.js';
import { analysedCoverage } from './coverage.queries.js';

export type { AnalysisProvenance } from '../../contracts/analysis.js';

function describeFilters(f: Partial<IncidentFilter>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** The filter's months; an open end runs to the analysed forces' first month held or their cut-off. */
function defaultNeeded(coverage: AnalysedCoverage, f: Partial<IncidentFilter>): { from: string; to: string }[] {
  const first = [...coverage.months.values()].flatMap((s) => [...s]).sort()[0];
  const from = f.from ?? first;
  const to = f.to ?? coverage.dataCutoff ?? undefined;
  return from && to && from <= to ? [{ from, to }] : [];
}

export interface CoverageOptions {
  /** The forces analysed and what they hold; read from the filter when not given. */
  coverage?: AnalysedCoverage | undefined;
  /** Every period the analysis needed (its own and any it compares with); default the filter's from..to. */
  needed?: readonly { from: string; to: string }[] | undefined;
}

/**
 * Provenance for an analysis of imported police data: the data cut-off is that of the forces
 * analysed, and the months needed that a force analysed lacks are named (missing, not zero).
 */
export async function dbProvenance(
  db: Db,
  analysis: string,
  filter: Partial<IncidentFilter>,
  parameters: Record<string, unknown>,
  notes: string[] = [],
  options: CoverageOptions = {},
): Promise<AnalysisProvenance> {
  const summary = await dataSummary(db);
  const coverage = options.coverage ?? (await analysedCoverage(db, { force: filter.force, district: filter.district, lsoa: filter.lsoa }));
  const needed = options.needed ?? defaultNeeded(coverage, filter);
  const missing = missingMonths(coverage, needed);
  const warning = missingText(missing);
  return {
    analysis,
    source: 'data.police.uk street-level crime and ASB (imported)',
    filters: describeFilters(filter),
    parameters,
    dataCutoff: coverage.dataCutoff,
    generatedAt: new Date().toISOString(),
    demo: summary.demo,
    missingMonths: missing.months,
    missingByForce: missing.byForce,
    notes: [...(warning ? [`${warning}.`] : []), SNAP_POINT_NOTE, ...notes],
  };
}

/** The warning line the CLI prints when months are missing; null when none are. */
export function missingMonthsWarning(p: AnalysisProvenance): string | null {
  if (!p.missingMonths.length) return null;
  return `WARNING: months missing from the data (not zero): ${p.missingByForce.map((f) => `${f.force} ${f.months.join(', ')}`).join('; ')}`;
}

/** Provenance for an analysis of a file given on the command line (no database). */
export function fileProvenance(
  analysis: string,
  file: string,
  dataCutoff: string | null,
  parameters: Record<string, unknown>,
  notes: string[] = [],
): AnalysisProvenance {
  return {
    analysis,
    source: `file ${file}`,
    filters: {},
    parameters,
    dataCutoff,
    generatedAt: new Date().toISOString(),
    demo: false,
    missingMonths: [],
    missingByForce: [],
    notes,
  };
}
