package dev.herald.content.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.RawRecords;
import dev.herald.infra.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One trace from the request that publishes a report to the record on reports.events: the outbox row keeps the
 * request's trace context, and the relay sends the record in a producer span of that trace.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class TraceThroughOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;
    @Inject
    Pool pool;

    @Test
    void aPublicationCarriesTheTraceOfItsRequestToTheKafkaRecord() {
        UUID id = createDraft();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        // as a gateway or another traced service calls: the request's span continues the caller's trace
        given().auth().oauth2(TestTokens.editor()).header("traceparent", traceParent(traceId, randomBytes(8)))
                .post("/api/reports/{id}/publish", id).then().statusCode(200);

        String recorded = outboxTraceParent(id);
        assertEquals(traceId, traceIdOf(recorded), "the outbox row keeps the trace of the request");
        SpanData request = await().atMost(WAIT).until(() -> span(spanIdOf(recorded)), Optional::isPresent).orElseThrow();
        assertEquals(SpanKind.SERVER, request.getKind(), "recorded in the span of the POST: " + request.getName());
        assertEquals(traceId, request.getTraceId());

        String sent = await().atMost(WAIT).until(() -> publishedRecord(id), Optional::isPresent).orElseThrow();
        assertEquals(traceId, traceIdOf(sent), "the Kafka record carries the same trace");
        SpanData producer = await().atMost(WAIT).until(() -> span(spanIdOf(sent)), Optional::isPresent).orElseThrow();
        assertEquals(SpanKind.PRODUCER, producer.getKind());
        assertEquals(request.getSpanId(), producer.getParentSpanId(), "the relay's send is a child of the request");
    }

    private static UUID createDraft() {
        String location = given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body("{\"slug\": \"traced-" + UUID.randomUUID() + "\", \"title\": \"Traced\", \"authorName\": \"Ada\", \"body\": \"Hi\"}")
                .post("/api/reports").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private String outboxTraceParent(UUID id) {
        Row row = pool.preparedQuery("select traceparent from outbox where aggregate_id = $1 and type = 'dev.herald.report.published'")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next();
        return row.getString("traceparent");
    }

    private static Optional<String> publishedRecord(UUID id) {
        try (RawRecords records = new RawRecords()) {
            return records.readAll("reports.events").stream()
                    .filter(record -> id.toString().equals(record.key()))
                    .filter(record -> RawRecords.header(record, "ce_type").orElse("").equals("dev.herald.report.published"))
                    .map(record -> RawRecords.header(record, "traceparent").orElseThrow())
                    .findFirst();
        }
    }

    private Optional<SpanData> span(String spanId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getSpanId().equals(spanId)).findFirst();
    }

    private static String traceParent(String traceId, byte[] spanId) {
        return "00-" + traceId + "-" + HexFormat.of().formatHex(spanId) + "-01";
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
