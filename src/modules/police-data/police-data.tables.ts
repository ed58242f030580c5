import type { Generated } from 'kysely';

export type PoliceDataKind = 'street' | 'stop-and-search' | 'outcomes';

export interface ImportSnapshotTable {
  id: Generated<number>;
  kind: PoliceDataKind;
  force: string;
  month: string;
  file_name: string;
  falls_within: string | null;
  row_count: number;
  no_location_rows: number;
  is_demo: Generated<boolean>;
  imported_at: Generated<Date>;
  imported_by: string;
}

/** The view incident: street rows with coordinates as double precision (migration 0008). */
export interface IncidentTable {
  snapshot_id: number;
  line_no: number;
  crime_id: string | null;
  month_text: string;
  month: string;
  reported_by: string;
  falls_within: string;
  force: string;
  longitude: number | null;
  latitude: number | null;
  easting: number | null;
  northing: number | null;
  location: string;
  lsoa_code: string | null;
  lsoa_name: string | null;
  district: string | null;
  lad_code: string | null;
  category: string;
  outcome: string | null;
  context: string | null;
  has_location: boolean;
}

/** The stored street rows: coordinates as scaled integers (micro-degrees, centimetres). */
export interface IncidentRowTable extends Omit<IncidentTable, 'longitude' | 'latitude' | 'easting' | 'northing'> {
  lon_e6: number | null;
  lat_e6: number | null;
  easting_cm: number | null;
  northing_cm: number | null;
}

export interface IncidentCountTable {
  snapshot_id: number;
  month: string;
  force: string;
  category: string;
  district: string;
  outcome: string;
  n: number;
}

export interface IncidentLsoaCountTable {
  snapshot_id: number;
  month: string;
  force: string;
  district: string;
  lsoa_code: string;
  n: number;
}

export interface PoliceDataTables {
  import_snapshot: ImportSnapshotTable;
  incident: IncidentTable;
  /** Where street rows are stored; loads and deletes only. */
  incident_row: IncidentRowTable;
  incident_count: IncidentCountTable;
  incident_lsoa_count: IncidentLsoaCountTable;
  stop_search: {
    id: Generated<number>;
    snapshot_id: number;
    month: string;
    force: string;
    has_location: boolean;
    easting: number | null;
    northing: number | null;
  };
  crime_outcome: { id: Generated<number>; snapshot_id: number; crime_id: string | null; month: string; outcome_type: string };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends PoliceDataTables {}
}
