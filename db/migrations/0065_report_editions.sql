-- migrate:up
-- Quarterly report editions (src/modules/report): the frozen figures of a quarter (content: every
-- section's numbers with their sources, as generated from the live records), the author's
-- narrative per section, the disclosure profile that applies to the whole edition, sign-off and
-- publication. A published edition keeps its rendered files; regenerating it from the frozen
-- content must give the same bytes (HTML, JSON), whatever the records say by then.
create table report_edition (
  id bigserial primary key,
  quarter text not null,
  force text,
  profile text not null check (profile in ('internal', 'public', 'child')),
  title text not null,
  status text not null default 'draft' check (status in ('draft', 'approved', 'published')),
  content jsonb not null,
  narrative jsonb not null default '{}'::jsonb,
  created_by text not null,
  created_at timestamptz not null default now(),
  regenerated_at timestamptz,
  approved_by text,
  approved_at timestamptz,
  published_by text,
  published_at timestamptz,
  constraint report_edition_approved check ((status = 'draft') = (approved_by is null)),
  constraint report_edition_published check ((status = 'published') = (published_at is not null))
);
create index report_edition_quarter_idx on report_edition (quarter, id);

create table report_edition_file (
  edition_id bigint not null references report_edition (id),
  format text not null check (format in ('html', 'json', 'xlsx', 'pdf')),
  bytes bytea not null,
  sha256 text not null,
  created_at timestamptz not null default now(),
  primary key (edition_id, format)
);

-- migrate:down
drop table report_edition_file;
drop table report_edition;
