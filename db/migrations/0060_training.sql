-- migrate:up
-- Training: courses (seeded with the force report's list of training delivered; editable), each
-- with its refresher interval as data (null: attended once is enough, or not yet set by the force),
-- sessions (date, trainer, district) and attendance per officer (the hub's accounts) and team.

create table training_course (
  id bigserial primary key,
  name text not null,
  description text,
  refresher_months integer check (refresher_months is null or refresher_months between 1 and 120),
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index training_course_name_idx on training_course (lower(name));

create table training_session (
  id bigserial primary key,
  course_id bigint not null references training_course (id),
  held_on date not null,
  trainer text not null,
  district text not null,                  -- decides who may see the session and its attendance
  venue text,
  notes text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index training_session_course_idx on training_session (course_id, held_on);
create index training_session_held_idx on training_session (held_on);

create table training_attendance (
  id bigserial primary key,
  session_id bigint not null references training_session (id) on delete cascade,
  user_id bigint not null references app_user (id),
  team text not null,                      -- the officer's team when they attended
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  unique (session_id, user_id)
);
create index training_attendance_user_idx on training_attendance (user_id);

comment on column training_session.trainer is 'personal: who delivered a training session';
comment on column training_session.created_by is 'personal: who recorded the session';
comment on column training_attendance.user_id is 'personal: an officer who attended training';
comment on column training_attendance.team is 'personal: the team of an officer who attended training';
comment on column training_attendance.recorded_by is 'personal: who recorded the attendance';

-- The force report's list ("To date the training has included"). The report states no refresher
-- intervals: they are left unset for the force to enter (hub training update-course).
insert into training_course (name, description, created_by) values
  ('Community Resolution training', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('Athena Investigations and N26 / Investigative Habits Refresher training', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('PREVENT Training', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('NRM training', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('VRU Awareness', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('Young Street Groups', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('Community Speedwatch', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('Mobile First', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('Proactive Management Plans (PMPs) and OSARA', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('Outcome 22', 'From the force prevention report''s list of training delivered.', 'migration'),
  ('Intervention workbooks', 'From the force prevention report''s list of training delivered.', 'migration');

insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by) values
  ('training_attendance', 72, 'review', 'Training records of officers: reviewed six years after the session (staff records, UK GDPR Art. 5(1)(e)).', '2026-12-06', 'migration');

-- migrate:down
delete from retention_rule where record_type = 'training_attendance';
drop table training_attendance;
drop table training_session;
drop table training_course;
