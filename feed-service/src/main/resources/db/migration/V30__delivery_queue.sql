-- Notifications waiting for, or given to, subscribers: the durable queue that webhooks and WebSub share.
-- A row is claimed for one attempt at a time (state 'sending' until lease_until) with FOR UPDATE SKIP LOCKED;
-- a replica that dies mid-attempt leaves a lapsed lease that another replica claims as the next attempt.
create table delivery (
    id              bigserial   primary key,
    kind            text        not null,
    subscription_id uuid        not null,
    message_id      text        not null,
    -- host:port of the subscriber, for the per-host bound on attempts in flight
    host            text        not null,
    -- the body as enqueued; null when the channel renders it at each attempt
    payload         bytea,
    state           text        not null default 'pending'
                    check (state in ('pending', 'sending', 'delivered', 'failed', 'dropped')),
    attempts        int         not null default 0,
    due_at          timestamptz not null default now(),
    claimed_at      timestamptz,
    -- the replica (pid@host) holding the lease
    claimed_by      text,
    lease_until     timestamptz,
    created_at      timestamptz not null default now(),
    settled_at      timestamptz,
    unique (kind, subscription_id, message_id)
);
create index delivery_open on delivery (due_at) where state in ('pending', 'sending');
create index delivery_by_subscription on delivery (subscription_id, id desc);
create index delivery_settled on delivery (settled_at) where settled_at is not null;
-- one WebSub distribution not yet attempted per subscription: later changes ride on it (it sends the current feed)
create unique index delivery_websub_coalesced on delivery (subscription_id)
    where kind = 'websub' and state = 'pending' and attempts = 0;

-- every attempt, for the delivery log
create table delivery_attempt (
    delivery_id bigint      not null references delivery (id) on delete cascade,
    attempt     int         not null,
    started_at  timestamptz not null,
    status      int,
    error       text,
    duration_ms bigint      not null,
    replica     text,
    primary key (delivery_id, attempt)
);

-- dispatchers on every replica LISTEN; NOTIFY is delivered when the enqueuing transaction commits
create function delivery_queued() returns trigger language plpgsql as $$
begin
    perform pg_notify('delivery_queued', '');
    return null;
end $$;
create trigger delivery_queued after insert on delivery for each statement execute function delivery_queued();
