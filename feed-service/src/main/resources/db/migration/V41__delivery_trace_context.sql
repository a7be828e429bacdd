-- The trace of the change that queued a delivery (W3C traceparent/tracestate), continued by every attempt
alter table delivery add column traceparent text, add column tracestate text;
