-- migrate:up
-- Criminal Behaviour Orders as the police track them (Sentencing Act 2020 ss330-342;
-- src/modules/powers/cbo): the file built and submitted to the CPS, the application, adjournments
-- and interim orders, the order granted or refused, its term and the reviews while the offender is
-- under 18. The offender's date of birth is copied from the person record when the case is opened
-- (the rules need it; a later correction of the person record is not applied to decisions made).
create table cbo_case (
  id bigserial primary key,
  person_id bigint not null references person (id),
  date_of_birth date not null,
  district text not null,
  offence text not null check (length(trim(offence)) > 0),
  convicted_on date,
  disposal text check (disposal in ('sentence', 'conditional_discharge', 'absolute_discharge')),
  stage text not null default 'file_in_preparation' check (stage in
    ('file_in_preparation', 'submitted_to_cps', 'applied', 'adjourned', 'interim_order', 'granted', 'refused', 'withdrawn')),
  submitted_on date,
  applied_on date,
  decided_on date,
  yot_views_recorded boolean not null default false,
  yot_views_note text,
  term_kind text check (term_kind in ('fixed', 'indefinite')),
  term_months integer check (term_months is null or term_months > 0),
  takes_effect date,
  last_day date,
  varied_on jsonb not null default '[]'::jsonb,
  rule_versions jsonb not null default '[]'::jsonb,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cbo_case_district_idx on cbo_case (district, stage);

create table cbo_case_history (
  id bigserial primary key,
  cbo_id bigint not null references cbo_case (id) on delete cascade,
  from_stage text,
  to_stage text not null,
  on_date date not null,
  note text,
  actor text not null,
  at timestamptz not null default now()
);

-- migrate:down
drop table cbo_case_history;
drop table cbo_case;
