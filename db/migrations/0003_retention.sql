-- migrate:up
-- Retention: each record type has a dated, configurable rule; `hub retention review` lists what
-- is due and `hub retention apply` deletes what a 'delete' rule allows, auditing each deletion.

create table retention_rule (
  record_type text primary key,
  keep_months integer not null check (keep_months >= 0),
  action text not null check (action in ('review', 'delete')),
  basis text not null,                 -- why this period (policy, law, guidance)
  effective_from date not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('user_session', 0, 'delete', 'Expired sessions serve no purpose once past their absolute expiry.', '2026-11-24', 'migration'),
  ('sign_in_failure', 1, 'delete', 'Throttling needs 15 minutes; one month supports investigation of attacks.', '2026-11-24', 'migration'),
  ('app_user', 12, 'review', 'Disabled accounts are reviewed a year after disabling (staff data, UK GDPR Art. 5(1)(e)).', '2026-11-24', 'migration'),
  ('audit_log', 72, 'review', 'DPA 2018 s62 logs: kept six years by force policy, then reviewed; never deleted automatically.', '2026-11-24', 'migration'),
  ('import_snapshot', 84, 'review', 'Published open data; reviewed after seven years for continued analytical need.', '2026-11-24', 'migration');

-- migrate:down
drop table retention_rule;
