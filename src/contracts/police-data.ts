/**
 * Response shapes of the police-data API, shared by the server and the web app. Type-only and
 * import-free, so the web build can import it directly.
 */

/** Where a figure came from. */
export interface Provenance {
  source: string;
  filters: Record<string, unknown>;
  dataCutoff: string | null;
  generatedAt: string;
  demo: boolean;
  note?: string;
}

export interface CountRow {
  key: string | null;
  count: number;
}

export interface IncidentItem {
  id: number;
  crimeId: string | null;
  month: string;
  force: string;
  fallsWithin: string;
  reportedBy: string;
  longitude: number | null;
  latitude: number | null;
  easting: number | null;
  northing: number | null;
  location: string;
  lsoaCode: string | null;
  lsoaName: string | null;
  district: string | null;
  ladCode: string | null;
  category: string;
  outcome: string | null;
  context: string | null;
  hasLocation: boolean;
  demo: boolean;
}
