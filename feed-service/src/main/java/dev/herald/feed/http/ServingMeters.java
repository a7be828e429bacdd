package dev.herald.feed.http;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Leaves out Vert.x's {@code http.server.bytes.written} and {@code http.server.bytes.read} summaries: they record
 * every socket write and sample an exemplar each time (~5 % of a feed poll's CPU), and nothing reads them (the
 * request timer and the feed meters count the traffic).
 */
class ServingMeters {

    @Produces
    @Singleton
    MeterFilter noBytesPerWrite() {
        return MeterFilter.denyNameStartsWith("http.server.bytes.");
    }
}
