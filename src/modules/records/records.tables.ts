import type { Generated } from 'kysely';
import type { AsbCategory, LocationType, RecordKind } from './records.mapping.js';

export interface RecordsImportTable {
  id: Generated<number>;
  kind: RecordKind;
  source: string;
  file_name: string;
  covered_from: string;
  covered_to: string;
  extracted_on: string;
  row_count: number;
  replaced_rows: Generated<number>;
  key_fingerprint: string | null;
  is_demo: Generated<boolean>;
  imported_at: Generated<Date>;
  imported_by: string;
}

export interface RecordsCrimeTable {
  import_id: number;
  line_no: number;
  reference: string;
  offence_code: string;
  offence_description: string | null;
  committed_from: string;
  committed_to: string | null;
  recorded_on: string;
  easting: number | null;
  northing: number | null;
  lsoa_code: string | null;
  district: string;
  victim_key: string | null;
  victim_age_min: number | null;
  victim_age_max: number | null;
  domestic: boolean | null;
  location_type: LocationType | null;
  weapon: boolean | null;
  knife: boolean | null;
  suspect_keys: string[];
  offender_keys: string[];
}

export interface RecordsIncidentTable {
  import_id: number;
  line_no: number;
  reference: string;
  recorded_on: string;
  incident_type: string;
  asb_category: AsbCategory | null;
  easting: number | null;
  northing: number | null;
  lsoa_code: string | null;
  district: string;
  location_type: LocationType | null;
  person_keys: string[];
}

export interface RecordsOutcomeTable {
  import_id: number;
  line_no: number;
  crime_reference: string;
  outcome_code: string;
  outcome_description: string | null;
  outcome_on: string;
  person_key: string | null;
  district: string | null;
}

export interface RecordsTables {
  records_import: RecordsImportTable;
  records_coverage: { id: Generated<number>; import_id: number; kind: RecordKind; covered_from: string; covered_to: string };
  records_crime: RecordsCrimeTable;
  records_incident: RecordsIncidentTable;
  records_outcome: RecordsOutcomeTable;
  records_person_key: { person_key: string; person_id: number | null; first_seen_at: Generated<Date>; linked_by: string | null; linked_at: Date | null };
  records_population: { year: number; lsoa_code: string; age_min: number; age_max: number | null; population: number };
  records_population_import: { id: Generated<number>; file_name: string; years: number[]; row_count: number; imported_at: Generated<Date>; imported_by: string };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends RecordsTables {}
}
