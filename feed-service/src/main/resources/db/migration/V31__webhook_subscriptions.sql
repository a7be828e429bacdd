-- Webhook subscriptions (admin API /api/subscriptions). Empty filter arrays match everything; the fan-out's single
-- insert ... select over this table matches every active subscription at once.
create table webhook_subscription (
    id                    uuid        primary key,
    url                   text        not null,
    -- lower-case host:port of url, the delivery queue's per-host key
    host                  text        not null,
    description           text,
    filter_tags           text[]      not null default '{}',
    filter_authors        text[]      not null default '{}',
    filter_events         text[]      not null default '{}',
    filter_types          text[]      not null default '{}',
    -- sealed by SecretBox (AES-GCM); signing needs the secret itself, so it cannot be hashed
    secret                text        not null,
    -- the secret before the last rotation, still signing until previous_secret_until
    previous_secret       text,
    previous_secret_until timestamptz,
    active                boolean     not null default true,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    disabled_at           timestamptz,
    disabled_reason       text,
    -- the start of the current run of failed attempts; null after a success
    failing_since         timestamptz
);
create index webhook_subscription_listing on webhook_subscription (created_at, id);
