-- migrate:up
-- Proactive Management Plans (PMPs) for individuals, and panels (governance) with meetings,
-- agenda items about problems or plans, decisions and actions.

create table plan (
  id bigserial primary key,
  person_id bigint not null references person (id),
  subject_kind text not null check (subject_kind in ('repeat_offender', 'young_person_at_risk', 'repeat_victim')),
  district text not null,                  -- decides who may see the plan
  owner_id bigint not null references app_user (id),
  summary text not null,                   -- the aim of the plan
  status text not null default 'draft' check (status in ('draft', 'active', 'paused', 'closed')),
  next_review_due date,
  youth_partner_waiver text,               -- why a child's plan has no youth justice / children's services action
  closing_reason text,
  closed_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plan_closed_has_reason check (status <> 'closed' or (closing_reason is not null and closed_at is not null))
);
create index plan_district_idx on plan (district, status);
create index plan_person_idx on plan (person_id);
create index plan_owner_idx on plan (owner_id);

create table plan_risk_factor (
  id bigserial primary key,
  plan_id bigint not null references plan (id) on delete cascade,
  factor text not null,
  level text not null check (level in ('low', 'medium', 'high')),
  note text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_risk_factor_plan_idx on plan_risk_factor (plan_id);

create table plan_intervention (
  id bigserial primary key,
  plan_id bigint not null references plan (id) on delete cascade,
  what text not null,
  delivered_by text,                       -- person or team delivering it
  agency_id bigint references partner_agency (id),
  mechanism text not null check (mechanism in ('diversion', 'enforcement', 'support', 'engagement')),
  due_date date,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_intervention_plan_idx on plan_intervention (plan_id);
create index plan_intervention_agency_idx on plan_intervention (agency_id);

create table plan_partner_action (
  id bigserial primary key,
  plan_id bigint not null references plan (id) on delete cascade,
  agency_id bigint not null references partner_agency (id),
  action text not null,
  childrens_services boolean not null default false,  -- delivered by the council's children's services
  due_date date,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_partner_action_plan_idx on plan_partner_action (plan_id);
create index plan_partner_action_agency_idx on plan_partner_action (agency_id);

create table plan_review (
  id bigserial primary key,
  plan_id bigint not null references plan (id) on delete cascade,
  reviewed_by text not null,
  reviewed_on date not null,
  outcome text not null,
  next_review_due date,
  created_at timestamptz not null default now()
);
create index plan_review_plan_idx on plan_review (plan_id, reviewed_on);

create table plan_status_history (
  id bigserial primary key,
  plan_id bigint not null references plan (id) on delete cascade,
  from_status text,
  to_status text not null,
  reason text,
  actor text not null,
  at timestamptz not null default now()
);
create index plan_status_history_plan_idx on plan_status_history (plan_id, id);

create table panel (
  id bigserial primary key,
  name text not null unique,
  kind text not null check (kind in ('district_prevention_problem_solving', 'community_safety_partnership', 'asb_case_review',
    'integrated_offender_management', 'youth_diversion', 'other')),
  chair text,
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table panel_district (
  panel_id bigint not null references panel (id) on delete cascade,
  district text not null,
  primary key (panel_id, district)
);
create index panel_district_district_idx on panel_district (district);

create table panel_member_agency (
  panel_id bigint not null references panel (id) on delete cascade,
  agency_id bigint not null references partner_agency (id),
  primary key (panel_id, agency_id)
);

create table panel_meeting (
  id bigserial primary key,
  panel_id bigint not null references panel (id) on delete cascade,
  held_on date not null,
  location text,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index panel_meeting_panel_idx on panel_meeting (panel_id, held_on);

create table panel_meeting_attendee (
  id bigserial primary key,
  meeting_id bigint not null references panel_meeting (id) on delete cascade,
  name text not null,
  agency_id bigint references partner_agency (id)
);
create index panel_meeting_attendee_meeting_idx on panel_meeting_attendee (meeting_id);

-- Each agenda item is about one problem or one plan; its note is the panel's review of it.
create table panel_agenda_item (
  id bigserial primary key,
  meeting_id bigint not null references panel_meeting (id) on delete cascade,
  position integer not null check (position > 0),
  problem_id bigint references problem (id),
  plan_id bigint references plan (id),
  note text,
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint panel_agenda_item_one_subject check ((problem_id is null) <> (plan_id is null)),
  unique (meeting_id, position)
);
create index panel_agenda_item_problem_idx on panel_agenda_item (problem_id);
create index panel_agenda_item_plan_idx on panel_agenda_item (plan_id);

create table panel_decision (
  id bigserial primary key,
  meeting_id bigint not null references panel_meeting (id) on delete cascade,
  agenda_item_id bigint references panel_agenda_item (id) on delete cascade,
  text text not null,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index panel_decision_meeting_idx on panel_decision (meeting_id);

create table panel_action (
  id bigserial primary key,
  meeting_id bigint not null references panel_meeting (id) on delete cascade,
  agenda_item_id bigint references panel_agenda_item (id) on delete cascade,
  decision_id bigint references panel_decision (id) on delete cascade,
  description text not null,
  owner_name text not null,
  owner_agency_id bigint references partner_agency (id),
  due_date date,
  status text not null default 'open' check (status in ('open', 'done', 'dropped')),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index panel_action_meeting_idx on panel_action (meeting_id);

comment on column plan.person_id is 'personal: the person the plan is about';
comment on column plan.subject_kind is 'personal: why the person has a plan (offender, victim, young person at risk)';
comment on column plan.summary is 'personal: aim of a plan about a person';
comment on column plan.youth_partner_waiver is 'personal: reason about a child''s plan';
comment on column plan.closing_reason is 'personal: why a plan about a person closed';
comment on column plan.created_by is 'personal: who created the plan';
comment on column plan_risk_factor.factor is 'personal: a risk factor of a person';
comment on column plan_risk_factor.level is 'personal: risk level of a person';
comment on column plan_risk_factor.note is 'personal: note on a risk factor';
comment on column plan_risk_factor.created_by is 'personal: who recorded the risk factor';
comment on column plan_intervention.what is 'personal: intervention with a person';
comment on column plan_intervention.delivered_by is 'personal: who delivers an intervention';
comment on column plan_intervention.created_by is 'personal: who recorded the intervention';
comment on column plan_partner_action.action is 'personal: partner action for a person';
comment on column plan_partner_action.created_by is 'personal: who recorded the partner action';
comment on column plan_review.reviewed_by is 'personal: who reviewed the plan';
comment on column plan_review.outcome is 'personal: outcome of a review of a plan about a person';
comment on column plan_status_history.reason is 'personal: reason for a status change of a plan about a person';
comment on column plan_status_history.actor is 'personal: who changed the status';
comment on column panel.chair is 'personal: name of the panel chair';
comment on column panel.created_by is 'personal: who created the panel';
comment on column panel_meeting.created_by is 'personal: who recorded the meeting';
comment on column panel_meeting_attendee.name is 'personal: name of a meeting attendee';
comment on column panel_agenda_item.note is 'personal: panel review, may be about a person';
comment on column panel_agenda_item.created_by is 'personal: who added the agenda item';
comment on column panel_decision.text is 'personal: panel decision, may be about a person';
comment on column panel_decision.created_by is 'personal: who recorded the decision';
comment on column panel_action.description is 'personal: panel action, may be about a person';
comment on column panel_action.owner_name is 'personal: who owns a panel action';
comment on column panel_action.created_by is 'personal: who recorded the action';

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('plan', 72, 'review', 'Proactive management plans about people: reviewed six years after closing (MoPI group 3 style review).', '2026-11-24', 'migration'),
  ('panel_meeting', 72, 'review', 'Panel minutes name attendees and discuss people: reviewed six years after the meeting.', '2026-11-24', 'migration');

-- migrate:down
delete from retention_rule where record_type in ('plan', 'panel_meeting');
drop table panel_action;
drop table panel_decision;
drop table panel_agenda_item;
drop table panel_meeting_attendee;
drop table panel_meeting;
drop table panel_member_agency;
drop table panel_district;
drop table panel;
drop table plan_status_history;
drop table plan_review;
drop table plan_partner_action;
drop table plan_intervention;
drop table plan_risk_factor;
drop table plan;
