package dev.herald.content.report;

import static dev.herald.content.report.ReportApiErrorsTest.draft;
import static dev.herald.content.report.ReportApiErrorsTest.editor;
import static dev.herald.content.report.ReportApiErrorsTest.input;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Optimistic locking: a report's ETag is its version; a stale If-Match is a 412, a race is a 409, never a lost write. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ReportConcurrencyTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void everyWriteAnswersTheNewStrongEtag() {
        UUID id = draft("lock-etag");
        String created = editor().get("/api/reports/{id}", id).then().statusCode(200).extract().header("ETag");
        assertTrue(created.matches("\"[0-9]+\""), created);
        String updated = editor().header("If-Match", created).contentType("application/json")
                .body(input("lock-etag").replace("\"Errors\"", "\"Locked\"")).put("/api/reports/{id}", id).then()
                .statusCode(200).body("title", equalTo("Locked")).extract().header("ETag");
        assertNotEquals(created, updated);
        String published = editor().header("If-Match", updated).post("/api/reports/{id}/publish", id).then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(updated, published);
        assertEquals(published, editor().get("/api/reports/{id}", id).header("ETag"));
        assertEquals(published, io.restassured.RestAssured.given().get("/api/reports/{id}", id).header("ETag"),
                "readers see the same tag");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        UUID id = draft("lock-stale");
        String stale = editor().get("/api/reports/{id}", id).header("ETag");
        String current = editor().header("If-Match", stale).contentType("application/json")
                .body(input("lock-stale").replace("\"Errors\"", "\"First writer\"")).put("/api/reports/{id}", id)
                .then().statusCode(200).extract().header("ETag");

        editor().header("If-Match", stale).contentType("application/json")
                .body(input("lock-stale").replace("\"Errors\"", "\"Second writer\"")).put("/api/reports/{id}", id)
                .then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412))
                .body("errors[0].field", equalTo("If-Match"));
        editor().header("If-Match", stale).post("/api/reports/{id}/publish", id).then().statusCode(412).contentType(PROBLEM);
        editor().header("If-Match", stale).contentType("application/json")
                .body(Map.of("publishAt", java.time.Instant.now().plusSeconds(3600).toString()))
                .post("/api/reports/{id}/schedule", id).then().statusCode(412).contentType(PROBLEM);
        editor().header("If-Match", stale).delete("/api/reports/{id}", id).then().statusCode(412).contentType(PROBLEM);
        editor().header("If-Match", "W/" + current).post("/api/reports/{id}/publish", id).then()
                .statusCode(412).contentType(PROBLEM);

        editor().get("/api/reports/{id}", id).then().statusCode(200).header("ETag", current)
                .body("title", equalTo("First writer")).body("revision", equalTo(2)).body("state", equalTo("draft"));

        String published = editor().header("If-Match", current).post("/api/reports/{id}/publish", id).then()
                .statusCode(200).body("state", equalTo("published")).extract().header("ETag");
        editor().header("If-Match", current).post("/api/reports/{id}/unpublish", id).then().statusCode(412)
                .contentType(PROBLEM);
        editor().get("/api/reports/{id}", id).then().body("state", equalTo("published"));
        editor().header("If-Match", "\"nope\", " + published).post("/api/reports/{id}/unpublish", id).then()
                .statusCode(200).body("state", equalTo("unpublished"));
        editor().header("If-Match", "*").delete("/api/reports/{id}", id).then().statusCode(204);
        editor().get("/api/reports/{id}", id).then().statusCode(404);
    }

    @Test
    void aMalformedIfMatchIsNamed() {
        UUID id = draft("lock-malformed");
        editor().header("If-Match", "7").post("/api/reports/{id}/publish", id).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("If-Match"));
        editor().get("/api/reports/{id}", id).then().body("state", equalTo("draft"));
    }

    @Test
    void aWriteBasedOnAnOlderVersionFailsEvenWithoutIfMatch() throws Throwable {
        UUID id = draft("lock-race");
        // the slow writer reads, then another writer commits, then the slow writer flushes what it read
        Throwable failure = assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> Report.<Report>findById(id)
                        .call(report -> fastWriter(id))
                        .invoke(report -> report.title = "Slow writer"))));
        assertTrue(failure instanceof StaleStateException || failure instanceof jakarta.persistence.OptimisticLockException
                || failure.getCause() instanceof StaleStateException, failure::toString);
        editor().get("/api/reports/{id}", id).then().body("title", equalTo("Fast writer")).body("revision", equalTo(2));
    }

    /** Another writer's PUT, made off the event loop; the caller's session continues on its own context. */
    private static Uni<Void> fastWriter(UUID id) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> editor().contentType("application/json")
                .body(input("lock-race").replace("\"Errors\"", "\"Fast writer\""))
                .put("/api/reports/{id}", id).then().statusCode(200).extract().response())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .replaceWithVoid();
    }

    @Test
    void concurrentWritersWithoutIfMatchNeverLoseAnUpdateSilently() throws Exception {
        UUID id = draft("lock-concurrent");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = input("lock-concurrent").replace("\"Errors\"", "\"Writer " + i + "\"");
                answers.add(CompletableFuture.supplyAsync(() -> editor().contentType("application/json").body(body)
                        .put("/api/reports/{id}", id).then().extract().response(), pool));
            }
            int accepted = 0;
            List<String> acceptedTitles = new ArrayList<>();
            for (CompletableFuture<Response> answer : answers) {
                Response response = answer.get();
                assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response::asString);
                if (response.statusCode() == 200) {
                    accepted++;
                    acceptedTitles.add(response.path("title"));
                } else {
                    assertEquals(PROBLEM, response.contentType());
                }
            }
            // each accepted write is one revision on top of the one before: none was overwritten in silence
            int revision = editor().get("/api/reports/{id}", id).then().extract().path("revision");
            assertEquals(1 + accepted, revision);
            String title = editor().get("/api/reports/{id}", id).then().extract().path("title");
            assertTrue(acceptedTitles.contains(title), title);
            int revisions = editor().get("/api/reports/{id}/revisions", id).then().extract().path("size()");
            assertEquals(revision, revisions);
        } finally {
            pool.shutdownNow();
        }
    }
}
