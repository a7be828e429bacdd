package dev.herald.feed.websub;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.feed.ProductionPolicies;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** The hub as configured for production: no callback on this machine's own network, few requests per client. */
@QuarkusTest
@TestProfile(ProductionPolicies.class)
@WithTestResource(HeraldTestInfra.class)
// the refusals come first: the rate limit test spends this client's allowance for the hour
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSubProductionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void aCallbackOnLoopbackIsRefused(String host) throws Exception {
        try (Subscriber subscriber = new Subscriber()) {
            String callback = "http://" + host + ":" + subscriber.port() + "/";

            Response response = given().contentType(WebSubHubTest.FORM).formParam("hub.mode", "subscribe")
                    .formParam("hub.callback", callback).formParam("hub.topic", WebSubHubTest.BASE + "/feeds/atom.xml")
                    .post("/websub");

            assertEquals(400, response.statusCode(), response.asString());
            assertEquals("application/problem+json", response.contentType());
            JsonNode error = JSON.readTree(response.asString()).at("/errors/0");
            assertEquals("hub.callback", error.get("field").asText());
            assertTrue(error.get("message").asText().contains("loopback"), error.toString());
            assertTrue(subscriber.verifications.isEmpty());
            assertEquals(0L, pool.preparedQuery("select count(*) from websub_subscription where callback = $1")
                    .execute(Tuple.of(callback)).await().indefinitely().iterator().next().getLong(0));
        }
    }

    @Order(2)
    @Test
    void aClientSendingTooManyRequestsIsToldWhenToComeBack() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 6 && limited == null; i++) {
            // a request missing hub.mode: refused, yet it counts
            Response response = given().contentType(WebSubHubTest.FORM).formParam("hub.topic", "x").post("/websub");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertTrue(limited != null, statuses.toString());
        assertTrue(statuses.subList(0, statuses.size() - 1).stream().allMatch(status -> status == 400), statuses.toString());
        assertEquals("application/problem+json", limited.contentType());
        assertEquals(429, JSON.readTree(limited.asString()).get("status").asInt());
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1, limited.header("Retry-After"));
    }

    @Order(3)
    @Test
    void behindAProxyEachForwardedClientHasItsOwnAllowance() {
        // this machine is a trusted proxy (as the ingress is on the cluster's network); its own allowance is spent
        given().contentType(WebSubHubTest.FORM).formParam("hub.topic", "x").post("/websub").then().statusCode(429);

        given().contentType(WebSubHubTest.FORM).header("X-Forwarded-For", "203.0.113.9").formParam("hub.topic", "x")
                .post("/websub").then().statusCode(400);
    }
}
