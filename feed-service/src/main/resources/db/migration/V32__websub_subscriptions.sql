-- Verified WebSub subscriptions (pending verifications live in memory of the replica that received the request).
-- A subscription is one callback's interest in one topic: a feed (atom, rss, json) or the HTML page of a scope.
create table websub_subscription (
    id             uuid        primary key,
    callback       text        not null,
    -- the topic URL as the subscriber gave it: distributions name it in rel="self"
    topic          text        not null,
    scope_kind     text        not null check (scope_kind in ('all', 'tag', 'author', 'event')),
    -- '' for all reports, so that the distribution join needs no null handling
    scope_value    text        not null,
    representation text        not null check (representation in ('page', 'atom', 'rss', 'json')),
    -- host:port of the callback, for the per-host bound and the dispatcher's per-host concurrency
    host           text        not null,
    -- hub.secret sealed with SecretBox; null when none was given
    secret         text,
    lease_seconds  int         not null,
    created_at     timestamptz not null default now(),
    verified_at    timestamptz not null,
    expires_at     timestamptz not null,
    unique (callback, topic)
);
create index websub_subscription_scope on websub_subscription (scope_kind, scope_value);
create index websub_subscription_host on websub_subscription (host);
create index websub_subscription_expiry on websub_subscription (expires_at);
