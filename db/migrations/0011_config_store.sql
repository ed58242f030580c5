-- migrate:up
-- The versioned configuration store (src/platform/config-store): local versions of the values the
-- law, a partnership or a force sets (rule values, later KPI definitions and disclosure profiles).
-- Defaults live in the repository (config-store/defaults.ts); a local version overrides them on the
-- days it covers. A version is never edited, except that a later version may close an open-ended
-- one (effective_to set to the day before it starts). value null means "not in force" (a rule
-- switched off, or waiting for its commencement).
create table config_value (
  id bigserial primary key,
  key text not null,
  version integer not null,
  value jsonb,
  effective_from date not null,
  effective_to date,
  source text not null check (length(trim(source)) > 0),
  created_by text not null,
  created_at timestamptz not null default now(),
  closed_by text,
  closed_at timestamptz,
  constraint config_value_key_version unique (key, version),
  constraint config_value_period check (effective_to is null or effective_to >= effective_from)
);
create index config_value_key_idx on config_value (key, effective_from);

-- migrate:down
drop table config_value;
