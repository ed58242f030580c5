-- The audit key's fingerprint, and audit entries findable by the people they disclose.
-- migrate:up

-- One row: the fingerprint of the key this database's audit chain is written with (the first
-- 16 hex digits of SHA-256 over HMAC(key, 'fingerprint'); never the key). Recorded by the first
-- append; nothing appends or verifies with a key of another fingerprint.
create table audit_key_fingerprint (
  id smallint primary key default 1 check (id = 1),
  fingerprint text not null check (fingerprint ~ '^[0-9a-f]{16}$'),
  recorded_at timestamptz not null default now()
);

create function audit_key_fingerprint_fixed() returns trigger language plpgsql as $$
begin
  raise exception 'audit_key_fingerprint is fixed once recorded: % refused', tg_op;
end;
$$;
create trigger audit_key_fingerprint_no_update before update or delete on audit_key_fingerprint
  for each row execute function audit_key_fingerprint_fixed();
create trigger audit_key_fingerprint_no_truncate before truncate on audit_key_fingerprint
  for each statement execute function audit_key_fingerprint_fixed();

-- Entries that disclose people name their ids in details.personIds (a JSON array of numbers):
-- the auditor's search by person and subject access exports look them up here.
create index audit_log_person_ids_idx on audit_log using gin ((details -> 'personIds'));

-- migrate:down
drop index audit_log_person_ids_idx;
drop table audit_key_fingerprint;
drop function audit_key_fingerprint_fixed();
