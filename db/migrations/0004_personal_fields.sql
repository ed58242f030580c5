-- migrate:up
-- Personal fields are marked in the schema: a column comment starting 'personal:' says what it
-- holds. Logs and error messages never carry these values; subject access exports gather them.
comment on column app_user.username is 'personal: staff account name';
comment on column app_user.display_name is 'personal: staff name as shown';
comment on column app_user.partner_agency is 'personal: employer of a partner account';
comment on column user_district.district is 'personal: where the officer works';
comment on column user_session.created_at is 'personal: when the person signed in';
comment on column user_session.last_seen_at is 'personal: when the person was last active';
comment on column sign_in_failure.client is 'personal: network address of a sign-in attempt';
comment on column audit_log.actor is 'personal: who acted';
comment on column audit_log.details is 'personal: may name the account acted on';

-- migrate:down
comment on column app_user.username is null;
comment on column app_user.display_name is null;
comment on column app_user.partner_agency is null;
comment on column user_district.district is null;
comment on column user_session.created_at is null;
comment on column user_session.last_seen_at is null;
comment on column sign_in_failure.client is null;
comment on column audit_log.actor is null;
comment on column audit_log.details is null;
