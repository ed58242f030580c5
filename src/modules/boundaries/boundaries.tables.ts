export type BoundaryLevel = 'lsoa' | 'ward' | 'district';

export interface LadTable {
  code: string;
  name: string;
  active_code: string | null;
  active_name: string | null;
  is_demo: boolean;
}

export interface BoundaryTable {
  level: BoundaryLevel;
  code: string;
  name: string;
  district_code: string | null;
  district_name: string | null;
  geometry: unknown;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source_file: string;
  is_demo: boolean;
}

export interface BoundaryTables {
  lad: LadTable;
  boundary: BoundaryTable;
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends BoundaryTables {}
}
