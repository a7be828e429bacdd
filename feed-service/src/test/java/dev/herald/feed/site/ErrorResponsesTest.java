package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Browsers keep the site's 404 page; API calls and JSON clients get problem documents, and no error is an HTML trace. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ErrorResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void jsonClientsAndApiCallsGetProblemsBrowsersThePage() {
        given().accept("text/html").get("/api/no-such-thing").then().statusCode(404).contentType(PROBLEM)
                .body("instance", equalTo("/api/no-such-thing"));
        given().accept("application/json").get("/no/such/page").then().statusCode(404).contentType(PROBLEM);
        // a report page exists only as HTML
        given().accept("application/json").get("/2019/10/no-such-report").then().statusCode(406).contentType(PROBLEM)
                .body("status", equalTo(406));
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/2019/10/no-such-report").then()
                .statusCode(404).contentType(containsString("text/html")).body(containsString("Page not found"));
        given().accept("text/html").get("/no/such/page").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Page not found"));
    }

    @Test
    void aWrongMethodIsAProblem() {
        given().delete("/").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
    }

    @Test
    void aBugAnswersA500ProblemWithAnIdAndNoInternals() {
        given().get("/test-only/broken").then().statusCode(500).contentType(PROBLEM)
                .body("errorId", matchesPattern("[0-9a-f-]{36}")).body(not(containsString("hunter2")));
        given().accept("text/html").get("/test-only/broken-route").then().statusCode(500).contentType(PROBLEM)
                .body("errorId", matchesPattern("[0-9a-f-]{36}")).body(not(containsString("hunter2")));
    }
}
