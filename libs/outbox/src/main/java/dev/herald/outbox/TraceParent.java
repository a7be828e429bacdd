package dev.herald.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the span in which an event was recorded, kept
 * with the outbox row so that the relay, running later and elsewhere, sends the event as part of that trace (and
 * with feed-service's delivery rows, for the same reason). Both null when no span was current.
 */
public record TraceParent(String traceparent, String tracestate) {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The trace context current here: the span of the request or event that makes the change. */
    public static TraceParent current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return new TraceParent(carrier.get("traceparent"), carrier.get("tracestate"));
    }

    /** The context to continue: the recorded span as a remote parent, or the root when none was recorded. */
    public Context context() {
        Map<String, String> carrier = new HashMap<>();
        if (traceparent != null) {
            carrier.put("traceparent", traceparent);
        }
        if (tracestate != null) {
            carrier.put("tracestate", tracestate);
        }
        return W3C.extract(Context.root(), carrier, FROM_MAP);
    }
}
