import type { Generated } from 'kysely';

export const SHARING_STATUSES = ['not_shared', 'shared_with_consent', 'shared_without_consent', 'consent_withdrawn', 'needs_review'] as const;
export type SharingStatus = (typeof SHARING_STATUSES)[number];
export const LINK_ROLES = ['offender', 'victim', 'witness', 'young_person_at_risk', 'subject'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
export const PREMISES_TYPES = ['licensed_premises', 'shop', 'residential', 'park_open_space', 'school', 'transport_hub', 'other'] as const;
export type PremisesType = (typeof PREMISES_TYPES)[number];
export const VEHICLE_RELATIONS = ['owner', 'keeper', 'driver', 'user'] as const;
export type VehicleRelation = (typeof VEHICLE_RELATIONS)[number];
export type ShareableType = 'person' | 'place';

/** Columns person and place share: the owning agency and the information-sharing status. */
interface SharingColumns {
  owning_agency_id: number;
  sharing_status: Generated<SharingStatus>;
  consent_recorded_at: string | null;
  consent_recorded_by: string | null;
  lawful_basis: string | null;
  merged_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PersonTable extends SharingColumns {
  id: Generated<number>;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  recorded_district: string;
  merged_into: number | null;
}

export interface PlaceTable extends SharingColumns {
  id: Generated<number>;
  name: string | null;
  address: string | null;
  postcode: string | null;
  lon: number | null;
  lat: number | null;
  lsoa_code: string | null;
  district: string;
  premises_type: PremisesType;
  merged_into: number | null;
}

export interface PeopleTables {
  person: PersonTable;
  person_alias: { id: Generated<number>; person_id: number; given_name: string; family_name: string; source: Generated<'alias' | 'merged'>; created_at: Generated<Date> };
  person_address: {
    id: Generated<number>; person_id: number; address: string; postcode: string | null; lon: number | null; lat: number | null;
    lsoa_code: string | null; district: string; created_at: Generated<Date>;
  };
  person_link: {
    id: Generated<number>; person_id: number; record_type: string; record_id: string; role: LinkRole; district: string;
    created_by: string; created_at: Generated<Date>;
  };
  place: PlaceTable;
  vehicle: {
    id: Generated<number>; vrm: string; make: string | null; model: string | null; colour: string | null; district: string;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  vehicle_person: { vehicle_id: number; person_id: number; relation: Generated<VehicleRelation>; created_at: Generated<Date> };
  person_occurrence: {
    id: Generated<number>; person_id: number; role: 'offender' | 'victim'; category: string; occurred_on: string; district: string;
    place_id: number | null; source_ref: string | null; created_by: string; created_at: Generated<Date>;
  };
  record_share: { record_type: ShareableType; record_id: number; agency_id: number; shared_by: string; shared_at: Generated<Date> };
  sharing_event: {
    id: Generated<number>; record_type: ShareableType; record_id: number; event: 'status' | 'share' | 'unshare' | 'transfer';
    status: SharingStatus | null; lawful_basis: string | null; from_agency_id: number | null; to_agency_id: number | null;
    recorded_by: string; recorded_at: Generated<Date>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends PeopleTables {}
}
