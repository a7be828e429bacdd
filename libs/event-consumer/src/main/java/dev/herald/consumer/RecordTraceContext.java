package dev.herald.consumer;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/** The W3C trace context a producer wrote on a record ({@code traceparent}, {@code tracestate} headers). */
final class RecordTraceContext {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private RecordTraceContext() {
    }

    /** The producer's span as a remote parent; the root, starting a new trace, when the record carries none. */
    static Context of(ConsumerRecord<?, ?> record) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), HEADERS);
    }
}
