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

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import dev.herald.feed.LoopbackReceiver;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.RawRecords;
import dev.herald.infra.TestTokens;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A report event continues the trace its producer sent in the traceparent header, down to the feed update and the
 * webhook deliveries it queues.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class TraceFromKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theUpdateOfAReportRunsInTheTraceOfItsEvent() {
        UUID id = UUID.randomUUID();
        String traceId = randomHex(16);
        String producerSpanId = randomHex(8);
        sendTraced(ReportEvents.report(id, 1, "traced-" + id, "Traced", "2019-10-30"), traceId, producerSpanId);
        await().atMost(WAIT).untilAsserted(() -> given().get("/2019/10/traced-" + id).then().statusCode(200));

        SpanData processing = processing(traceId);
        assertEquals(producerSpanId, processing.getParentSpanId(), "a child of the producer's span");
        assertTrue(processing.hasEnded());
        List<SpanData> work = await().atMost(WAIT).until(() -> inTrace(traceId).stream()
                .filter(span -> span.getParentSpanId().equals(processing.getSpanId())).toList(), found -> !found.isEmpty());
        assertTrue(work.stream().allMatch(span -> span.getTraceId().equals(traceId)),
                "the update's own spans (database, say) belong to the trace: " + work);
    }

    @Test
    void aWebhookDeliveryRunsInTheTraceOfTheEventThatQueuedIt() throws Exception {
        String tag = "traced-" + randomHex(4);
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(204)) {
            String subscription = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/traced"), "filters", Map.of("tags", List.of(tag))))
                    .post("/api/subscriptions").then().statusCode(201).extract().path("id");
            try {
                UUID id = UUID.randomUUID();
                String traceId = randomHex(16);
                ObjectNode report = ReportEvents.report(id, 1, "delivered-" + id, "Delivered", "2024-03-05T10:00:00Z");
                report.putArray("tags").add(tag);
                sendTraced(report, traceId, randomHex(8));
                await().atMost(WAIT).until(() -> receiver.at("/traced").size() == 1);

                SpanData processing = processing(traceId);
                SpanData delivery = await().atMost(WAIT).until(() -> inTrace(traceId).stream()
                        .filter(span -> span.getName().equals("deliver webhook")).findFirst(), Optional::isPresent).orElseThrow();
                assertTrue(delivery.getStartEpochNanos() >= processing.getStartEpochNanos(), "sent after the event was processed");
                assertTrue(inTrace(traceId).stream().anyMatch(span -> span.getSpanId().equals(delivery.getParentSpanId())),
                        "a descendant of the processing of the event that queued it");
            } finally {
                given().auth().oauth2(TestTokens.admin()).delete("/api/subscriptions/" + subscription).then().statusCode(204);
            }
        }
    }

    private static void sendTraced(ObjectNode report, String traceId, String parentSpanId) {
        Map<String, String> headers = new HashMap<>(RawRecords.cloudEvent("/herald/content-service", ReportEvents.PUBLISHED));
        headers.put("traceparent", "00-" + traceId + "-" + parentSpanId + "-01");
        try (RawRecords records = new RawRecords()) {
            records.send("reports.events", report.path("id").asText(), report.toString(), headers);
        }
    }

    private SpanData processing(String traceId) {
        return await().atMost(WAIT).until(() -> inTrace(traceId).stream()
                .filter(span -> span.getName().equals("process reports.events")).findFirst(), Optional::isPresent).orElseThrow();
    }

    private List<SpanData> inTrace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
