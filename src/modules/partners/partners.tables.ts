import type { Generated } from 'kysely';

export const AGENCY_KINDS = [
  'police', 'community_safety_partnership', 'council', 'youth_justice', 'probation', 'health', 'school',
  'violence_reduction_unit', 'housing', 'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface PartnerAgencyTable {
  id: Generated<number>;
  name: string;
  kind: AgencyKind;
  email: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PartnerTables {
  partner_agency: PartnerAgencyTable;
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends PartnerTables {}
}
