create table person (
    id          uuid primary key,
    slug        varchar(100) not null unique,
    name        varchar(200) not null,
    bio         varchar(2000),
    github      varchar(39),
    avatar      varchar(500),
    bluesky     varchar(300),
    mastodon    varchar(500),
    website     varchar(500),
    featured    boolean not null default false,
    email       varchar(254),
    erased_at   timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index person_lower_name_idx on person (lower(name));

create table organisation (
    id          uuid primary key,
    slug        varchar(100) not null unique,
    name        varchar(200) not null,
    url         varchar(500),
    kind        varchar(30) not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table affiliation (
    id              uuid primary key,
    person_id       uuid not null references person (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    title           varchar(200),
    since           date,
    until           date,
    constraint affiliation_dates_ordered check (until is null or since is null or until >= since)
);
create index affiliation_person_idx on affiliation (person_id);

create table event (
    id                   uuid primary key,
    slug                 varchar(100) not null unique,
    name                 varchar(200) not null,
    kind                 varchar(30) not null,
    start_date           date not null,
    end_date             date not null,
    venue                varchar(200),
    city                 varchar(100),
    host_organisation_id uuid references organisation (id),
    description          varchar(5000),
    links                text not null default '[]',
    attendance           integer,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint event_dates_ordered check (end_date >= start_date)
);

create table participation (
    id        uuid primary key,
    event_id  uuid not null references event (id) on delete cascade,
    person_id uuid not null references person (id) on delete cascade,
    roles     varchar(200) not null,
    constraint participation_once_per_event unique (event_id, person_id)
);
create index participation_person_idx on participation (person_id);

create table mentorship (
    id        uuid primary key,
    event_id  uuid not null references event (id) on delete cascade,
    mentor_id uuid not null references person (id) on delete cascade,
    mentee_id uuid not null references person (id) on delete cascade,
    remote    boolean not null default false,
    constraint mentorship_once_per_event unique (event_id, mentor_id, mentee_id)
);

create table sponsorship (
    id              uuid primary key,
    event_id        uuid not null references event (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    kind            varchar(30) not null,
    note            varchar(1000),
    constraint sponsorship_once_per_kind unique (event_id, organisation_id, kind)
);

create table talk (
    id       uuid primary key,
    event_id uuid not null references event (id) on delete cascade,
    title    varchar(300) not null,
    kind     varchar(30) not null,
    day      date,
    slot     integer,
    constraint talk_title_once_per_event unique (event_id, title)
);

create table talk_speaker (
    talk_id   uuid not null references talk (id) on delete cascade,
    person_id uuid not null references person (id) on delete cascade,
    position  integer not null,
    primary key (talk_id, position)
);

create table outbox (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    aggregate_type varchar(50) not null,
    aggregate_id   uuid not null,
    type           varchar(100) not null,
    subject        varchar(100),
    payload        text not null,
    occurred_at    timestamptz not null,
    sent_at        timestamptz
);
create index outbox_unsent_idx on outbox (seq) where sent_at is null;
