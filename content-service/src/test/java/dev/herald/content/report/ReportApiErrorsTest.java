package dev.herald.content.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import dev.herald.paging.PageRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Every error of content-service is an RFC 9457 problem document naming what was wrong; none changes anything. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ReportApiErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void unknownAddressesAreProblemsNotHtml() {
        given().accept("text/html").get("/api/no-such-thing").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("instance", equalTo("/api/no-such-thing"));
        given().accept("text/html").get("/no/such/page").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/reports/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/reports/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodUnsupportedTypeAndUnacceptableAnswerProblems() {
        UUID id = draft("errors-methods");
        editor().delete("/api/reports").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
        editor().contentType("text/plain").body("title: hello").post("/api/reports").then().statusCode(415)
                .contentType(PROBLEM).body("status", equalTo(415));
        given().accept("text/html").get("/api/reports/{id}", id).then().statusCode(406).contentType(PROBLEM)
                .body("status", equalTo(406));
        editor().get("/api/reports/{id}", id).then().statusCode(200).body("title", equalTo("Errors"))
                .body("revision", equalTo(1));
    }

    @Test
    void malformedJsonNamesTheFieldAndStoresNothing() {
        editor().contentType("application/json").body("{\"slug\": \"half-json\", ").post("/api/reports").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        editor().contentType("application/json").body(input("bad-date").replace("2019-10-30T00:00:00Z", "yesterday"))
                .post("/api/reports").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("publishDate"));
        editor().contentType("application/json").body(input("bad-tags").replace("[\"sprint\"]", "{\"a\": 1}"))
                .post("/api/reports").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("tags"));
        // PostgreSQL refuses a NUL in text: the body is refused where it is read, wherever the string is
        editor().contentType("application/json").body(input("nul-tag").replace("[\"sprint\"]", "[\"ok\", \"a\\u0000b\"]"))
                .post("/api/reports").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("tags[1]"))
                .body("errors[0].message", equalTo("must not contain the character U+0000"));
        editor().queryParam("size", 100).get("/api/reports").then()
                .body("items.findAll { it.slug == 'half-json' || it.slug == 'bad-date' || it.slug == 'bad-tags' "
                        + "|| it.slug == 'nul-tag' }", hasSize(0));
    }

    @Test
    void aJsonBodyIsBoundedJustPastTheLargestReport() {
        // the longest body there is, each character escaped as JSON allows (6 MB): taken
        String escaped = "\\u00e9".repeat(ReportLimits.BODY_CHARS);
        editor().contentType("application/json").body(input("json-largest").replace("Some text", escaped))
                .post("/api/reports").then().statusCode(201).body("body.length()", equalTo(ReportLimits.BODY_CHARS));
        // 60 MB of text and 5,000,000 tags ran the 160 MB heap out (a 500) before the body's limits were checked
        editor().contentType("application/json").body(input("json-too-large").replace("Some text", escaped + "x".repeat(3_000_000)))
                .post("/api/reports").then().statusCode(413).contentType(PROBLEM).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must be at most 8388608 bytes of JSON"));
        editor().contentType("application/json").body(input("json-many-tags").replace("\"sprint\"", "\"t\",".repeat(200_000) + "\"t\""))
                .post("/api/reports").then().statusCode(413).contentType(PROBLEM).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must hold at most 100000 JSON tokens"));
        editor().queryParam("size", 100).get("/api/reports").then()
                .body("items.findAll { it.slug == 'json-too-large' || it.slug == 'json-many-tags' }", hasSize(0));
    }

    @Test
    void badQueryParametersAreNamed() {
        given().get("/api/reports?page=20000000&size=100").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("page"));
        given().get("/api/reports?size=101").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("size"));
        given().get("/api/reports?page=-1&size=0").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("page", "size"));
        given().get("/api/reports?page=abc").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("page")).body("errors[0].message", equalTo("must be a whole number"));
        given().get("/api/reports?state=bogus").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("state"))
                .body("errors[0].message", containsString("draft, scheduled, published, unpublished"));
        // a NUL reached PostgreSQL as a filter, which refused it: a 500
        for (String parameter : new String[] {"tag", "author", "event"}) {
            given().urlEncodingEnabled(false).get("/api/reports?size=5&" + parameter + "=a%00b").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo(parameter))
                    .body("errors[0].message", equalTo("must not contain the character U+0000"));
        }
    }

    @Test
    void aPagePastTheEndIsEmpty() {
        draft("errors-paging");
        given().get("/api/reports?page=" + PageRequest.MAX_PAGE + "&size=100").then().statusCode(200)
                .body("items", hasSize(0)).body("page", equalTo(PageRequest.MAX_PAGE)).body("size", equalTo(100));
        JsonPath drafts = editor().get("/api/reports?state=draft&page=0&size=100").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(drafts.getList("items.slug").contains("errors-paging"), drafts::prettify);
        assertEquals(drafts.getList("items").size(), drafts.getLong("total"), drafts::prettify);
    }

    @Test
    void changingAPublishedReportWithoutPublishDateKeepsItsDate() {
        UUID id = draft("errors-keep-date");
        editor().post("/api/reports/{id}/publish", id).then().statusCode(200);
        editor().contentType("application/json").body(input("errors-keep-date")
                .replace("\"publishDate\": \"2019-10-30T00:00:00Z\",", "").replace("\"Errors\"", "\"Errors, edited\""))
                .put("/api/reports/{id}", id).then().statusCode(200)
                .body("publishDate", equalTo("2019-10-30T00:00:00Z")).body("title", equalTo("Errors, edited"))
                .body("revision", equalTo(2)).body("state", equalTo("published"));
    }

    @Test
    void aDraftMayDropItsPublishDate() {
        UUID id = draft("errors-draft-date");
        editor().contentType("application/json").body(input("errors-draft-date")
                .replace("\"publishDate\": \"2019-10-30T00:00:00Z\",", ""))
                .put("/api/reports/{id}", id).then().statusCode(200).body("publishDate", equalTo(null));
    }

    @Test
    void aBugAnswersA500ProblemWithAnIdAndNoInternals() {
        given().get("/api/test-only/broken").then().statusCode(500).contentType(PROBLEM)
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body("detail", containsString("error id"))
                .body(not(containsString("hunter2"))).body(not(containsString("IllegalStateException")));
        given().accept("text/html").get("/test-only/broken-route").then().statusCode(500).contentType(PROBLEM)
                .body("errorId", notNullValue()).body(not(containsString("hunter2")));
    }

    static RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.editor());
    }

    static UUID draft(String slug) {
        String location = editor().contentType("application/json").body(input(slug)).post("/api/reports").then()
                .statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static String input(String slug) {
        return """
                {"slug": "%s", "title": "Errors", "authorName": "Ada Lovelace", "tags": ["sprint"],
                 "publishDate": "2019-10-30T00:00:00Z", "body": "Some text"}
                """.formatted(slug);
    }
}
