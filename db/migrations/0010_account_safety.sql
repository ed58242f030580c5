-- migrate:up
-- Accounts whose password was printed on a console (the demo accounts) must choose a new one
-- at their first sign-in; the API refuses other work until they have.
alter table app_user add column must_change_password boolean not null default false;

-- Sign-in attempts by address are reserved before the password check and removed again when
-- the sign-in succeeds: an id names the reservation.
alter table sign_in_failure add column id bigserial primary key;

-- migrate:down
alter table sign_in_failure drop column id;
alter table app_user drop column must_change_password;
