package dev.herald.attendees;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import dev.herald.paging.PageRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Errors of attendees-service are problem documents naming the parameter; a page past the end is empty. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ApiErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/api/people")
    URI people;

    @Test
    void everyListingBoundsItsPaging() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"slug\": \"paging-person\", \"name\": \"Paging Person\"}").post("/api/people").then().statusCode(201);
        for (String listing : new String[] {"/api/people", "/api/events", "/api/organisations"}) {
            given().get(listing + "?page=20000000&size=100").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", containsInAnyOrder("page"));
            given().get(listing + "?page=x").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("page"));
            given().get(listing + "?size=101&page=-1").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", containsInAnyOrder("page", "size"));
            given().get(listing + "?page=" + PageRequest.MAX_PAGE + "&size=100").then().statusCode(200)
                    .body("items", hasSize(0)).body("page", equalTo(PageRequest.MAX_PAGE));
        }
        given().get("/api/people?page=" + PageRequest.MAX_PAGE).then().body("total", greaterThan(0));
        given().get("/api/people?featured=maybe").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("featured"));
    }

    @Test
    void unknownAddressesWrongMethodsAndTypesAreProblems() {
        given().accept("text/html").get("/api/no-such-thing").then().statusCode(404).contentType(PROBLEM);
        given().accept("text/html").get("/no-such-page").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).delete("/api/people").then().statusCode(405).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain").body("name: x").post("/api/people").then()
                .statusCode(415).contentType(PROBLEM);
        given().accept("text/html").get("/api/people").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void anAddressWithAControlCharacterNamesNothing() {
        // a NUL would reach PostgreSQL, which refuses it outright
        for (String path : new String[] {"/api/people/%00", "/api/events/a%0Ab", "/api/organisations/%7f", "/api/people/%1F"}) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void aNulInAQueryOrABodyIsRefusedNamingTheFieldAndStoresNothing() {
        // PostgreSQL refuses a NUL in text: each of these was a 500 from the database
        for (String listing : new String[] {"/api/people?q=%00", "/api/events?q=a%00b", "/api/people?featured=true&q=x%00"}) {
            given().urlEncodingEnabled(false).get(listing).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("q"))
                    .body("errors[0].message", equalTo("must not contain the character U+0000"));
        }
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"slug\": \"nul-person\", \"name\": \"Nul\\u0000Person\"}").post("/api/people").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain the character U+0000"));
        given().get("/api/people/nul-person").then().statusCode(404);
    }

    @Test
    void aJsonBodyPastItsBoundsIs413AndTheServiceLivesOn() throws Exception {
        // ten megabytes of empty arrays bound to a tree ran the heap out (a 500 OutOfMemoryError)
        String arrays = "[" + "[],".repeat(3_400_000) + "[]]";
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(arrays)
                .post("/api/events/{event}/participants/import", "any-event").then().statusCode(413).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must be at most 1048576 bytes of JSON"));
        // sent in chunks, without a length: refused as it is read
        HttpResponse<String> chunked = HTTP_1_1.send(HttpRequest.newBuilder(people)
                .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(arrays.getBytes(StandardCharsets.US_ASCII))))
                .build(), BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked::body);
        assertEquals(PROBLEM, chunked.headers().firstValue("Content-Type").orElse(null));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("[" + "[],".repeat(150_000) + "[]]")
                .post("/api/events/{event}/participants/import", "any-event").then().statusCode(413).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must hold at most 100000 JSON tokens"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"slug\": \"after-bounds\", \"name\": \"After " + "x".repeat(100_000) + "\"}").post("/api/people").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"slug\": \"after-bounds\", \"name\": \"After Bounds\"}").post("/api/people").then().statusCode(201);
    }
}
