// Shared by the server and the web app: type-only and import-free.

/**
 * Where a result came from: every analysis result carries one, so any figure shown can say
 * which data, filters, parameters and cut-off produced it.
 */
export interface AnalysisProvenance {
  analysis: string;
  source: string;
  filters: Record<string, unknown>;
  parameters: Record<string, unknown>;
  /** Latest month (YYYY-MM) or date (YYYY-MM-DD) in the data used; null when none. */
  dataCutoff: string | null;
  generatedAt: string;
  demo: boolean;
  notes: string[];
}

