import type { AnalysisProvenance } from '../provenance.queries.js';

/** Provenance for a calculation on counts the user typed in (no database, no data cut-off). */
export function countsProvenance(analysis: string, parameters: Record<string, unknown>, notes: string[] = []): AnalysisProvenance {
  return {
    analysis,
    source: 'counts supplied by the user',
    filters: {},
    parameters,
    dataCutoff: null,
    generatedAt: new Date().toISOString(),
    demo: false,
    missingMonths: [],
    missingByForce: [],
    notes,
  };
}
