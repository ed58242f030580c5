-- migrate:up
-- data.police.uk open data. A file is a snapshot of (kind, force, month); re-importing replaces it.

create table import_snapshot (
  id bigserial primary key,
  kind text not null check (kind in ('street', 'stop-and-search', 'outcomes')),
  force text not null,                 -- data.police.uk force id, e.g. kent, city-of-london
  month date not null,                 -- first day of the month
  file_name text not null,
  falls_within text,                   -- force name as published ('Falls within'); null for stop-and-search
  row_count integer not null,
  no_location_rows integer not null,
  is_demo boolean not null default false,
  imported_at timestamptz not null default now(),
  imported_by text not null,           -- user name, or cli:<os user>
  unique (kind, force, month)
);

-- Street-level crime and ASB: the published columns in file order, then derived ones. Bulk
-- loads COPY each published line as it is with the derived columns appended (measured: defaults
-- from settings and generated columns cost more than deriving the values in the loader).
-- No foreign key to import_snapshot: per-row RI checks would halve load speed; rows are always
-- written and deleted with their snapshot in one transaction. An incident's id is
-- snapshot_id * 100000000 + line_no.
create table incident (
  crime_id text,                       -- empty for ASB; not unique (republished/duplicated rows)
  month_text text not null,            -- 'Month' as published, YYYY-MM
  reported_by text not null,
  falls_within text not null,
  longitude double precision,
  latitude double precision,
  location text not null,
  lsoa_code text,
  lsoa_name text,
  category text not null,              -- 'Crime type'
  outcome text,                        -- 'Last outcome category'
  context text,
  line_no integer not null,            -- physical line in the source file (header = 1)
  easting double precision,            -- British National Grid (EPSG:27700), metres
  northing double precision,
  lad_code text,                       -- local authority code, when a lookup is imported
  district text,                       -- local authority name, from the LSOA name
  snapshot_id bigint not null,
  force text not null,                 -- data.police.uk force id
  month date not null,                 -- first day of the month
  has_location boolean not null
);
-- Rows arrive a snapshot at a time, so a BRIN index finds a snapshot's rows at almost no load cost.
-- (snapshot_id, line_no) is unique by construction.
create index incident_snapshot_brin on incident using brin (snapshot_id);

-- Rollups maintained on import, so grouped counts stay fast at millions of rows. The LSOA
-- rollup holds totals only: with categories it was nearly as many rows as a month's incidents
-- (LSOA counts filtered by category are answered from the incident rows).
create table incident_count (
  snapshot_id bigint not null,
  month date not null,
  force text not null,
  district text not null,              -- '' when no LSOA
  category text not null,
  outcome text not null,               -- '' when blank
  n integer not null
);
create index incident_count_month_idx on incident_count (month);
create index incident_count_snapshot_idx on incident_count (snapshot_id);

create table incident_lsoa_count (
  snapshot_id bigint not null,
  month date not null,
  force text not null,
  district text not null,
  lsoa_code text not null,             -- '' for rows published without a location
  n integer not null
);
create index incident_lsoa_count_month_idx on incident_lsoa_count (month);
create index incident_lsoa_count_snapshot_idx on incident_lsoa_count (snapshot_id);

create table stop_search (
  id bigserial primary key,
  snapshot_id bigint not null,
  line_no integer not null,
  force text not null,
  month date not null,
  search_type text not null,           -- 'Type'
  occurred_at timestamptz not null,    -- 'Date', with time of day
  part_of_operation boolean,
  operation text,
  latitude double precision,
  longitude double precision,
  easting double precision,
  northing double precision,
  gender text,
  age_range text,
  self_defined_ethnicity text,
  officer_defined_ethnicity text,
  legislation text,
  object_of_search text,
  outcome text,
  outcome_linked_to_object boolean,
  removal_of_more_than_outer_clothing boolean,
  has_location boolean not null
);
create index stop_search_snapshot_idx on stop_search (snapshot_id);
create index stop_search_month_idx on stop_search (month);

create table crime_outcome (
  id bigserial primary key,
  snapshot_id bigint not null,
  line_no integer not null,
  crime_id text,
  month date not null,
  reported_by text not null,
  falls_within text not null,
  force text not null,
  longitude double precision,
  latitude double precision,
  easting double precision,
  northing double precision,
  location text not null,
  lsoa_code text,
  lsoa_name text,
  district text,
  lad_code text,
  outcome_type text not null,
  has_location boolean not null
);
create index crime_outcome_snapshot_idx on crime_outcome (snapshot_id);
create index crime_outcome_crime_idx on crime_outcome (crime_id);

-- Local authority districts (la_all_codes.csv or boundary files).
create table lad (
  code text primary key,
  name text not null,
  active_code text,
  active_name text,
  is_demo boolean not null default false
);
create index lad_name_idx on lad (lower(name));

-- Boundary shapes (WGS84 GeoJSON geometry) for the map, and the LSOA -> district lookup.
create table boundary (
  level text not null check (level in ('lsoa', 'ward', 'district')),
  code text not null,
  name text not null,
  district_code text,
  district_name text,
  geometry jsonb not null,
  min_lon double precision not null,
  min_lat double precision not null,
  max_lon double precision not null,
  max_lat double precision not null,
  source_file text not null,
  is_demo boolean not null default false,
  primary key (level, code)
);

-- migrate:down
drop table boundary;
drop table lad;
drop table crime_outcome;
drop table stop_search;
drop table incident_lsoa_count;
drop table incident_count;
drop table incident;
drop table import_snapshot;
