package dev.herald.feed.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
        String tag = publishedTag();
        String feed = "/tags/" + tag + "/rss.xml";

        PrometheusText before = metrics();
        given().get(feed).then().statusCode(200);
        PrometheusText rendered = metrics();
        assertTrue(value(rendered, "herald_feed_cache_misses_total", RSS) >= value(before, "herald_feed_cache_misses_total", RSS) + 1,
                "the first request for the new feed renders it");
        assertTrue(value(rendered, "herald_feed_render_seconds_count", RSS) >= value(before, "herald_feed_render_seconds_count", RSS) + 1);
        assertTrue(value(rendered, "herald_feed_render_seconds_sum", RSS) > value(before, "herald_feed_render_seconds_sum", RSS));

        given().get(feed).then().statusCode(200);
        assertTrue(value(metrics(), "herald_feed_cache_hits_total", RSS) >= value(rendered, "herald_feed_cache_hits_total", RSS) + 1,
                "the second request is served from memory");
    }

    @Test
    void everyFormatHasItsMetersBeforeAnyRequest() {
        PrometheusText metrics = metrics();
        for (String format : new String[] {"rss", "atom", "json"}) {
            Map<String, String> tags = Map.of("format", format);
            assertTrue(metrics.value("herald_feed_cache_hits_total", tags).isPresent(), format);
            assertTrue(metrics.value("herald_feed_cache_misses_total", tags).isPresent(), format);
            assertTrue(metrics.value("herald_feed_render_seconds_count", tags).isPresent(), format);
        }
    }

    private static String publishedTag() {
        String tag = "meters-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, tag, "Meters", "2024-05-01T00:00:00Z");
        report.putArray("tags").add(tag);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/tags/" + tag + "/atom.xml").statusCode() == 200);
        return tag;
    }

    private static PrometheusText metrics() {
        return PrometheusText.scrape();
    }

    private static double value(PrometheusText metrics, String name, Map<String, String> tags) {
        return metrics.value(name, tags).orElseThrow(() -> new AssertionError(name + tags + " is not on /q/metrics"));
    }
}
