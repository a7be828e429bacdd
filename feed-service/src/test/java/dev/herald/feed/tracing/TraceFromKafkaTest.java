package dev.herald.feed.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.RawRecords;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A report event continues the trace its producer sent in the traceparent header, down to the feed update. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class TraceFromKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theUpdateOfAReportRunsInTheTraceOfItsEvent() {
        UUID id = UUID.randomUUID();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String producerSpanId = HexFormat.of().formatHex(randomBytes(8));
        Map<String, String> headers = new HashMap<>(RawRecords.cloudEvent("/herald/content-service", ReportEvents.PUBLISHED));
        headers.put("traceparent", "00-" + traceId + "-" + producerSpanId + "-01");
        try (RawRecords records = new RawRecords()) {
            records.send("reports.events", id.toString(),
                    ReportEvents.report(id, 1, "traced-" + id, "Traced", "2019-10-30").toString(), headers);
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/2019/10/traced-" + id).then().statusCode(200));

        SpanData processing = await().atMost(WAIT).until(() -> inTrace(traceId).stream()
                .filter(span -> span.getName().equals("process reports.events")).findFirst(), Optional::isPresent).orElseThrow();
        assertEquals(producerSpanId, processing.getParentSpanId(), "a child of the producer's span");
        assertTrue(processing.hasEnded());
        List<SpanData> work = await().atMost(WAIT).until(() -> inTrace(traceId).stream()
                .filter(span -> span.getParentSpanId().equals(processing.getSpanId())).toList(), found -> !found.isEmpty());
        assertTrue(work.stream().allMatch(span -> span.getTraceId().equals(traceId)),
                "the update's own spans (database, say) belong to the trace: " + work);
    }

    private List<SpanData> inTrace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
