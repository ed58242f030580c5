-- migrate:up
-- ASB powers register (part 1): one row per act recorded (authorisation, direction, CPW, CPN,
-- fixed penalty, s59 warning or seizure, closure notice, extension, adjournment, order...), its
-- deadlines, one power-use event per act (the row returns and the report count), and the tasks
-- an act opens (home visits to a dispersed child's parent or carer; reviews of acts recorded
-- outside the rules).

create table power_record (
  id bigserial primary key,
  record_type text not null check (record_type in ('dispersal_authorisation', 'dispersal_direction', 'dispersal_variation',
    'cpw', 'cpn', 'cpn_fpn', 's59_warning', 's59_seizure', 'closure_notice', 'closure_extension', 'closure_adjournment',
    'closure_order', 'closure_order_extension')),
  parent_id bigint references power_record (id),   -- the authorisation of a direction, CPW of a CPN, notice of an order...
  occurred_at timestamptz not null,                 -- when the act was done (authorised, given, issued, seized, served, made)
  rules_at timestamptz not null,                    -- the instant that selected the rules (a fixed penalty: the failure to comply)
  ends_at timestamptz,                              -- when it stops having effect (authorisation, exclusion, notice, order end of day)
  district text not null,
  lsoa_code text,
  place_description text,
  lon double precision,
  lat double precision,
  place_id bigint references place (id),
  person_id bigint references person (id),
  subject_name text,
  subject_dob date,
  subject_appears_age integer check (subject_appears_age is null or subject_appears_age between 0 and 120),
  subject_is_body boolean not null default false,
  vehicle_vrm text,
  conduct_category text,
  problem_id bigint references problem (id),
  plan_id bigint references plan (id),
  issuer_agency text not null check (issuer_agency in ('police', 'local_authority', 'housing_provider', 'other')),
  issuer_rank text,
  issuer_name text,
  details jsonb not null,                           -- the type's own fields (docs/api.md, powers section)
  notices jsonb not null default '[]',              -- flags shown at issue that did not refuse (e.g. CPN requirements differ)
  outside_rules boolean not null default false,
  outside_rules_reason text,
  outside_rules_findings jsonb,                     -- the findings it broke, as checked when recorded
  outside_rules_recorder_rank text,
  rule_versions jsonb not null,                     -- configuration versionIds the rules read
  is_demo boolean not null default false,
  created_by text not null,
  created_at timestamptz not null default now(),
  check (outside_rules = (outside_rules_reason is not null)),
  check ((lon is null) = (lat is null))
);
create index power_record_district_idx on power_record (district, record_type, occurred_at);
create index power_record_person_idx on power_record (person_id);
create index power_record_parent_idx on power_record (parent_id);
create index power_record_vrm_idx on power_record (vehicle_vrm);

create table power_deadline (
  id bigserial primary key,
  record_id bigint not null references power_record (id) on delete cascade,
  kind text not null,
  what text not null,
  due_on date not null,                             -- London date
  due_at timestamptz,                               -- exact instant for hour-counted limits
  legal_source text,
  superseded boolean not null default false         -- replaced by a later act (extension, variation, adjournment)
);
create index power_deadline_due_idx on power_deadline (due_on) where not superseded;
create index power_deadline_record_idx on power_deadline (record_id);

create table power_event (
  id bigserial primary key,
  record_id bigint not null references power_record (id) on delete cascade,
  power text not null check (power in ('dispersal', 'cpw', 'cpn', 's59', 'closure')),
  stage text not null,
  occurred_at timestamptz not null,
  issuer_agency text not null,
  issuer_rank text,
  district text not null,
  lsoa_code text,
  subject_age integer,
  subject_age_basis text not null check (subject_age_basis in ('date_of_birth', 'appears', 'body', 'unknown', 'not_applicable')),
  person_id bigint references person (id),
  place_id bigint references place (id),
  problem_id bigint references problem (id),
  plan_id bigint references plan (id),
  rule_versions jsonb not null,
  outside_rules boolean not null default false,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  unique (record_id)
);
create index power_event_district_idx on power_event (district, power, occurred_at);

create table power_task (
  id bigserial primary key,
  record_id bigint not null references power_record (id) on delete cascade,
  kind text not null check (kind in ('home_visit', 'outside_rules_review')),
  district text not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done')),
  letter_sent_on date,
  visit_made_on date,
  outcome text,
  completed_by text,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  check (status = 'open' or (outcome is not null and completed_at is not null))
);
create index power_task_due_idx on power_task (status, due_on);
create index power_task_record_idx on power_task (record_id);

-- migrate:down
drop table power_task;
drop table power_event;
drop table power_deadline;
drop table power_record;
