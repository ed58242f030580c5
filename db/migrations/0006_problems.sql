-- migrate:up
-- Problems (OSARA): objective, scanning, analysis, response, assessment, closed.
-- Stage fields live on the problem row; actions, stage moves and computed assessments in their own tables.
create table problem (
  id bigserial primary key,
  title text not null,
  district text not null,                  -- local authority name, as in incident.district: decides who may see it
  statement_type text not null check (statement_type in ('behaviour', 'place', 'persons', 'time')),
  stage text not null default 'objective' check (stage in ('objective', 'scanning', 'analysis', 'response', 'assessment', 'closed')),
  created_by text not null,                -- actor: user:<name> or cli:<os user>
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Objective
  objective_target text,                   -- measurable target, e.g. 'reduce ASB at the station by 30%'
  baseline_from text check (baseline_from ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  baseline_to text check (baseline_to ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  owner_id bigint references app_user (id),
  review_date date,
  -- Scanning
  statement text,
  why_problem text,
  filter jsonb not null default '{}'::jsonb,   -- saved incident filter: district[], lsoa[], category[], from, to
  picked_from text check (picked_from ~ '^\d{4}-(0[1-9]|1[0-2])$'),  -- the analysis window it was picked from
  picked_to text check (picked_to ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  source jsonb,                            -- the repeat location or hotspot it was opened from, with its figures
  -- Analysis
  offender text,
  victim_target text,
  place_description text,
  handler text,
  guardian text,
  manager text,
  data_sources text,
  hypotheses text,
  -- Assessment design and judgement
  eval_start text check (eval_start ~ '^\d{4}-(0[1-9]|1[0-2])$'),   -- the month the response started (left out)
  eval_pre_months integer check (eval_pre_months between 1 and 120),
  eval_post_months integer check (eval_post_months between 1 and 120),
  eval_areas jsonb not null default '{}'::jsonb,   -- LSOA sets: treated, control, dispTreated, dispControl
  harm_weights jsonb not null default '{}'::jsonb,
  outcome text check (outcome in ('eliminated', 'reduced', 'less_serious', 'handled_better', 'handed_over')),
  outcome_detail text,
  lessons text,
  closure_reason text,
  closed_at timestamptz,
  good_practice boolean not null default false,
  constraint problem_baseline_order check (baseline_from is null or baseline_to is null or baseline_from <= baseline_to),
  constraint problem_picked_order check (picked_from is null or picked_to is null or picked_from <= picked_to)
);
create index problem_board_idx on problem (district, stage);
create index problem_owner_idx on problem (owner_id);

-- Every stage move: who, when, from, to.
create table problem_stage_history (
  id bigserial primary key,
  problem_id bigint not null references problem (id) on delete cascade,
  from_stage text,
  to_stage text not null,
  actor text not null,
  at timestamptz not null default now(),
  note text
);
create index problem_stage_history_idx on problem_stage_history (problem_id, id);

-- Responses: what is done, by whom, with which partner and mechanism.
create table problem_action (
  id bigserial primary key,
  problem_id bigint not null references problem (id) on delete cascade,
  description text not null,
  owner_id bigint references app_user (id),
  partner_agency_id bigint references partner_agency (id),
  mechanism text not null check (mechanism in ('situational', 'enforcement', 'diversion', 'engagement')),
  due_date date,
  status text not null default 'open' check (status in ('open', 'done', 'dropped')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
create index problem_action_problem_idx on problem_action (problem_id);
create index problem_action_owner_idx on problem_action (owner_id, status);

-- Places the problem is about (people are linked through person_link, record_type 'problem').
create table problem_place (
  problem_id bigint not null references problem (id) on delete cascade,
  place_id bigint not null references place (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (problem_id, place_id)
);

-- Computed evaluations (WDD on the incident data), newest last; the figures carry their provenance.
create table problem_assessment (
  id bigserial primary key,
  problem_id bigint not null references problem (id) on delete cascade,
  computed_at timestamptz not null default now(),
  computed_by text not null,
  design jsonb not null,
  result jsonb not null,
  delivery jsonb not null,
  warnings jsonb not null default '[]'::jsonb
);
create index problem_assessment_idx on problem_assessment (problem_id, id);

comment on column problem.offender is 'personal: may describe offenders';
comment on column problem.victim_target is 'personal: may describe victims or targets';
comment on column problem.place_description is 'personal: may describe premises and their keepers';
comment on column problem.handler is 'personal: may name who influences offenders';
comment on column problem.guardian is 'personal: may name who protects victims or targets';
comment on column problem.manager is 'personal: may name who manages the place';
comment on column problem.statement is 'personal: free text that may mention people';
comment on column problem.hypotheses is 'personal: free text that may mention people';
comment on column problem.created_by is 'personal: who opened the problem';
comment on column problem_stage_history.actor is 'personal: who moved the stage';
comment on column problem_action.description is 'personal: free text that may mention people';
comment on column problem_assessment.computed_by is 'personal: who computed the assessment';

-- Closed problems (free text may mention people) are reviewed six years after closing.
insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('problem', 72, 'review', 'Problem-solving records whose free text may mention people: reviewed six years after closing (MoPI group 3 style review).', '2026-11-24', 'migration');

-- migrate:down
delete from retention_rule where record_type = 'problem';
drop table problem_assessment;
drop table problem_place;
drop table problem_action;
drop table problem_stage_history;
drop table problem;
