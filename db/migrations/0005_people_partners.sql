-- migrate:up
-- People, places, vehicles, partner agencies and the consent / information-sharing status of
-- shared records. Later modules (problems, plans, powers) reference person, place and
-- partner_agency by id and link people to their records through person_link.

create table partner_agency (
  id bigserial primary key,
  name text not null unique,
  kind text not null check (kind in ('police', 'community_safety_partnership', 'council', 'youth_justice', 'probation',
    'health', 'school', 'violence_reduction_unit', 'housing', 'other')),
  email text,                          -- a shared team mailbox, not a named person
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The force itself owns the records its officers create.
insert into partner_agency (name, kind) values ('Kent Police', 'police');

-- Sharing status of a person or place record (DPA 2018 / Crime and Disorder Act 1998 s115):
--   not_shared, shared_with_consent (consent_recorded_at/_by), shared_without_consent (lawful_basis),
--   consent_withdrawn, needs_review (after ownership moved to another agency).
create table person (
  id bigserial primary key,
  given_name text not null,
  family_name text not null,
  date_of_birth date,
  recorded_district text not null,    -- district where the record was created (scope when nothing else is known)
  owning_agency_id bigint not null references partner_agency (id),
  sharing_status text not null default 'not_shared' check (sharing_status in
    ('not_shared', 'shared_with_consent', 'shared_without_consent', 'consent_withdrawn', 'needs_review')),
  consent_recorded_at date,
  consent_recorded_by text,
  lawful_basis text,
  merged_into bigint references person (id),
  merged_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (sharing_status <> 'shared_without_consent' or lawful_basis is not null),
  check (sharing_status <> 'shared_with_consent' or consent_recorded_at is not null),
  check ((merged_into is null) = (merged_at is null))
);
create index person_family_idx on person (lower(family_name));
create index person_dob_idx on person (date_of_birth);

create table person_alias (
  id bigserial primary key,
  person_id bigint not null references person (id) on delete cascade,
  given_name text not null,
  family_name text not null,
  source text not null default 'alias' check (source in ('alias', 'merged')),
  created_at timestamptz not null default now()
);
create index person_alias_person_idx on person_alias (person_id);

create table person_address (
  id bigserial primary key,
  person_id bigint not null references person (id) on delete cascade,
  address text not null,
  postcode text,
  lon double precision,
  lat double precision,
  lsoa_code text,
  district text not null,
  created_at timestamptz not null default now(),
  check ((lon is null) = (lat is null))
);
create index person_address_person_idx on person_address (person_id);
create index person_address_district_idx on person_address (district);

-- A person's role on a record of any module ('problem', 'plan', 'occurrence', ...).
create table person_link (
  id bigserial primary key,
  person_id bigint not null references person (id) on delete cascade,
  record_type text not null,
  record_id text not null,
  role text not null check (role in ('offender', 'victim', 'witness', 'young_person_at_risk', 'subject')),
  district text not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  unique (person_id, record_type, record_id, role)
);
create index person_link_record_idx on person_link (record_type, record_id);
create index person_link_district_idx on person_link (district);

create table place (
  id bigserial primary key,
  name text,
  address text,
  postcode text,
  lon double precision,
  lat double precision,
  lsoa_code text,
  district text not null,
  premises_type text not null check (premises_type in ('licensed_premises', 'shop', 'residential', 'park_open_space',
    'school', 'transport_hub', 'other')),
  owning_agency_id bigint not null references partner_agency (id),
  sharing_status text not null default 'not_shared' check (sharing_status in
    ('not_shared', 'shared_with_consent', 'shared_without_consent', 'consent_withdrawn', 'needs_review')),
  consent_recorded_at date,
  consent_recorded_by text,
  lawful_basis text,
  merged_into bigint references place (id),
  merged_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (address is not null or lon is not null),
  check ((lon is null) = (lat is null)),
  check (sharing_status <> 'shared_without_consent' or lawful_basis is not null),
  check (sharing_status <> 'shared_with_consent' or consent_recorded_at is not null),
  check ((merged_into is null) = (merged_at is null))
);
create index place_district_idx on place (district);

create table vehicle (
  id bigserial primary key,
  vrm text not null unique,            -- normalised: upper case, no spaces
  make text,
  model text,
  colour text,
  district text not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table vehicle_person (
  vehicle_id bigint not null references vehicle (id) on delete cascade,
  person_id bigint not null references person (id) on delete cascade,
  relation text not null default 'user' check (relation in ('owner', 'keeper', 'driver', 'user')),
  created_at timestamptz not null default now(),
  primary key (vehicle_id, person_id)
);

-- Occurrences for repeat victim / repeat offender ranking.
create table person_occurrence (
  id bigserial primary key,
  person_id bigint not null references person (id) on delete cascade,
  role text not null check (role in ('offender', 'victim')),
  category text not null,
  occurred_on date not null,
  district text not null,
  place_id bigint references place (id),
  source_ref text,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index person_occurrence_person_idx on person_occurrence (person_id);
create index person_occurrence_role_idx on person_occurrence (role, occurred_on);

-- Agencies a person or place record is shared with.
create table record_share (
  record_type text not null check (record_type in ('person', 'place')),
  record_id bigint not null,
  agency_id bigint not null references partner_agency (id),
  shared_by text not null,
  shared_at timestamptz not null default now(),
  primary key (record_type, record_id, agency_id)
);
create index record_share_agency_idx on record_share (agency_id);

-- History of sharing status, shares and ownership transfers.
create table sharing_event (
  id bigserial primary key,
  record_type text not null check (record_type in ('person', 'place')),
  record_id bigint not null,
  event text not null check (event in ('status', 'share', 'unshare', 'transfer')),
  status text,
  lawful_basis text,
  from_agency_id bigint references partner_agency (id),
  to_agency_id bigint references partner_agency (id),
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create index sharing_event_record_idx on sharing_event (record_type, record_id);

comment on column person.given_name is 'personal: given name';
comment on column person.family_name is 'personal: family name';
comment on column person.date_of_birth is 'personal: date of birth';
comment on column person.recorded_district is 'personal: district the person was recorded in';
comment on column person.consent_recorded_by is 'personal: who recorded consent';
comment on column person.created_by is 'personal: who created the record';
comment on column person_alias.given_name is 'personal: alias given name';
comment on column person_alias.family_name is 'personal: alias family name';
comment on column person_address.address is 'personal: home or known address';
comment on column person_address.postcode is 'personal: postcode of an address';
comment on column person_address.lon is 'personal: location of an address';
comment on column person_address.lat is 'personal: location of an address';
comment on column person_address.lsoa_code is 'personal: area of an address';
comment on column person_link.role is 'personal: role of the person in a record (offender, victim ...)';
comment on column person_link.created_by is 'personal: who linked the person';
comment on column place.address is 'personal: address of a place (may be a home)';
comment on column place.postcode is 'personal: postcode of a place';
comment on column place.lon is 'personal: location of a place';
comment on column place.lat is 'personal: location of a place';
comment on column place.consent_recorded_by is 'personal: who recorded consent';
comment on column place.created_by is 'personal: who created the record';
comment on column vehicle.vrm is 'personal: vehicle registration mark';
comment on column vehicle.created_by is 'personal: who created the record';
comment on column vehicle_person.relation is 'personal: how a person relates to a vehicle';
comment on column person_occurrence.role is 'personal: offender or victim in an occurrence';
comment on column person_occurrence.category is 'personal: kind of occurrence';
comment on column person_occurrence.occurred_on is 'personal: date of an occurrence';
comment on column person_occurrence.source_ref is 'personal: reference of the source record';
comment on column person_occurrence.created_by is 'personal: who recorded the occurrence';
comment on column record_share.shared_by is 'personal: who shared the record';
comment on column sharing_event.recorded_by is 'personal: who recorded the sharing change';

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('person', 72, 'review', 'Prevention records on people: reviewed six years after the last change (MoPI group 3 style review).', '2026-11-24', 'migration'),
  ('place', 72, 'review', 'Places may identify homes: reviewed six years after the last change.', '2026-11-24', 'migration'),
  ('vehicle', 72, 'review', 'Vehicle records link to people: reviewed six years after the last change.', '2026-11-24', 'migration'),
  ('person_occurrence', 72, 'review', 'Occurrences used to find repeat victims/offenders: reviewed six years after they happened.', '2026-11-24', 'migration');

-- migrate:down
delete from retention_rule where record_type in ('person', 'place', 'vehicle', 'person_occurrence');
drop table sharing_event;
drop table record_share;
drop table person_occurrence;
drop table vehicle_person;
drop table vehicle;
drop table place;
drop table person_link;
drop table person_address;
drop table person_alias;
drop table person;
drop table partner_agency;
