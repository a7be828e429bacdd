package dev.herald.feed.webhooks;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.LoopbackReceiver;
import dev.herald.feed.ProductionPolicies;
import dev.herald.feed.ReportEvents;
import dev.herald.feed.delivery.SecretBox;
import dev.herald.feed.delivery.SubscriberHost;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * With production's address policy, a subscription cannot point Herald at itself or at the internal network, neither
 * when it is made nor when a delivery goes out.
 */
@QuarkusTest
@TestProfile(ProductionPolicies.class)
@WithTestResource(HeraldTestInfra.class)
class SubscriptionAddressPolicyTest {

    @Inject
    Pool pool;

    @Inject
    SecretBox secrets;

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:%d/", "http://127.0.0.1/", "http://10.0.0.1/", "http://[::1]:%d/hook",
            "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/", "http://0.0.0.0/"})
    void internalAddressesAreRefusedNamingTheUrlAndNothingIsStored(String template) {
        String url = template.formatted(io.restassured.RestAssured.port);
        long before = count();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        assertEquals(before, count());
    }

    @Test
    void aStoredSubscriptionWhoseHostNowResolvesToLoopbackIsNotCalled() {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(204); ReportEvents events = new ReportEvents()) {
            // as if it had been allowed when made and its name now resolves to this machine (DNS rebinding)
            UUID id = UUID.randomUUID();
            String tag = "rebound-" + id;
            String url = receiver.url("/rebound").replace("127.0.0.1", "localhost");
            pool.preparedQuery("insert into webhook_subscription (id, url, host, secret, filter_tags) values ($1, $2, $3, $4, $5)")
                    .execute(Tuple.of(id, url, SubscriberHost.of(url), secrets.seal("whsec_" + "a".repeat(43)), new String[] {tag}))
                    .await().atMost(Duration.ofSeconds(10));

            ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, tag, "Rebound", "2024-05-01T00:00:00Z");
            report.putArray("tags").add(tag);
            events.send(ReportEvents.PUBLISHED, report);

            String error = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.admin())
                    .get("/api/subscriptions/" + id + "/deliveries").then().statusCode(200).extract()
                    .<String>path("items[0].attemptLog[0].error"), found -> found != null);
            assertEquals("localhost resolves to 127.0.0.1, a loopback address", error);
            assertEquals(List.of(), receiver.received);
        }
    }

    private long count() {
        return pool.query("select count(*) from webhook_subscription").execute().await().indefinitely().iterator().next().getLong(0);
    }
}
