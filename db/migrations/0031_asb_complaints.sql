-- migrate:up
-- ASB complaints for the ASB case review early warning (Anti-social Behaviour, Crime and Policing
-- Act 2014 s104; src/modules/powers/case-review). One row per complaint as received by an agency;
-- the same incident reported to several agencies shares an incident reference and counts once.
create table asb_complaint (
  id bigserial primary key,
  received_on date not null,
  behaviour_on date not null,
  agency text not null check (agency in ('police', 'local_authority', 'housing_provider', 'health', 'other')),
  incident_ref text,
  person_id bigint references person (id),
  location text,
  district text not null,
  hate boolean not null default false,
  summary text not null check (length(trim(summary)) > 0),
  created_by text not null,
  created_at timestamptz not null default now(),
  check (person_id is not null or location is not null)
);
create index asb_complaint_district_idx on asb_complaint (district, received_on);
create index asb_complaint_person_idx on asb_complaint (person_id);

-- migrate:down
drop table asb_complaint;
