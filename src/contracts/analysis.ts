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
  /** Latest month (YYYY-MM) or date (YYYY-MM-DD) held by the force(s) analysed; null when none. */
  dataCutoff: string | null;
  /**
   * Months (YYYY-MM) the analysis needed that a force analysed has not imported: missing, never
   * counted as zero. Empty when nothing is missing (and for analyses of a given file).
   */
  missingMonths: string[];
  /** The same per force: which force lacks which months. */
  missingByForce: { force: string; months: string[] }[];
  generatedAt: string;
  demo: boolean;
  notes: string[];
}

