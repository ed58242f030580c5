-- migrate:up
-- Powers register gaps (issue 14): the rank of each officer's account, set by an administrator and
-- audited, so an act's issuing rank comes from the account rather than being typed; and CPN breaches
-- recorded as acts of their own (the failure to comply and what was done about it), beside the
-- fixed penalty that already has its own record type.

create table power_officer_rank (
  user_id bigint primary key references app_user (id),
  username text not null,                         -- as signed in (usernames do not change)
  rank text not null check (rank in ('constable', 'sergeant', 'inspector', 'chief_inspector', 'superintendent', 'chief_superintendent')),
  set_by text not null,
  set_at timestamptz not null default now()
);

alter table power_record drop constraint power_record_record_type_check;
alter table power_record add constraint power_record_record_type_check check (record_type in ('dispersal_authorisation', 'dispersal_direction',
  'dispersal_variation', 'cpw', 'cpn', 'cpn_fpn', 'cpn_breach', 's59_warning', 's59_seizure', 'closure_notice', 'closure_extension',
  'closure_adjournment', 'closure_order', 'closure_order_extension'));

-- migrate:down
delete from power_record where record_type = 'cpn_breach';
alter table power_record drop constraint power_record_record_type_check;
alter table power_record add constraint power_record_record_type_check check (record_type in ('dispersal_authorisation', 'dispersal_direction',
  'dispersal_variation', 'cpw', 'cpn', 'cpn_fpn', 's59_warning', 's59_seizure', 'closure_notice', 'closure_extension', 'closure_adjournment',
  'closure_order', 'closure_order_extension'));
drop table power_officer_rank;
