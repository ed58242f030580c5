-- migrate:up
-- Named operations (Pilot, Vigilant, ...) with their deployments, the venues visited (places),
-- the tactics used (the list is configuration: operations.tactics), the results of each
-- deployment and the feedback of licensees and the public (quotes, with consent to publish).

create table operation (
  id bigserial primary key,
  name text not null,                      -- 'Pilot' (shown as "Operation Pilot")
  kind text not null default 'operation' check (kind in ('operation', 'project')),
  objectives text not null,
  districts text[] not null,               -- where it runs; decides who may see it
  starts_on date not null,
  ends_on date,
  lead_user_id bigint references app_user (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint operation_dates check (ends_on is null or ends_on >= starts_on),
  constraint operation_districts check (cardinality(districts) > 0)
);
create unique index operation_name_idx on operation (lower(name));

create table operation_deployment (
  id bigserial primary key,
  operation_id bigint not null references operation (id) on delete cascade,
  deployed_on date not null,
  start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),   -- at or before start_time: the next day
  district text not null,
  tactics text[] not null default '{}',    -- from operations.tactics in force on the day
  notes text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index operation_deployment_op_idx on operation_deployment (operation_id, deployed_on);

create table operation_deployment_venue (
  deployment_id bigint not null references operation_deployment (id) on delete cascade,
  place_id bigint not null references place (id),
  primary key (deployment_id, place_id)
);
create index operation_deployment_venue_place_idx on operation_deployment_venue (place_id);

create table operation_result (
  deployment_id bigint primary key references operation_deployment (id) on delete cascade,
  arrests integer not null check (arrests >= 0),
  stop_searches integer not null check (stop_searches >= 0),
  out_of_court_resolutions integer not null check (out_of_court_resolutions >= 0),
  engagements integer not null check (engagements >= 0),
  intelligence_submissions integer not null check (intelligence_submissions >= 0),
  seizures integer not null check (seizures >= 0),
  seizure_notes text,
  notes text,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table operation_feedback (
  id bigserial primary key,
  operation_id bigint not null references operation (id) on delete cascade,
  deployment_id bigint references operation_deployment (id) on delete set null,
  source_kind text not null check (source_kind in ('licensee', 'public', 'partner', 'other')),
  attribution text not null,               -- as it may be printed: 'Licensee, Whitstable'
  given_by_name text,                      -- who gave it (never printed)
  person_id bigint references person (id), -- when the giver is a person record
  quote text not null,
  received_on date not null,
  consent_to_publish boolean not null default false,
  consent_recorded_on date,
  consent_recorded_by text,
  district text not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint operation_feedback_consent check (not consent_to_publish or (consent_recorded_on is not null and consent_recorded_by is not null))
);
create index operation_feedback_op_idx on operation_feedback (operation_id);
create index operation_feedback_person_idx on operation_feedback (person_id);

comment on column operation.created_by is 'personal: who created the operation';
comment on column operation_deployment.created_by is 'personal: who recorded the deployment';
comment on column operation_result.recorded_by is 'personal: who recorded the results';
comment on column operation_feedback.given_by_name is 'personal: name of a person who gave feedback';
comment on column operation_feedback.person_id is 'personal: the person who gave feedback';
comment on column operation_feedback.quote is 'personal: feedback in a person''s own words';
comment on column operation_feedback.consent_to_publish is 'personal: a person''s consent to publish their words';
comment on column operation_feedback.consent_recorded_by is 'personal: who recorded the consent';
comment on column operation_feedback.created_by is 'personal: who recorded the feedback';

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('operation_feedback', 36, 'review', 'Feedback of licensees and the public on an operation (may name the giver): reviewed three years after it was received.', '2026-12-06', 'migration'),
  ('operation_deployment', 72, 'review', 'Deployments of a named operation with their venues and results: reviewed six years after the deployment.', '2026-12-06', 'migration');

-- migrate:down
delete from retention_rule where record_type in ('operation_feedback', 'operation_deployment');
drop table operation_feedback;
drop table operation_result;
drop table operation_deployment_venue;
drop table operation_deployment;
drop table operation;
