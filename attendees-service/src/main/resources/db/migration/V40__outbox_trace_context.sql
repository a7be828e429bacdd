-- The W3C trace context of the change each outbox row records (libs/outbox): the relay sends the event as part of
-- the same trace, so one trace runs from the request to every consumer of the event.
ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text;
