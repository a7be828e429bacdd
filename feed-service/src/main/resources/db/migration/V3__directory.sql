-- The public directory from attendees.events: each event and person as their latest event carries them whole.
create table event_directory (
    id   uuid primary key,
    slug text  not null,
    data jsonb not null
);
create index event_directory_slug on event_directory (slug);

create table person_directory (
    id   uuid primary key,
    slug text  not null,
    data jsonb not null
);
create index person_directory_slug on person_directory (slug);
