-- Records of attendees.events that could never be processed, as they were on the topic, for an
-- admin to list and replay (GET /api/dead-letters, POST /api/dead-letters/{id}/replay); also on <topic>.dlq.
create table dead_letter (
    id               uuid primary key,
    topic            text        not null,
    partition        integer     not null,
    record_offset    bigint      not null,
    record_key       text,
    record_value     text,
    headers          jsonb       not null,
    reason           text        not null,
    detail           text        not null,
    dead_lettered_at timestamptz not null default now(),
    replayed_at      timestamptz,
    unique (topic, partition, record_offset)
);
create index dead_letter_newest on dead_letter (dead_lettered_at desc);
