// Response shapes of the Prevention Hub HTTP API (see docs/api.md).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

import type { Provenance } from '../../../src/contracts/police-data';

export type { Provenance };

export interface Health {
  status: 'ok';
  engine: 'pglite' | 'postgres';
  demo: boolean;
}

export interface KeyCount {
  key: string;
  count: number;
}

export interface Meta {
  demo: boolean;
  dataCutoff: string | null;
  months: { min: string; max: string } | null;
  forces: { id: string; name: string | null; rows: number }[];
  categories: KeyCount[];
  /** key null = incidents with no district (no location). */
  districts: { key: string | null; code: string | null; count: number }[];
  /** key null = blank outcome (all anti-social behaviour). */
  outcomes: { key: string | null; count: number }[];
  snapshots: number;
  rows: number;
  noLocationRows: number;
}

export type CountBy = 'month' | 'category' | 'district' | 'outcome' | 'force' | 'lsoa';

export interface Counts {
  by: CountBy;
  /** `key` may be null/empty for rows with no value (for example no LSOA). */
  rows: { key: string | null; count: number }[];
  total: number;
  provenance: Provenance;
}

export interface Incident {
  id: string | number;
  crimeId: string | null;
  month: string;
  force: string;
  fallsWithin: string | null;
  reportedBy: string | null;
  longitude: number | null;
  latitude: number | null;
  easting: number | null;
  northing: number | null;
  location: string | null;
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

export interface IncidentPage {
  /** Null when only counting every row could tell (filters on LSOA or a map box). */
  total: number | null;
  hasMore: boolean;
  limit: number;
  offset: number;
  items: Incident[];
  provenance: Provenance;
}

export type BoundaryLevel = 'lsoa' | 'district' | 'ward';

export interface BoundaryProperties {
  level: BoundaryLevel;
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
  demo: boolean;
}

export type BoundaryCollection = FeatureCollection<
  Polygon | MultiPolygon,
  BoundaryProperties
>;
