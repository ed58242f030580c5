-- migrate:up
-- Engagement: campaigns (national or local, channel, dates, reach and engagement figures with
-- where they came from), events (open days and the like: attendance, partners) and public feedback
-- and compliments with consent to publish (only consented quotes may reach the report).

create table engagement_campaign (
  id bigserial primary key,
  name text not null,
  origin text not null check (origin in ('national', 'local')),
  district text,                           -- local: required; national: the district delivering it, or null (force-wide)
  channel text not null,
  starts_on date not null,
  ends_on date,
  audience text,
  description text,
  reach integer check (reach is null or reach >= 0),
  engagements integer check (engagements is null or engagements >= 0),
  figures_source text,                     -- where reach and engagement figures came from
  figures_as_of date,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint engagement_campaign_dates check (ends_on is null or ends_on >= starts_on),
  constraint engagement_campaign_local check (origin = 'national' or district is not null),
  constraint engagement_campaign_figures check ((reach is null and engagements is null) or figures_source is not null)
);
create index engagement_campaign_dates_idx on engagement_campaign (starts_on, ends_on);

create table engagement_event (
  id bigserial primary key,
  title text not null,
  kind text not null,
  district text not null,
  held_on date not null,
  venue text,
  attendance integer check (attendance is null or attendance >= 0),
  campaign_id bigint references engagement_campaign (id),
  other_partners text,                     -- partners not held as partner agencies
  description text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index engagement_event_held_idx on engagement_event (held_on);

create table engagement_event_partner (
  event_id bigint not null references engagement_event (id) on delete cascade,
  agency_id bigint not null references partner_agency (id),
  primary key (event_id, agency_id)
);

create table engagement_feedback (
  id bigserial primary key,
  kind text not null check (kind in ('compliment', 'feedback')),
  received_on date not null,
  district text not null,
  event_id bigint references engagement_event (id),
  campaign_id bigint references engagement_campaign (id),
  from_name text,                          -- the member of the public, when they gave a name
  attribution text,                        -- how a published quote is attributed ("a resident", "the High Sheriff")
  person_id bigint references person (id), -- when they are held as a person record (subject access)
  quote text not null,
  consent_to_publish boolean not null default false,
  consent_recorded_on date,
  consent_how text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint engagement_feedback_consent check (not consent_to_publish or (consent_recorded_on is not null and consent_how is not null))
);
create index engagement_feedback_received_idx on engagement_feedback (received_on);
create index engagement_feedback_person_idx on engagement_feedback (person_id);

comment on column engagement_campaign.created_by is 'personal: who recorded the campaign';
comment on column engagement_event.created_by is 'personal: who recorded the event';
comment on column engagement_feedback.from_name is 'personal: name of a member of the public who gave feedback';
comment on column engagement_feedback.person_id is 'personal: the person record of who gave feedback';
comment on column engagement_feedback.quote is 'personal: what a member of the public said';
comment on column engagement_feedback.attribution is 'personal: how a published quote is attributed';
comment on column engagement_feedback.consent_to_publish is 'personal: consent to publish a quote';
comment on column engagement_feedback.consent_how is 'personal: how consent to publish was given';
comment on column engagement_feedback.created_by is 'personal: who recorded the feedback';

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('engagement_feedback', 36, 'review', 'Public feedback and compliments: reviewed three years after receipt (quotes published with consent stay in published reports).', '2026-12-06', 'migration');

-- migrate:down
delete from retention_rule where record_type = 'engagement_feedback';
drop table engagement_feedback;
drop table engagement_event_partner;
drop table engagement_event;
drop table engagement_campaign;
