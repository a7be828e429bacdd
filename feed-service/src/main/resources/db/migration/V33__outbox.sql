-- The outbox of libs/outbox (content-service V1 and V10, unchanged): feed-service records its own events
-- (dev.herald.subscription.disabled on notifications.events) in the transaction of the change.
-- position gives the relay its send order
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    position      bigserial NOT NULL UNIQUE,
    aggregate_id  uuid NOT NULL,
    type          varchar(100) NOT NULL,
    subject       varchar(200) NOT NULL,
    payload       text NOT NULL,
    occurred_at   timestamptz NOT NULL,
    sent_at       timestamptz,
    parked_at     timestamptz,
    parked_reason text
);
CREATE INDEX outbox_pending ON outbox (position) WHERE sent_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked ON outbox (aggregate_id) WHERE parked_at IS NOT NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- PostgreSQL delivers a NOTIFY only when its transaction commits, and once per transaction
CREATE FUNCTION outbox_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_recorded', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_recorded AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_recorded();
