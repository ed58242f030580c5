-- migrate:up
-- Offender management: cohorts (IOM fixed/flex/free, MOSOVO, priority nominals, probation: the
-- list is configuration) with memberships, and the tag inventory with allocations, alerts and
-- notes. Cohort flags only: nothing from ViSOR or MAPPA is stored. No location tracks are stored.

create table offender_cohort (
  id bigserial primary key,
  name text not null,
  cohort_type text not null,               -- one of offenders.cohort_types in force when created
  district text not null,                  -- decides who may see the cohort and its members
  description text,
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (district, name)
);

create table offender_cohort_member (
  id bigserial primary key,
  cohort_id bigint not null references offender_cohort (id) on delete cascade,
  person_id bigint not null references person (id),
  selected_on date not null,
  selection_reason text not null,
  deselected_on date,
  deselection_reason text,
  lead_officer_id bigint references app_user (id),
  lead_agency_id bigint references partner_agency (id),
  next_review_due date,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint offender_cohort_member_dates check (deselected_on is null or deselected_on >= selected_on),
  constraint offender_cohort_member_deselect_reason check (deselected_on is null or deselection_reason is not null)
);
create index offender_cohort_member_cohort_idx on offender_cohort_member (cohort_id, deselected_on);
create index offender_cohort_member_person_idx on offender_cohort_member (person_id);

create table offender_tag (
  id bigserial primary key,
  serial text not null unique,
  tag_type text not null check (tag_type in ('gps', 'alcohol')),
  funder text not null,                    -- one of offenders.tag_funders in force when added
  status text not null default 'available' check (status in ('available', 'allocated', 'faulty', 'returned', 'lost')),
  district text not null,                  -- the team holding the tag; decides who may see it
  note text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index offender_tag_district_idx on offender_tag (district, status);

create table offender_tag_allocation (
  id bigserial primary key,
  tag_id bigint not null references offender_tag (id),
  person_id bigint not null references person (id),
  allocated_on date not null,
  monitoring_until date,                   -- planned end of the monitoring period
  ended_on date,                           -- returned, found faulty or lost
  end_reason text,
  consent_subject boolean not null,
  consent_parent_or_carer boolean not null default false,
  parent_or_carer_name text,
  age_at_allocation integer,
  funder text not null,
  eligibility_version text,                -- configuration version of the funder's age limit used
  allocated_by text not null,
  created_at timestamptz not null default now(),
  constraint offender_tag_allocation_period check (monitoring_until is null or monitoring_until >= allocated_on),
  constraint offender_tag_allocation_end check (ended_on is null or (ended_on >= allocated_on and end_reason is not null)),
  constraint offender_tag_allocation_consent check (consent_subject)
);
-- A tag cannot be allocated twice at once.
create unique index offender_tag_allocation_open_idx on offender_tag_allocation (tag_id) where ended_on is null;
create index offender_tag_allocation_person_idx on offender_tag_allocation (person_id);

create table offender_tag_event (
  id bigserial primary key,
  allocation_id bigint not null references offender_tag_allocation (id) on delete cascade,
  kind text not null check (kind in ('alert', 'note')),
  occurred_on date not null,
  text text not null,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create index offender_tag_event_allocation_idx on offender_tag_event (allocation_id, occurred_on);

comment on column offender_cohort.created_by is 'personal: who created the cohort';
comment on column offender_cohort_member.person_id is 'personal: a person selected into an offender cohort';
comment on column offender_cohort_member.selected_on is 'personal: when a person was selected into a cohort';
comment on column offender_cohort_member.selection_reason is 'personal: why a person was selected into a cohort';
comment on column offender_cohort_member.deselected_on is 'personal: when a person left a cohort';
comment on column offender_cohort_member.deselection_reason is 'personal: why a person left a cohort';
comment on column offender_cohort_member.next_review_due is 'personal: review date of a person in a cohort';
comment on column offender_cohort_member.created_by is 'personal: who recorded the membership';
comment on column offender_tag.created_by is 'personal: who added the tag';
comment on column offender_tag_allocation.person_id is 'personal: the person wearing a tag';
comment on column offender_tag_allocation.allocated_on is 'personal: when a person was tagged';
comment on column offender_tag_allocation.monitoring_until is 'personal: planned end of a person''s monitoring';
comment on column offender_tag_allocation.ended_on is 'personal: when a person''s tag came off';
comment on column offender_tag_allocation.end_reason is 'personal: why a person''s tag came off';
comment on column offender_tag_allocation.consent_subject is 'personal: a person''s consent to a tag';
comment on column offender_tag_allocation.consent_parent_or_carer is 'personal: a parent''s or carer''s consent to a child''s tag';
comment on column offender_tag_allocation.parent_or_carer_name is 'personal: name of the parent or carer who consented';
comment on column offender_tag_allocation.age_at_allocation is 'personal: age of a person when tagged';
comment on column offender_tag_allocation.allocated_by is 'personal: who allocated the tag';
comment on column offender_tag_event.text is 'personal: an alert or note about a tagged person';
comment on column offender_tag_event.occurred_on is 'personal: date of an alert about a tagged person';
comment on column offender_tag_event.recorded_by is 'personal: who recorded the alert or note';

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('offender_cohort_member', 72, 'review', 'Offender management (IOM) memberships: reviewed six years after de-selection (MoPI group 3 style review).', '2026-12-05', 'migration'),
  ('offender_tag_allocation', 72, 'review', 'Voluntary tag allocations with their consent, alerts and notes: reviewed six years after the tag came off.', '2026-12-05', 'migration');

-- migrate:down
delete from retention_rule where record_type in ('offender_cohort_member', 'offender_tag_allocation');
drop table offender_tag_event;
drop table offender_tag_allocation;
drop table offender_tag;
drop table offender_cohort_member;
drop table offender_cohort;
