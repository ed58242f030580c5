-- migrate:up
-- Street rows keep their coordinates as scaled integers: longitude and latitude in millionths of
-- a degree (data.police.uk publishes 6 decimals), easting and northing in centimetres (the grid
-- conversion rounds to the centimetre). Measured on the nine Kent 2025 files: parsing four
-- double precision columns was most of COPY's cost on PGlite (1.09 s of 1.10 s against 0.62 s
-- with integers) and a sixth of it on PostgreSQL (0.37 s against 0.31 s); generated double
-- columns cost more than they saved (1.36 s). Bulk loads write the table incident_row; queries
-- read the view incident, which gives the coordinates back as double precision. int / float8
-- division is correctly rounded, so the values are the same doubles as parsing the published
-- text gave.
alter table incident rename to incident_row;
alter index incident_snapshot_brin rename to incident_row_snapshot_brin;
-- Without summaries a BRIN index answers "all pages" for ranges filled since the last VACUUM;
-- autovacuum now summarises each range as it fills, so a month's rows are found without a scan.
alter index incident_row_snapshot_brin set (autosummarize = on);
alter table incident_row alter column longitude type integer using round(longitude * 1e6)::integer;
alter table incident_row alter column latitude type integer using round(latitude * 1e6)::integer;
alter table incident_row alter column easting type integer using round(easting * 100)::integer;
alter table incident_row alter column northing type integer using round(northing * 100)::integer;
alter table incident_row rename column longitude to lon_e6;
alter table incident_row rename column latitude to lat_e6;
alter table incident_row rename column easting to easting_cm;
alter table incident_row rename column northing to northing_cm;

-- A plain projection: the planner inlines it, filters on snapshot_id still use the BRIN index,
-- and deletes through it are allowed (loads and deletes use incident_row directly).
create view incident as
select
  crime_id, month_text, reported_by, falls_within,
  lon_e6 / 1e6::float8 as longitude,
  lat_e6 / 1e6::float8 as latitude,
  location, lsoa_code, lsoa_name, category, outcome, context, line_no,
  easting_cm / 100::float8 as easting,
  northing_cm / 100::float8 as northing,
  lad_code, district, snapshot_id, force, month, has_location
from incident_row;

-- migrate:down
drop view incident;
alter table incident_row rename column lon_e6 to longitude;
alter table incident_row rename column lat_e6 to latitude;
alter table incident_row rename column easting_cm to easting;
alter table incident_row rename column northing_cm to northing;
alter table incident_row alter column longitude type double precision using longitude / 1e6::float8;
alter table incident_row alter column latitude type double precision using latitude / 1e6::float8;
alter table incident_row alter column easting type double precision using easting / 100::float8;
alter table incident_row alter column northing type double precision using northing / 100::float8;
alter index incident_row_snapshot_brin reset (autosummarize);
alter index incident_row_snapshot_brin rename to incident_snapshot_brin;
alter table incident_row rename to incident;
