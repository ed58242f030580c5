import type { Generated } from 'kysely';

export type EditionStatus = 'draft' | 'approved' | 'published';

export interface ReportEditionTable {
  id: Generated<string>;
  quarter: string;
  force: string | null;
  profile: string;
  title: string;
  status: Generated<EditionStatus>;
  /** EditionContent as JSON. */
  content: unknown;
  /** Narrative per section id. */
  narrative: Generated<unknown>;
  created_by: string;
  created_at: Generated<Date>;
  regenerated_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
}

export interface ReportEditionFileTable {
  edition_id: string;
  format: string;
  bytes: Uint8Array;
  sha256: string;
  created_at: Generated<Date>;
}

export interface ReportTables {
  report_edition: ReportEditionTable;
  report_edition_file: ReportEditionFileTable;
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends ReportTables {}
}
