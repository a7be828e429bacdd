package dev.herald.feed.feeds;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.PrometheusText;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The feed cache and the rendering as an operator sees them on /q/metrics. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class FeedMetersTest {

    private static final Map<String, String> RSS = Map.of("format", "rss");

    @Test
    void aFeedRenderedAfterAChangeIsAMissAndTimedThenServedFromMemoryAsAHit() {
        String tag = ReportEvents.publishUnderNewTag("meters");
        String feed = "/tags/" + tag + "/rss.xml";

        PrometheusText before = PrometheusText.scrape();
        given().get(feed).then().statusCode(200);
        PrometheusText rendered = PrometheusText.scrape();
        assertTrue(value(rendered, "herald_feed_cache_misses_total", RSS) >= value(before, "herald_feed_cache_misses_total", RSS) + 1,
                "the first request for the new feed renders it");
        assertTrue(value(rendered, "herald_feed_render_seconds_count", RSS) >= value(before, "herald_feed_render_seconds_count", RSS) + 1);
        assertTrue(value(rendered, "herald_feed_render_seconds_sum", RSS) > value(before, "herald_feed_render_seconds_sum", RSS));

        given().get(feed).then().statusCode(200);
        PrometheusText served = PrometheusText.scrape();
        assertTrue(value(served, "herald_feed_cache_hits_total", RSS) >= value(rendered, "herald_feed_cache_hits_total", RSS) + 1,
                "the second request is served from memory");
        // the feed meters count feed requests; the generic HTTP timer, per request, would cost a poll more
        assertTrue(timedRoutes(served).noneMatch(uri -> uri.contains("rss")), feed);
    }

    @Test
    void aMonthsArchiveIsLeftToTheFeedMetersAndNoSocketWriteIsMeasured() {
        String archive = "/tags/" + ReportEvents.publishUnderNewTag("archive-meters") + "/archive/2024-05/atom.xml";
        given().get(archive).then().statusCode(200);

        PrometheusText metrics = PrometheusText.scrape();
        assertTrue(timedRoutes(metrics).noneMatch(uri -> uri.contains("archive")), archive);
        assertTrue(metrics.samples().stream().map(PrometheusText.Sample::name).noneMatch(name -> name.startsWith("http_server_bytes_")),
                "a summary per socket write: an exemplar sampled on every feed poll, read by nobody");
    }

    @Test
    void everyFormatHasItsMetersFromStartUp() {
        PrometheusText metrics = PrometheusText.scrape();
        for (String format : new String[] {"rss", "atom", "json"}) {
            Map<String, String> tags = Map.of("format", format);
            assertTrue(metrics.value("herald_feed_cache_hits_total", tags).isPresent(), format);
            assertTrue(metrics.value("herald_feed_cache_misses_total", tags).isPresent(), format);
            assertTrue(metrics.value("herald_feed_render_seconds_count", tags).isPresent(), format);
        }
    }

    /** The {@code uri} label of every series of the HTTP server timer. */
    private static Stream<String> timedRoutes(PrometheusText metrics) {
        return metrics.samples().stream().filter(sample -> sample.name().equals("http_server_requests_seconds_count"))
                .map(sample -> sample.labels().getOrDefault("uri", ""));
    }

    private static double value(PrometheusText metrics, String name, Map<String, String> tags) {
        return metrics.value(name, tags).orElseThrow(() -> new AssertionError(name + tags + " is not on /q/metrics"));
    }
}
