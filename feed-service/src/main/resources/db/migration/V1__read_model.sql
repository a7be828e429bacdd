-- The public read model, rebuilt from reports.events: only what feeds and pages show.
create table report (
    id           uuid primary key,
    revision     bigint      not null,
    slug         text        not null,
    title        text        not null,
    summary      text        not null,
    content_html text        not null,
    author_name  text        not null,
    author_slug  text,
    event_slug   text,
    tags         text[]      not null,
    published_at timestamptz not null,
    updated_at   timestamptz not null,
    legacy_url   text,
    images       jsonb       not null
);
create index report_newest on report (published_at desc, id desc);
create index report_tags on report using gin (tags);
create index report_author on report (author_slug);
create index report_event on report (event_slug);
create index report_legacy_url on report (legacy_url);

-- the newest revision applied per report, kept after an unpublish so that a late older event cannot revive it
create table report_revision (
    report_id uuid   primary key,
    revision  bigint not null
);

-- CloudEvents already applied: source + id is the de-duplication key
create table processed_event (
    source       text        not null,
    id           text        not null,
    type         text        not null,
    processed_at timestamptz not null default now(),
    primary key (source, id)
);
