-- migrate:up
-- A force's own records (issue 13): crime, incident and outcome extracts from its records system,
-- imported with a mapping file (docs/force-records.md). Each import declares what it covers
-- (kind, recorded dates from and to); a later import of the same kind replaces exactly the rows
-- its coverage overlaps. People appear only as keyed pseudonyms (person keys: HMAC-SHA256 of the
-- records-system nominal id under the force's records key), never by name or nominal id.
create table records_import (
  id serial primary key,
  kind text not null check (kind in ('crimes', 'incidents', 'outcomes')),
  source text not null,
  file_name text not null,
  covered_from date not null,
  covered_to date not null check (covered_to >= covered_from),
  extracted_on date not null,
  row_count integer not null,
  replaced_rows integer not null default 0,
  key_fingerprint text,
  is_demo boolean not null default false,
  imported_at timestamptz not null default now(),
  imported_by text not null
);

-- What the data held covers now, per kind: the declared coverage of each import, less the parts
-- later imports replaced (one import's coverage may end up in two pieces).
create table records_coverage (
  id serial primary key,
  import_id integer not null references records_import (id) on delete cascade,
  kind text not null check (kind in ('crimes', 'incidents', 'outcomes')),
  covered_from date not null,
  covered_to date not null check (covered_to >= covered_from)
);
create index records_coverage_kind_idx on records_coverage (kind, covered_from);

-- One row per row of a crime extract: a crime with several victims has one row per victim
-- (same reference). Rows are loaded with COPY before their records_import row is written (in the
-- same transaction), so import_id has no foreign key: the import code deletes rows with their
-- import (replacement, demo removal). Person keys are 64 hex digits (checked on records_person_key).
create table records_crime (
  import_id integer not null,
  line_no integer not null,
  reference text not null,
  offence_code text not null,
  offence_description text,
  committed_from date not null,
  committed_to date,
  recorded_on date not null,
  easting double precision,
  northing double precision,
  lsoa_code text,
  district text not null,
  victim_key text,
  victim_age_min smallint,
  victim_age_max smallint,
  domestic boolean,
  location_type text,
  weapon boolean,
  knife boolean,
  suspect_keys text[] not null default '{}',
  offender_keys text[] not null default '{}'
);
create index records_crime_recorded_idx on records_crime (recorded_on);
create index records_crime_reference_idx on records_crime (reference);

create table records_incident (
  import_id integer not null,
  line_no integer not null,
  reference text not null,
  recorded_on date not null,
  incident_type text not null,
  asb_category text check (asb_category in ('personal', 'nuisance', 'environmental')),
  easting double precision,
  northing double precision,
  lsoa_code text,
  district text not null,
  location_type text,
  person_keys text[] not null default '{}'
);
create index records_incident_recorded_idx on records_incident (recorded_on);

create table records_outcome (
  import_id integer not null,
  line_no integer not null,
  crime_reference text not null,
  outcome_code text not null,
  outcome_description text,
  outcome_on date not null,
  person_key text,
  district text
);
create index records_outcome_on_idx on records_outcome (outcome_on);
create index records_outcome_crime_idx on records_outcome (crime_reference);
create index records_outcome_person_idx on records_outcome (person_key) where person_key is not null;

-- Every person key seen in an extract; person_id once an officer has linked it to a person record.
create table records_person_key (
  person_key text primary key check (person_key ~ '^[0-9a-f]{64}$'),
  person_id bigint references person (id) on delete set null,
  first_seen_at timestamptz not null default now(),
  linked_by text,
  linked_at timestamptz
);
create index records_person_key_person_idx on records_person_key (person_id) where person_id is not null;

-- ONS mid-year population estimates by LSOA and age band (rates per 1,000 people).
create table records_population (
  year integer not null,
  lsoa_code text not null,
  age_min smallint not null,
  age_max smallint,
  population integer not null check (population >= 0),
  primary key (year, lsoa_code, age_min)
);

create table records_population_import (
  id serial primary key,
  file_name text not null,
  years integer[] not null,
  row_count integer not null,
  imported_at timestamptz not null default now(),
  imported_by text not null
);

-- migrate:down
drop table records_population_import;
drop table records_population;
drop table records_person_key;
drop table records_outcome;
drop table records_incident;
drop table records_crime;
drop table records_coverage;
drop table records_import;
