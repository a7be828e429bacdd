package dev.herald.feed.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** With production's address policy, a subscription cannot point Herald at itself or at the internal network. */
@QuarkusTest
@TestProfile(ProductionAddresses.class)
@WithTestResource(HeraldTestInfra.class)
class SubscriptionAddressPolicyTest {

    @Inject
    Pool pool;

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

    private long count() {
        return pool.query("select count(*) from webhook_subscription").execute().await().indefinitely().iterator().next().getLong(0);
    }
}
