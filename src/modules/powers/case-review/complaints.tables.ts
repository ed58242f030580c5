import type { Generated } from 'kysely';

export const COMPLAINT_AGENCIES = ['police', 'local_authority', 'housing_provider', 'health', 'other'] as const;
export type ComplaintAgency = (typeof COMPLAINT_AGENCIES)[number];

export interface AsbComplaintTable {
  id: Generated<number>;
  received_on: string;
  behaviour_on: string;
  agency: ComplaintAgency;
  incident_ref: string | null;
  person_id: number | null;
  location: string | null;
  district: string;
  hate: Generated<boolean>;
  summary: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ComplaintTables {
  asb_complaint: AsbComplaintTable;
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../../platform/db/schema.js' {
  interface Database extends ComplaintTables {}
}
