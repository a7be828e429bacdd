package dev.herald.feed.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** The admin API of webhook subscriptions: who may use it, what it shows, what it refuses. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class SubscriptionApiTest {

    private static final String SECRET = "^whsec_[A-Za-z0-9+/]{43}=$";

    @Inject
    Pool pool;

    /** Its subscriptions point nowhere; deleted so that other tests' publications queue nothing for them. */
    @AfterEach
    void unsubscribe() {
        pool.query("delete from webhook_subscription where url like 'http://127.0.0.1:9/%' or url like 'https://127.0.0.1:8443/%'")
                .execute().await().indefinitely();
    }

    @Test
    void everyMethodNeedsTheAdminRole() {
        String id = create(Map.of("url", "http://127.0.0.1:9/hook")).getString("id");
        List<String[]> calls = List.of(new String[] {"GET", "/api/subscriptions"}, new String[] {"GET", "/api/subscriptions/" + id},
                new String[] {"POST", "/api/subscriptions"}, new String[] {"PUT", "/api/subscriptions/" + id},
                new String[] {"DELETE", "/api/subscriptions/" + id}, new String[] {"POST", "/api/subscriptions/" + id + "/secret"},
                new String[] {"GET", "/api/subscriptions/" + id + "/deliveries"},
                new String[] {"POST", "/api/subscriptions/" + id + "/deliveries/1/redeliver"});
        for (String[] call : calls) {
            given().contentType(ContentType.JSON).body("{}").request(call[0], call[1]).then().statusCode(401);
            given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body("{}")
                    .request(call[0], call[1]).then().statusCode(403);
        }
        admin().get("/api/subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void theSecretIsShownOnceAtCreationAndOnceAtRotation() {
        JsonPath created = create(Map.of("url", "http://127.0.0.1:9/once", "description", "ops chat",
                "filters", Map.of("tags", List.of("sprint"), "types", List.of("published", "updated"))));
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertTrue(secret.matches(SECRET), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        assertEquals(List.of("sprint"), created.getList("filters.tags"));
        assertEquals(List.of(), created.getList("filters.authors"));
        assertTrue(created.getBoolean("active"));

        admin().get("/api/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/once"))
                .body("description", equalTo("ops chat"))
                .body("$", not(hasKey("secret")));
        JsonPath list = admin().queryParam("size", 100).get("/api/subscriptions").then().statusCode(200).extract().jsonPath();
        assertTrue(list.getList("items.id").contains(id));
        assertTrue(list.getList("items").stream().noneMatch(item -> ((Map<?, ?>) item).containsKey("secret")));
        assertEquals(100, list.getInt("size"));
        assertEquals(0, list.getInt("page"));
        assertTrue(list.getLong("total") >= 1);

        String rotated = admin().post("/api/subscriptions/" + id + "/secret").then().statusCode(200)
                .body("previousSecretValidUntil", notNullValue())
                .body("secret", matchesPattern(SECRET)).extract().path("secret");
        assertNotEquals(secret, rotated);
        admin().get("/api/subscriptions/" + id).then().body("$", not(hasKey("secret")));
        // stored sealed, never as given
        String stored = pool.preparedQuery("select secret || coalesce(previous_secret, '') from webhook_subscription where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getString(0);
        assertFalse(stored.contains(rotated.substring(6)) || stored.contains(secret.substring(6)));
    }

    @Test
    void replacingChangesWhatTheAdminWritesAndReEnablingForgetsTheFailure() {
        String id = create(Map.of("url", "http://127.0.0.1:9/before")).getString("id");
        pool.query("update webhook_subscription set active = false, disabled_at = now(), disabled_reason = 'gone',"
                + " failing_since = now() - interval '6 days' where id = '" + id + "'").execute().await().indefinitely();
        admin().get("/api/subscriptions/" + id).then().body("active", equalTo(false))
                .body("disabledReason", equalTo("gone"));

        admin().contentType(ContentType.JSON).body(Map.of("url", "https://127.0.0.1:8443/after", "active", true,
                        "filters", Map.of("events", List.of("core-sprint-2019"))))
                .put("/api/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("https://127.0.0.1:8443/after"))
                .body("active", equalTo(true))
                .body("disabledAt", nullValue()).body("disabledReason", nullValue()).body("failingSince", nullValue())
                .body("filters.events", hasItem("core-sprint-2019"))
                .body("description", nullValue())
                .body("$", not(hasKey("secret")));
        assertEquals("127.0.0.1:8443", pool.query("select host from webhook_subscription where id = '" + id + "'").execute()
                .await().indefinitely().iterator().next().getString(0));

        admin().delete("/api/subscriptions/" + id).then().statusCode(204);
        admin().get("/api/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        admin().delete("/api/subscriptions/" + id).then().statusCode(404);
        admin().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x"))
                .put("/api/subscriptions/" + id).then().statusCode(404);
        admin().post("/api/subscriptions/" + id + "/secret").then().statusCode(404);
        admin().get("/api/subscriptions/" + id + "/deliveries").then().statusCode(404);
    }

    static Stream<Arguments> badBodies() {
        String longTag = "t".repeat(201);
        return Stream.of(
                Arguments.of("{}", "url"),
                Arguments.of("{\"url\": \"ftp://127.0.0.1/hook\"}", "url"),
                Arguments.of("{\"url\": \"/relative/hook\"}", "url"),
                Arguments.of("{\"url\": \"http://127.0.0.1/" + "a".repeat(2000) + "\"}", "url"),
                Arguments.of("{\"url\": \"http://user:pw@127.0.0.1/hook\"}", "url"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"filters\": {\"types\": [\"deleted\"]}}", "filters.types"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"filters\": {\"tags\": [\"" + longTag + "\"]}}", "filters.tags"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"filters\": {\"tags\": [" + "\"x\",".repeat(50) + "\"x\"]}}", "filters.tags"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"filters\": {\"authors\": [\"\"]}}", "filters.authors"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"description\": \"" + "d".repeat(501) + "\"}", "description"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"colour\": \"red\"}", "colour"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"filters\": {\"tag\": [\"sprint\"]}}", "filters.tag"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"filters\": {\"tags\": \"sprint\"}}", "filters.tags"),
                Arguments.of("{\"url\": \"http://127.0.0.1:9/hook\", \"active\": \"yes\"}", "active"),
                Arguments.of("{\"url\": 42}", "url"),
                Arguments.of("not json", "body"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedNamingTheFieldAndStoreNothing(String body, String field) {
        long before = count();
        String existing = create(Map.of("url", "http://127.0.0.1:9/kept")).getString("id");
        admin().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
        admin().contentType(ContentType.JSON).body(body).put("/api/subscriptions/" + existing).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
        assertEquals(before + 1, count());
        admin().get("/api/subscriptions/" + existing).then().body("url", equalTo("http://127.0.0.1:9/kept"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"url\": \"http://127.0.0.1:9/hook\", \"filters\": {\"tags\": \"sprint\"}} | filters.tags | must be an array",
            "{\"url\": \"http://127.0.0.1:9/hook\", \"active\": [true]}                   | active       | must be true or false",
            "{\"url\": {\"href\": \"http://127.0.0.1:9/hook\"}}                           | url          | must be a string"})
    void aWrongJsonTypeIsNamedInJsonsWords(String body, String field, String message) {
        admin().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then().statusCode(400)
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
    }

    @Test
    void badPagingIsRefusedNamingTheParameter() {
        admin().queryParam("size", 101).get("/api/subscriptions").then().statusCode(400).body("errors.field", hasItem("size"));
        admin().queryParam("page", -1).get("/api/subscriptions").then().statusCode(400).body("errors.field", hasItem("page"));
        admin().get("/api/subscriptions/not-a-uuid").then().statusCode(404);
    }

    private long count() {
        return pool.query("select count(*) from webhook_subscription").execute().await().indefinitely().iterator().next().getLong(0);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static JsonPath create(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/subscriptions/[0-9a-f-]{36}$"))
                .extract().jsonPath();
    }
}
