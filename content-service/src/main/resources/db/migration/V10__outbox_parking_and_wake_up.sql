-- The outbox of libs/outbox: a row Kafka refuses for good is parked with the reason instead of retried forever,
-- and each commit that records events notifies the relay.
ALTER TABLE outbox ADD COLUMN parked_at timestamptz, ADD COLUMN parked_reason text;

DROP INDEX outbox_pending;
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
