-- migrate:up
-- Accounts, sessions and the tamper-evident audit log.

create table app_user (
  id bigserial primary key,
  username text not null unique,       -- stored lower-case
  display_name text,
  role text not null check (role in ('admin', 'analyst', 'supervisor', 'officer', 'partner', 'auditor')),
  partner_agency text,                 -- the named agency of a partner account
  password_hash text not null,         -- argon2id
  is_demo boolean not null default false,
  disabled_at timestamptz,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now(),
  check (role <> 'partner' or partner_agency is not null)
);

create table user_district (
  user_id bigint not null references app_user (id) on delete cascade,
  district text not null,              -- local authority name, as in incident.district
  primary key (user_id, district)
);

-- The cookie holds a random token; only its SHA-256 is stored.
create table user_session (
  token_hash text primary key,
  user_id bigint not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user_idx on user_session (user_id);

-- Failed sign-ins by client address, for throttling beyond one account.
create table sign_in_failure (
  client text not null,
  at timestamptz not null default now()
);
create index sign_in_failure_idx on sign_in_failure (client, at);

-- Append-only audit log. Each entry's MAC covers its content and the previous entry's MAC,
-- keyed by a secret kept outside the database (HUB_AUDIT_KEY or the key file).
create table audit_log (
  id bigserial primary key,
  at timestamptz not null,
  actor text not null,                 -- user:<name>, cli:<os user> or system
  action text not null,
  record_type text,
  record_id text,
  purpose text,                        -- why a record was consulted
  recipients text,                     -- who received a disclosure
  reason text,                         -- required for exports and break-glass access
  details jsonb,
  prev_mac text not null,
  mac text not null
);
create index audit_log_actor_idx on audit_log (actor, at);
create index audit_log_record_idx on audit_log (record_type, record_id);
create index audit_log_at_idx on audit_log (at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- migrate:down
drop table audit_log;
drop function audit_log_append_only();
drop table sign_in_failure;
drop table user_session;
drop table user_district;
drop table app_user;
