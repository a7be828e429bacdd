package dev.herald.feed.ingest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.PrometheusText;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** herald_consumer_lag{channel} on /q/metrics for both channels feed-service reads. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ConsumerLagTest {

    @Test
    void eachChannelsLagIsZeroOnceWhatWasPublishedIsConsumed() {
        ReportEvents.publishUnderNewTag("lag");

        for (String channel : new String[] {"reports", "attendees"}) {
            // offsets are committed a few seconds after processing (commit-strategy=throttled); the lag is counted every 5 s
            await().atMost(Duration.ofSeconds(30)).until(() -> lag(channel) == 0);
        }
    }

    private static double lag(String channel) {
        return PrometheusText.scrape().value("herald_consumer_lag", Map.of("channel", channel)).orElse(-1.0);
    }
}
