package dev.herald.infra;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * What every Herald service promises from day one: readiness that checks PostgreSQL and Kafka, OpenAPI and
 * metrics on the management interface and not on the public port, problem responses documented for the writes,
 * and writes under {@code /api} closed to callers
 * without the writer role. A service's
 * {@code @QuarkusTest} extends this with its roles.
 */
public abstract class ServiceContractTest {

    /** The role that may write to this service. */
    protected abstract String writerRole();

    /** A real role that must not write to this service. */
    protected abstract String otherRole();

    /** A listing under {@code /api} that also takes writes (POST), whose documented problem responses are checked. */
    protected abstract String listingPath();

    @Test
    void readinessChecksDatabaseAndKafka() {
        management().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(
                        "Reactive PostgreSQL connections health check",
                        "Kafka connection health check"));
    }

    @Test
    void livenessAnswers() {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiAndMetricsAreServedOnTheManagementInterface() {
        management().get("/q/openapi?format=json").then().statusCode(200).body("info.title", containsString("Herald"));
        management().get("/q/swagger-ui/").then().statusCode(200);
        assertTrue(PrometheusText.scrape().value("jvm_threads_live_threads", Map.of()).isPresent());
    }

    @Test
    void writesDocumentTheirProblemResponses() {
        JsonPath openApi = management().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("object", openApi.getString("components.schemas.Problem.type"));
        for (String status : new String[] {"400", "409"}) {
            assertEquals("#/components/schemas/Problem", openApi.getString("paths.'" + listingPath() + "'.post.responses.'"
                    + status + "'.content.'application/problem+json'.schema.$ref"), status);
        }
        assertTrue(openApi.getMap("paths.'" + listingPath() + "'.get.responses").containsKey("400"));
    }

    @Test
    void enumValuesAreDocumentedAsTheyTravelInLowerCase() {
        Object openApi = management().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().get();
        List<Object> values = new ArrayList<>();
        collectEnumValues(openApi, values);
        for (Object value : values) {
            assertEquals(String.valueOf(value).toLowerCase(Locale.ROOT), String.valueOf(value), "enum value in /q/openapi");
        }
    }

    private static void collectEnumValues(Object node, List<Object> values) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("enum".equals(key) && value instanceof List<?> list) {
                    values.addAll(list);
                } else {
                    collectEnumValues(value, values);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectEnumValues(item, values));
        }
    }

    @Test
    void swaggerUiTriesRequestsOnThePublicPortNotTheManagementOne() throws Exception {
        // the port the service's own application.properties names (tests run it on another)
        Properties own = new Properties();
        try (var in = ServiceContractTest.class.getResourceAsStream("/application.properties")) {
            own.load(in);
        }
        String publicPort = own.getProperty("quarkus.http.port");
        management().get("/q/openapi?format=json").then().statusCode(200)
                .body("servers.url", contains("http://localhost:" + publicPort));
    }

    @Test
    void thePublicPortServesNoManagementEndpoint() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void writeWithoutTokenIsUnauthorized() {
        given().contentType("application/json").body("{}").post("/api/anything").then().statusCode(401);
        given().delete("/api/anything/1").then().statusCode(401);
    }

    @Test
    void writeWithAnotherRoleIsForbidden() {
        given().auth().oauth2(TestTokens.withRoles(otherRole()))
                .contentType("application/json").body("{}")
                .post("/api/anything").then().statusCode(403);
    }

    @Test
    void writeWithTheWriterRolePassesSecurity() {
        given().auth().oauth2(TestTokens.withRoles(writerRole()))
                .contentType("application/json").body("{}")
                .post("/api/anything").then().statusCode(not(oneOf(401, 403)));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        given().auth().oauth2(TestTokens.withAudience("another-service", writerRole())).contentType("application/json").body("{}")
                .post("/api/anything").then().statusCode(401);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws Exception {
        var strangerKeys = SigningKeys.inDirectory(Files.createTempDirectory("stranger-keys"));
        String forged = new Tokens(strangerKeys).issue("mallory", Duration.ofMinutes(5), writerRole());
        given().auth().oauth2(forged).contentType("application/json").body("{}")
                .post("/api/anything").then().statusCode(401);
    }
}
