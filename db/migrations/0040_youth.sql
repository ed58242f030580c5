-- migrate:up
-- Child-centred policing (issue 16): intervention workbooks and their sessions, programme referrals
-- (Reframe and others), deferred outcomes (Outcome 22), schools and lessons, and later formal
-- outcomes recorded against a child for the follow-up measure. Every child is a person record.
-- Categories, programmes, topics and outcome codes are configuration (youth.*), not check lists.

create table youth_workbook (
  id bigserial primary key,
  person_id bigint not null references person (id),
  age_at_start integer,                        -- from the date of birth on the start date (null: not known)
  category text not null,
  crime_ref text,                              -- the linked occurrence or crime reference
  officer text not null,                       -- username of the youth officer
  district text not null,                      -- decides who may see the record
  status text not null default 'started' check (status in ('started', 'completed', 'not_completed')),
  started_on date not null,
  completed_on date,
  ended_on date,                               -- not completed: the date it ended
  not_completed_reason text,
  next_session_on date,
  risk_factors jsonb not null default '[]',
  referrals jsonb not null default '[]',
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint youth_workbook_completed check (status <> 'completed' or completed_on is not null),
  constraint youth_workbook_not_completed check (status <> 'not_completed' or (ended_on is not null and not_completed_reason is not null))
);
create index youth_workbook_district_idx on youth_workbook (district, status);
create index youth_workbook_person_idx on youth_workbook (person_id);
create index youth_workbook_officer_idx on youth_workbook (officer);

create table youth_session (
  id bigserial primary key,
  workbook_id bigint not null references youth_workbook (id) on delete cascade,
  held_on date not null,
  note text,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index youth_session_workbook_idx on youth_session (workbook_id);

create table youth_referral (
  id bigserial primary key,
  person_id bigint not null references person (id),
  age_at_referral integer,
  programme text not null,
  provider text,
  referred_on date not null,
  drug_class text,
  officer text not null,
  district text not null,
  crime_ref text,
  status text not null default 'referred' check (status in ('referred', 'completed', 'not_completed')),
  sessions_attended integer not null default 0 check (sessions_attended >= 0),
  completed_on date,
  ended_on date,
  outcome text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index youth_referral_district_idx on youth_referral (district, status);
create index youth_referral_person_idx on youth_referral (person_id);

create table youth_deferred (
  id bigserial primary key,
  person_id bigint not null references person (id),
  age_at_offer integer,
  crime_ref text,
  officer text not null,
  district text not null,
  state text not null default 'offered' check (state in ('offered', 'accepted', 'declined', 'activity', 'completed', 'not_complied')),
  offered_on date not null,
  responsibility_accepted boolean,
  decided_on date,                             -- accepted or declined on
  activity text,
  provider text,
  activity_from date,
  deadline date,
  completed_on date,
  returned_on date,
  final_outcome_code text,                     -- '22' on completion; the formal outcome chosen when returned
  final_outcome_on date,
  reason text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint youth_deferred_completed check (state <> 'completed' or (completed_on is not null and final_outcome_code = '22' and final_outcome_on = completed_on)),
  constraint youth_deferred_activity check (state not in ('activity', 'completed', 'not_complied') or (provider is not null and deadline is not null))
);
create index youth_deferred_district_idx on youth_deferred (district, state);
create index youth_deferred_person_idx on youth_deferred (person_id);

create table youth_school (
  id bigserial primary key,
  name text not null,
  kind text not null check (kind in ('primary', 'secondary', 'pupil_referral_unit', 'other')),
  district text not null,
  signed_up_on date,
  created_by text not null,
  created_at timestamptz not null default now(),
  unique (name, district)
);

create table youth_lesson (
  id bigserial primary key,
  school_id bigint not null references youth_school (id),
  delivered_on date not null,
  deliverer text not null check (deliverer in ('police', 'school')),
  topic text not null,
  class_sizes jsonb not null,                  -- one entry per class taught in this delivery
  students_reached integer not null check (students_reached >= 0),  -- the sum of class sizes (not unique pupils)
  created_by text not null,
  created_at timestamptz not null default now()
);
create index youth_lesson_school_idx on youth_lesson (school_id, delivered_on);

create table youth_later_outcome (
  id bigserial primary key,
  person_id bigint not null references person (id),
  outcome_code text not null,
  offence_on date not null,
  recorded_on date not null,
  crime_ref text,
  source text not null default 'manual' check (source in ('manual', 'api', 'import')),
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint youth_later_outcome_order check (recorded_on >= offence_on)
);
create index youth_later_outcome_person_idx on youth_later_outcome (person_id);

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('youth_workbook', 72, 'review', 'Children''s intervention records: reviewed six years after the workbook ends (management of police information, lower-risk group).', '2026-12-05', 'migration'),
  ('youth_referral', 72, 'review', 'Programme referrals of children: reviewed six years after the referral ends.', '2026-12-05', 'migration'),
  ('youth_deferred', 72, 'review', 'Deferred outcomes of children: reviewed six years after the final outcome.', '2026-12-05', 'migration'),
  ('youth_later_outcome', 72, 'review', 'Later formal outcomes held for the follow-up measure: reviewed six years after they were recorded.', '2026-12-05', 'migration');

-- migrate:down
delete from retention_rule where record_type in ('youth_workbook', 'youth_referral', 'youth_deferred', 'youth_later_outcome');
drop table youth_later_outcome;
drop table youth_lesson;
drop table youth_school;
drop table youth_deferred;
drop table youth_referral;
drop table youth_session;
drop table youth_workbook;
