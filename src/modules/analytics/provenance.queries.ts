import type { Db } from '../../platform/db/database.js';
import type { AnalysisProvenance } from '../../contracts/analysis.js';
import { dataSummary, SNAP_POINT_NOTE, type IncidentFilter } from '../police-data/index.js';

export type { AnalysisProvenance } from '../../contracts/analysis.js';

function describeFilters(f: Partial<IncidentFilter>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** Provenance for an analysis of imported police data. */
export async function dbProvenance(
  db: Db,
  analysis: string,
  filter: Partial<IncidentFilter>,
  parameters: Record<string, unknown>,
  notes: string[] = [],
): Promise<AnalysisProvenance> {
  const summary = await dataSummary(db);
  return {
    analysis,
    source: 'data.police.uk street-level crime and ASB (imported)',
    filters: describeFilters(filter),
    parameters,
    dataCutoff: summary.dataCutoff,
    generatedAt: new Date().toISOString(),
    demo: summary.demo,
    notes: [SNAP_POINT_NOTE, ...notes],
  };
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
    notes,
  };
}
